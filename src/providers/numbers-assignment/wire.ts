import * as z from 'zod/mini';
import { lazy, parseWire } from '../../core/kit/validate.js';
import { providerId } from './provider-id.js';
import {
  assignmentField as field,
  listEnvelope,
  paginationField,
  timestampWire,
  unwrapEntity,
  type PaginationInfo,
} from './wire-assumptions.js';

// Only the fields the mapping reads are checked; everything else passes through in `raw`. Items are
// `z.object`, not `z.looseObject`: the validated copy needs only what the mapping reads, and copying
// every other field of every item cost about 1 µs a number in the benchmark.

export const assignmentSchema = lazy(() =>
  z.object({
    [field.id]: z.string(),
    [field.number]: z.string(),
    [field.label]: z.nullish(z.string()),
    [field.agentId]: z.nullish(z.string()),
    [field.status]: z.nullish(z.string()),
    [field.createdAt]: timestampWire(),
    [field.updatedAt]: timestampWire(),
  }),
);

export type AssignmentWire = z.infer<ReturnType<typeof assignmentSchema>>;

const paginationSchema = lazy(() =>
  z.object({
    [paginationField.page]: z.int(),
    [paginationField.totalPages]: z.int(),
    [paginationField.total]: z.nullish(z.int()),
  }),
);

const bareListSchema = lazy(() => z.array(assignmentSchema()));

const envelopedListSchema = lazy(() =>
  z.object({
    [listEnvelope.items]: z.array(assignmentSchema()),
    [listEnvelope.pagination]: z.nullish(paginationSchema()),
  }),
);

/** One list answer, checked: the validated items, the same items as received, and the pagination if any. */
export interface AssignmentList {
  items: AssignmentWire[];
  rawItems: Record<string, unknown>[];
  pagination: PaginationInfo | null;
}

/** Reads a list answer in either of its shapes; throws `ResponseValidationError` for anything else. */
export function readAssignmentList(body: unknown): AssignmentList {
  if (Array.isArray(body)) {
    const items = parseWire(bareListSchema(), body, providerId, 'a page of phone numbers (a bare array)');
    return { items, rawItems: body as Record<string, unknown>[], pagination: null };
  }
  const page = parseWire(envelopedListSchema(), body, providerId, 'a page of phone numbers');
  const pagination = page[listEnvelope.pagination];
  return {
    items: page[listEnvelope.items],
    rawItems: (body as Record<string, Record<string, unknown>[]>)[listEnvelope.items]!,
    pagination: pagination
      ? {
          page: pagination[paginationField.page],
          totalPages: pagination[paginationField.totalPages],
          total: pagination[paginationField.total] ?? null,
        }
      : null,
  };
}

/** Reads a single-assignment answer, bare or enveloped; `raw` is the assignment object as received. */
export function readAssignment(body: unknown, what: string): { wire: AssignmentWire; raw: Record<string, unknown> } {
  const inner = unwrapEntity(body);
  const wire = parseWire(assignmentSchema(), inner, providerId, what);
  return { wire, raw: inner as Record<string, unknown> };
}
