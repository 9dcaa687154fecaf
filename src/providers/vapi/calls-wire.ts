import { lazy } from '../../provider.js';
import * as z from 'zod/mini';

// Vapi's `Call` and `Assistant`, only the fields the mappings read; everything else passes through in `raw`.

const text = () => z.nullish(z.string());
const count = () => z.nullish(z.number());

/** One entry of `artifact.messages` (a user, bot, system, tool-call or tool-result message). */
const messageSchema = lazy(() =>
  z.object({
    role: text(),
    message: text(),
    name: text(),
    result: text(),
    secondsFromStart: count(),
    duration: count(),
  }),
);

export const vapiCallSchema = lazy(() =>
  z.object({
    id: z.string(),
    type: text(),
    status: text(),
    endedReason: text(),
    createdAt: text(),
    startedAt: text(),
    endedAt: text(),
    cost: count(),
    assistantId: text(),
    squadId: text(),
    workflowId: text(),
    phoneNumberId: text(),
    campaignId: text(),
    customer: z.nullish(z.object({ number: text() })),
    phoneNumber: z.nullish(z.object({ number: text() })),
    // Any object, every key kept: what a record of unknowns takes from JSON, without zod's record parser in the bundle.
    assistantOverrides: z.nullish(z.object({ variableValues: z.nullish(z.looseObject({})) })),
    analysis: z.nullish(z.object({ summary: text() })),
    artifact: z.nullish(
      z.object({
        messages: z.nullish(z.array(messageSchema())),
        recordingUrl: text(),
        presignedMonoUrl: text(),
        presignedUrlsExpiresAt: text(),
      }),
    ),
  }),
);

export const vapiCallListSchema = lazy(() => z.array(vapiCallSchema()));

export const vapiAssistantSchema = lazy(() =>
  z.object({
    id: z.string(),
    name: text(),
    createdAt: text(),
    updatedAt: text(),
    latestVersion: text(),
    voice: z.nullish(z.object({ provider: text(), voiceId: text() })),
    model: z.nullish(
      z.object({
        provider: text(),
        model: text(),
        // `content` is text in the document; anything else (a list of parts) is left out of the prompt, not refused.
        messages: z.nullish(z.array(z.object({ role: text(), content: z.unknown() }))),
      }),
    ),
  }),
);

export const vapiAssistantListSchema = lazy(() => z.array(vapiAssistantSchema()));

/** One contact of a campaign: its call, once dialled. */
const contactSchema = lazy(() => z.object({ id: text(), callId: text() }));

export const vapiContactPageSchema = lazy(() =>
  z.object({
    results: z.array(contactSchema()),
    metadata: z.nullish(
      z.object({ currentPage: count(), totalPages: count(), totalItems: count(), hasNextPage: z.nullish(z.boolean()) }),
    ),
  }),
);

export type VapiCallWire = z.infer<ReturnType<typeof vapiCallSchema>>;
export type VapiAssistantWire = z.infer<ReturnType<typeof vapiAssistantSchema>>;
export type VapiContactPageWire = z.infer<ReturnType<typeof vapiContactPageSchema>>;
