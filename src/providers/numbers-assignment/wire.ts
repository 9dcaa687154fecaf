import { lazy } from '../../provider.js';
import type { Expectation, PagePosition } from '../../provider.js';
import * as z from 'zod/mini';
import {
  assignmentField as field,
  listEnvelope,
  paginationField,
  timestampWire,
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
    [paginationField.page]: z.number(),
    [paginationField.totalPages]: z.number(),
    [paginationField.total]: z.nullish(z.number()),
  }),
);

const bareListSchema = lazy(() => z.array(assignmentSchema()));

const envelopedListSchema = lazy(() =>
  z.object({
    [listEnvelope.items]: z.array(assignmentSchema()),
    [listEnvelope.pagination]: z.nullish(paginationSchema()),
  }),
);

/** A list answer as checked: a bare array of assignments, or the envelope with optional pagination. */
export type AssignmentListWire = AssignmentWire[] | { [listEnvelope.items]: AssignmentWire[]; [listEnvelope.pagination]?: PaginationWire | null | undefined };

type PaginationWire = z.infer<ReturnType<typeof paginationSchema>>;

/** The shape a list answer must have: a bare array, or the envelope; chosen by what came. */
export function listExpectation(body: unknown): Expectation<AssignmentListWire> {
  return Array.isArray(body)
    ? { schema: bareListSchema, what: 'a page of phone numbers (a bare array)' }
    : { schema: envelopedListSchema, what: 'a page of phone numbers' };
}

/** The items of a list answer in either shape. */
export function listItems<Item>(body: Item[] | { [listEnvelope.items]: Item[] }): Item[] {
  return Array.isArray(body) ? body : body[listEnvelope.items];
}

/** Where an enveloped answer says it stands; `null` for a bare array or an envelope without pagination. */
export function listPosition(body: AssignmentListWire): PagePosition | null {
  if (Array.isArray(body)) return null;
  const pagination = body[listEnvelope.pagination];
  if (!pagination) return null;
  return {
    page: pagination[paginationField.page],
    totalPages: pagination[paginationField.totalPages],
    total: pagination[paginationField.total] ?? null,
  };
}

/** The expected shape of a single-assignment answer, once unwrapped from its envelope (`unwrapEntity`). */
export function assignmentExpectation(what: string): Expectation<AssignmentWire> {
  return { schema: assignmentSchema, what };
}
