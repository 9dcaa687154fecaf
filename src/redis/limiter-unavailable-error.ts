import { brandErrorClass, VoiceplaneError } from '../core/errors.js';

/**
 * A limiter created with `onLimiterError: 'fail'` could not reach Redis (no answer in time, or an
 * error): the request waiting for its turn was not sent. `key` is the limiter key; the Redis
 * client's own error, if any, is the `cause`.
 */
export class LimiterUnavailableError extends VoiceplaneError {
  /** The limiter key whose Redis could not be reached. */
  readonly key: string;

  constructor(message: string, options: { key: string; cause?: unknown }) {
    super(message, { provider: null, cause: options.cause });
    this.key = options.key;
  }
}

brandErrorClass(LimiterUnavailableError, 'LimiterUnavailableError');
