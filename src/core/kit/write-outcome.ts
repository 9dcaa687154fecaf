import {
  APIConnectionError,
  APIUserAbortError,
  ConcurrencyLimitError,
  InternalServerError,
  RateLimitError,
  ResponseValidationError,
  type VoiceplaneError,
} from '../errors.js';

// The one rule for a write whose outcome is unknown. A POST or PATCH is sent once and never
// repeated; when it was sent and then answered 5xx or 429, lost to a timeout, a reset or the
// caller's abort, or answered 2xx with a body that cannot be read, the platform may have carried it
// out. The error then says so and how to check, never "try again later", which would invite a
// duplicate campaign. The transport and the kit mark every such error here; an adapter may name the
// precise check with `noteUncertainWrite`.

/**
 * Whether an error of a write that was sent leaves its outcome unknown. A 4xx other than 429 is a
 * refusal, and so is the platform's "too many calls at once" 429 (`ConcurrencyLimitError`): nothing was done.
 */
export function isUnknownWriteOutcome(error: unknown): boolean {
  if (error instanceof ConcurrencyLimitError) return false;
  return (
    error instanceof APIConnectionError ||
    error instanceof APIUserAbortError ||
    error instanceof InternalServerError ||
    error instanceof RateLimitError ||
    error instanceof ResponseValidationError
  );
}

/** The check a caller is told to make, before an adapter names a precise one. */
const genericCheck = 'get or list what it changes';

/** Errors already marked, so that an adapter's note refines the sentence instead of adding a second one. */
const marked = new WeakSet<object>();

/** What is known about the write: which request, the platform's request id, the campaign it created if the answer named one. */
export interface UnknownWrite {
  method: string;
  /** The request's path (credential parameters already replaced). */
  path: string;
  requestId?: string | null | undefined;
  campaignId?: string | null | undefined;
}

/**
 * Marks a write's error as one whose outcome is unknown (see `isUnknownWriteOutcome`): its message
 * ends with what was sent, that it may have taken effect, how to check and the request id, and
 * `error.campaignId` names the campaign when the answer had one. Returns the same error; an error
 * that is not of that kind, or already marked, is returned unchanged.
 */
export function markUnknownWriteOutcome<E extends VoiceplaneError>(error: E, write: UnknownWrite): E {
  if (marked.has(error) || !isUnknownWriteOutcome(error)) return error;
  marked.add(error);
  error.message +=
    ` The ${write.method} ${write.path} was sent once and not repeated, and may have taken effect: ` +
    `check whether it did (${genericCheck}) before sending it again` +
    (write.requestId && !error.message.includes(`(request id ${write.requestId})`) ? ` (request id ${write.requestId})` : '') +
    '.';
  if (write.campaignId && error.campaignId === undefined) {
    Object.defineProperty(error, 'campaignId', { value: write.campaignId, enumerable: true });
  }
  return error;
}

/**
 * After a write failed, names how to check whether it took effect (`howToCheck`: "campaigns.list()
 * shows whether a campaign named \"Renewals\" exists"), for an error whose outcome is unknown. An
 * error the transport or the kit marked has its generic check replaced; any other such error gets
 * the whole sentence. A refusal (a 4xx other than 429) is returned unchanged. Returns the same error.
 */
export function noteUncertainWrite(error: unknown, what: string, howToCheck: string): unknown {
  if (!isUnknownWriteOutcome(error)) return error;
  const failure = error as VoiceplaneError;
  if (marked.has(failure)) {
    failure.message = failure.message.replace(`check whether it did (${genericCheck})`, `check whether it did (${howToCheck})`);
    return failure;
  }
  marked.add(failure);
  failure.message += ` The ${what} was sent once and not repeated, and may have taken effect: check whether it did (${howToCheck}) before sending it again.`;
  return failure;
}
