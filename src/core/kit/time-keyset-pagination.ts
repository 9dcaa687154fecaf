import { missingCreationTime, notAChainCursor, stuckAtOneInstant } from './call-errors.js';
import { InvalidRequestError, ResponseValidationError } from '../errors.js';
import type { PageData } from '../pages/page.js';
import type { ListOperation, ProviderKit } from '../contract/provider-contract.js';
import type { HttpRequest } from '../transport/types.js';
import { dateFromIso } from './dates.js';
import { pageSize, readPage, type PageReading, type PageSize, type SizedParams } from './pagination.js';

/*
 * The fourth paging kind: a bare array, newest first, paged by creation time (Vapi's `GET /call` and
 * `GET /assistant`). The next page asks for the items created at or before the oldest one seen (and
 * for as many more items as were already listed at that instant), and leaves out those already
 * listed, so items sharing a timestamp across a page boundary are neither lost (as asking for
 * "strictly older" would lose them) nor repeated. The
 * opaque cursor holds that instant, as the platform wrote it, and the ids already listed at it.
 */

/** An item's place in a listing by creation time. */
export interface TimeKey {
  /** The item's id. */
  id: string;
  /** Its creation time, exactly as the platform wrote it (sent back as the next page's bound). */
  createdAt: string | null | undefined;
}

/** A platform whose list is a bare array, newest first, narrowed by a creation-time bound. */
export interface TimeKeysetPaging<Params extends SizedParams, Body, Wire, T> extends PageReading<Params, Body, Wire, T> {
  /**
   * The request for one page: the items created at or before `atOrBefore` (`null`: the newest),
   * `limit` at most. The caller's own filters go in too.
   */
  request(params: Params, atOrBefore: string | null, limit: number): HttpRequest;
  /** An item's id and creation time, read off its validated wire. */
  key(wire: Wire): TimeKey;
  /** The page sizes the platform takes; a default is required: a page that comes back full is how more is told. */
  size: PageSize & {
    /** Sent when the caller gives no `limit`. */
    default: number;
  };
}

/** Where the next page starts: the instant, as the platform wrote it, and the ids already listed at it. */
interface TimeCursor {
  at: string;
  ids: string[];
}

const prefix = 'time.';

/**
 * Pages a bare array by creation time. A page that comes back full may have a successor; a shorter
 * one is the last. No total is known (`totalCount` is `null`). An item the platform sends again
 * (same instant, already listed) or one newer than the bound asked for is left out, never repeated;
 * a full page with nothing new at the bound is a `ResponseValidationError` rather than a loop.
 */
export function timeKeysetPages<Params extends SizedParams, Body, Wire, T>(
  kit: ProviderKit,
  paging: TimeKeysetPaging<Params, Body, Wire, T>,
): ListOperation<T, Params> {
  const provider = kit.provider;
  return async (params, cursorText, options): Promise<PageData<T>> => {
    const limit = (pageSize(provider, paging.operation, params.limit, paging.size)) ?? paging.size.default;
    let cursor: TimeCursor | null = null;
    if (cursorText !== null) {
      cursor = decodeTimeCursor(cursorText);
      if (cursor === null) {
        throw notAChainCursor(provider, paging.operation, cursorText);
      }
    }
    const bound = cursor === null ? null : instantOf(cursor.at);
    const listed = new Set(cursor?.ids ?? []);
    // Listed already: newer than the bound (a platform that ignored it), or at the bound and listed there.
    const isListed = (wire: Wire) => {
      if (bound === null) return false;
      const key = paging.key(wire);
      const at = instantOf(key.createdAt);
      return at !== null && (at > bound || (at === bound && listed.has(key.id)));
    };
    // The ids already listed at the bound come back first (they are the newest left): asking for that
    // many more still yields `limit` new items, however many share the instant (up to the largest page).
    const asked = Math.min(paging.size.max, limit + listed.size);
    const request = paging.request(params, cursor?.at ?? null, asked);
    const { items, body, received, requestId } = await readPage(kit, paging, request, params, options, bound === null ? undefined : isListed);
    if (received < asked) return { items, received, nextCursor: null, totalCount: null, requestId };

    // Full: the next page starts at the oldest instant of this one.
    let oldest: { at: number; text: string } | null = null;
    for (const wire of paging.items(body)) {
      const key = paging.key(wire);
      const at = instantOf(key.createdAt);
      if (at === null) {
        throw missingCreationTime(provider, key.id, key.createdAt);
      }
      if (oldest === null || at < oldest.at) oldest = { at, text: key.createdAt! };
    }
    const ids = paging
      .items(body)
      .map((wire) => paging.key(wire))
      .filter((key) => instantOf(key.createdAt) === oldest!.at)
      .map((key) => key.id);
    if (bound !== null && oldest!.at === bound) {
      const fresh = paging.items(body).filter((wire) => !isListed(wire)).length;
      if (fresh === 0 && ids.length === received) {
        throw stuckAtOneInstant(provider, cursor!.at, asked, paging.size.max);
      }
      ids.push(...listed);
    }
    const next: TimeCursor = { at: oldest!.text, ids: [...new Set(ids)].sort() };
    return { items, received, nextCursor: encodeTimeCursor(next), totalCount: null, requestId };
  };
}

function instantOf(text: string | null | undefined): number | null {
  return dateFromIso(text)?.getTime() ?? null;
}

function encodeTimeCursor(cursor: TimeCursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([cursor.at, cursor.ids]));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return prefix + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeTimeCursor(text: string): TimeCursor | null {
  if (!text.startsWith(prefix)) return null;
  try {
    const binary = atob(text.slice(prefix.length).replace(/-/g, '+').replace(/_/g, '/'));
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
    const value = JSON.parse(decoded) as unknown;
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, ids] = value as [unknown, unknown];
    if (typeof at !== 'string' || instantOf(at) === null) return null;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return null;
    return { at, ids: ids as string[] };
  } catch {
    return null;
  }
}
