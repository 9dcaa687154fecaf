import { dateFromIso, isPlainObject } from '../../provider.js';
import type { MappedStatus, PhoneNumberStatus } from '../../provider.js';
import * as z from 'zod/mini';

/*
 * What this adapter assumes about the numbers-assignment wire where the platform's reference page
 * is silent: it publishes the endpoints and request bodies, but no response schema, an empty status
 * enum and no error format. Every other file of the adapter reads these names, values and rules,
 * so when the real API turns out different, this file is the one to correct.
 */

/** Wire names of an assignment's fields. Only `id` and `phoneNumber` are assumed always present. */
export const assignmentField = {
  id: 'id',
  number: 'phoneNumber',
  label: 'friendlyName',
  agentId: 'agentId',
  status: 'status',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
} as const;

/** Timestamps are assumed ISO 8601 text; a text that does not parse maps to `null` and stays in `raw`. */
export const timestampWire = () => z.nullish(z.string());
export const parseTimestamp: (value: string | null | undefined) => Date | null = dateFromIso;

/**
 * Wire status -> unified status. The page lists no values; `active` and `inactive` are assumed.
 * Any other value maps to `unknown` with the value kept in `raw`. Updates and the list filter send
 * the reverse of this table.
 */
export const assignmentStatuses: Readonly<Record<string, Exclude<PhoneNumberStatus, 'unknown'>>> = {
  active: 'active',
  inactive: 'inactive',
};

/** A missing or null status: the platform did not say, so the SDK does not guess. */
export const statusWhenMissing: MappedStatus<PhoneNumberStatus> = { unified: 'unknown', raw: null };

/** An update's `agentId: null` / `label: null` are sent as JSON `null`, assumed to unlink / clear. */
export const clearedValue = null;

/** List query parameter names (documented), and how many `status` values one request can carry. */
export const listQuery = { page: 'page', limit: 'limit', status: 'status' } as const;
export const statusesPerRequest = 1;

/** Page numbers start at 1 (documented default); the first request sends it explicitly. */
export const firstPage = 1;
/** The documented default page size; the SDK always sends the limit, so the full-page rule never relies on the server's default. */
export const defaultLimit = 50;
/** Not documented: the SDK's own cap, so one page stays a reasonable size. Larger values are refused before any request. */
export const maxLimit = 100;

/**
 * A list answers either `{ data: [...], pagination: { page, limit, total, totalPages } }` (pagination
 * may be missing) or a bare JSON array of assignments.
 */
export const listEnvelope = { items: 'data', pagination: 'pagination' } as const;
export const paginationField = { page: 'page', total: 'total', totalPages: 'totalPages' } as const;

/** A single assignment answers either bare or as `{ data: { ... } }`. */
export const entityEnvelope = 'data';

/** The assignment inside a single-entity answer: enveloped when `data` is an object and no `id` stands beside it. */
export function unwrapEntity(body: unknown): unknown {
  if (!isPlainObject(body) || Object.hasOwn(body, assignmentField.id)) return body;
  const inner = body[entityEnvelope];
  return isPlainObject(inner) ? inner : body;
}

/** Errors answer `{ "error": "..." }`, `{ "message": "..." }` or `{ "error": { "message": "..." } }`; read into one line. */
export function errorMessageOf(body: unknown): string | null {
  if (!isPlainObject(body)) return null;
  const { error, message } = body;
  const parts: string[] = [];
  if (typeof error === 'string') parts.push(error);
  if (isPlainObject(error) && typeof error.message === 'string') parts.push(error.message);
  if (typeof message === 'string') parts.push(message);
  const distinct = [...new Set(parts.map((part) => part.trim()).filter((part) => part !== ''))];
  return distinct.length === 0 ? null : distinct.join(': ');
}
