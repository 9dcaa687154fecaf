import type { ProviderId } from '../client.js';
import { brandErrorClass, VoiceplaneError } from '../core/errors.js';

/** One platform's failure during a hub call. */
export interface HubFailure {
  /** The platform that failed. */
  provider: ProviderId;
  /** What that platform's client raised: a `VoiceplaneError` subclass. */
  error: unknown;
}

/**
 * Raised at the end of a hub iteration when one or more platforms failed; every item of the
 * platforms that worked was yielded before it. `failures` says which platform failed and why.
 */
export class HubError extends VoiceplaneError {
  /** Each platform that failed, with its error. */
  readonly failures: readonly HubFailure[];

  constructor(failures: readonly HubFailure[], total: number) {
    const summary = failures
      .map(({ provider, error }) => `${provider} (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`)
      .join('; ');
    super(
      `${failures.length} of ${total} platforms failed: ${summary}. The items of the other platforms were delivered; ` +
        'see error.failures, or use listAll() to get { items, errors } without an exception.',
    );
    this.failures = failures;
  }
}

brandErrorClass(HubError, 'HubError');
