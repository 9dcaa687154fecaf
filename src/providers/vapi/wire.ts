import { lazy } from '../../provider.js';
import type { PagePosition } from '../../provider.js';
import * as z from 'zod/mini';

// Only the fields the mapping reads are checked; everything else passes through in `raw`. Items are
// `z.object`, not `z.looseObject`: the validated copy needs only what the mapping reads.

const text = () => z.nullish(z.string());
const count = () => z.nullish(z.number());

export const phoneNumberSchema = lazy(() =>
  z.object({
    id: z.string(),
    provider: text(),
    status: text(),
    number: text(),
    sipUri: text(),
    name: text(),
    assistantId: text(),
    workflowId: text(),
    squadId: text(),
    createdAt: text(),
    updatedAt: text(),
  }),
);

/** Documented as always present: `itemsPerPage`, `totalItems`, `currentPage`; the rest may be missing. */
const metadataSchema = lazy(() =>
  z.object({
    currentPage: z.nullish(z.number()),
    totalPages: count(),
    totalItems: count(),
    hasNextPage: z.nullish(z.boolean()),
  }),
);

export const phoneNumberPageSchema = lazy(() =>
  z.object({ results: z.array(phoneNumberSchema()), metadata: z.nullish(metadataSchema()) }),
);

const contactCountersSchema = lazy(() =>
  z.object({
    pending: count(),
    dispatched: count(),
    completed: count(),
    failed: count(),
    skipped: count(),
    predialFailed: count(),
  }),
);

export const campaignSchema = lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    status: text(),
    endedReason: text(),
    assistantId: text(),
    workflowId: text(),
    squadId: text(),
    maxConcurrency: count(),
    schedulePlan: z.nullish(z.object({ earliestAt: text() })),
    contactCounters: z.nullish(contactCountersSchema()),
    // The create answer holds the customers sent (the campaign's audience); lists and gets do not.
    customers: z.nullish(z.array(z.unknown())),
    createdAt: text(),
  }),
);

export const campaignPageSchema = lazy(() =>
  z.object({ results: z.array(campaignSchema()), metadata: z.nullish(metadataSchema()) }),
);

export type VapiPhoneNumberWire = z.infer<ReturnType<typeof phoneNumberSchema>>;
export type VapiCampaignWire = z.infer<ReturnType<typeof campaignSchema>>;
type Metadata = z.infer<ReturnType<typeof metadataSchema>>;

/** Where a `{ results, metadata }` page stands: `hasNextPage`, else `currentPage < totalPages`, else the full-page rule. */
export function pagePosition(body: { metadata?: Metadata | null | undefined }): PagePosition | null {
  const metadata = body.metadata;
  if (!metadata) return null;
  return {
    page: metadata.currentPage,
    totalPages: metadata.totalPages,
    hasNextPage: metadata.hasNextPage,
    total: metadata.totalItems,
  };
}
