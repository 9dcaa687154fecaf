import { isPlainObject } from '../../provider.js';
import type { CampaignStatus, MappedStatus, PhoneNumberStatus } from '../../provider.js';

/*
 * What this adapter assumes where Vapi's OpenAPI document is silent or loose. Every other file of the
 * adapter reads these values, so when the platform turns out different, this file is the one to
 * correct. "Documented" below means stated by the OpenAPI document; "assumed" means it is not.
 */

/** The provider id, in one place for messages and mapped values. */
export const providerId = 'vapi' as const;
export type VapiId = typeof providerId;

/**
 * Number status -> unified status (the values are documented; what they mean is assumed):
 * `activating` is on its way to service, `blocked` is out of service.
 */
export const phoneNumberStatuses: Readonly<Record<string, Exclude<PhoneNumberStatus, 'unknown'>>> = {
  active: 'active',
  activating: 'pending',
  blocked: 'inactive',
};

/** Assumed: a number without `status` (the field is optional) is in service. */
export const phoneNumberStatusWhenMissing: MappedStatus<PhoneNumberStatus> = { unified: 'active', raw: null };

/**
 * Campaign status -> unified status, for the statuses whose meaning does not depend on `endedReason`.
 * `ended` and `archived` are read with `endedStatus` (assumed: `archived` is an ended campaign moved
 * out of sight).
 */
export const campaignStatuses: Readonly<Record<string, Exclude<CampaignStatus, 'unknown'>>> = {
  scheduled: 'scheduled',
  'in-progress': 'running',
  cancelled: 'canceled',
};

/** The two wire statuses of a campaign that stopped; their unified status comes from `endedReason`. */
export const endedCampaignStatuses: readonly string[] = ['ended', 'archived'];

/** Documented reasons end in `ended-by-user` when someone stopped the campaign, so it reads as canceled. */
export function endedStatus(endedReason: string | null | undefined): 'canceled' | 'completed' {
  return typeof endedReason === 'string' && endedReason.endsWith('ended-by-user') ? 'canceled' : 'completed';
}

/** Documented: `page` starts at 1, `limit` is 0..1000 and 100 by default. The SDK always sends the limit. */
export const firstPage = 1;
export const defaultLimit = 100;
export const maxLimit = 1000;

/** Documented in Vapi's campaign docs: at most 10 000 customers per campaign; more is refused, never split. */
export const maxRecipients = 10_000;
/** Documented: `maxConcurrency` has a minimum of 1. The upper bound is the organization's limit, which the platform enforces. */
export const concurrencyRange = { min: 1, max: Number.MAX_SAFE_INTEGER } as const;

/**
 * Assumed: `null` clears an id field on PATCH. Vapi's document types `assistantId`, `workflowId`
 * and `squadId` as strings only, but Vapi's SDK maintainers point to `null` as the way to unlink
 * (server-sdk-typescript issue 8), and the platform validates with NestJS, whose optional fields take `null`.
 */
export const clearedValue = null;

/**
 * Assumed: errors are NestJS's default body `{ message: string | string[], error, statusCode }` (the
 * document declares no error schema). The message is `message` (a list joined with "; "), else `error`.
 */
export function vapiErrorDetail(body: unknown): string | null {
  if (!isPlainObject(body)) return null;
  const { message, error } = body;
  if (typeof message === 'string' && message.trim() !== '') return message.trim();
  if (Array.isArray(message)) {
    const parts = message.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    if (parts.length > 0) return parts.join('; ');
  }
  return typeof error === 'string' && error.trim() !== '' ? error.trim() : null;
}

/**
 * Assumed: Vapi's document declares no 429 body and no concurrency code (its concurrency limit shows
 * on a call as `endedReason: call.start.error-subscription-concurrency-limit-reached`). A 429 whose
 * message speaks of concurrency is read as "too many calls at once" (`ConcurrencyLimitError`), any
 * other 429 as a rate limit.
 */
export function isConcurrencyLimit(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const message = (body as { message?: unknown }).message;
  const texts = Array.isArray(message) ? message : [message];
  return texts.some((text) => typeof text === 'string' && /concurren/i.test(text));
}
