import type { CallEndReason, CallStatus } from '../call-types.js';

/**
 * The unified status of a call the platform reports only as over (`ended`), by its unified end
 * reason, as `CallStatus` defines them: `not_connected` for no answer, busy, declined and a failed
 * dial; `canceled` for a call stopped through the API; `failed` for an error, missing funds or a
 * concurrency limit (an error mid-conversation too, though the call had connected); `completed` for
 * everything else (any hang-up, a transfer, a voicemail reached, a reason not known).
 */
export function endedCallStatus(reason: CallEndReason): Extract<CallStatus, 'completed' | 'not_connected' | 'failed' | 'canceled'> {
  switch (reason) {
    case 'no_answer':
    case 'busy':
    case 'declined':
    case 'dial_failed':
      return 'not_connected';
    case 'canceled':
      return 'canceled';
    case 'error':
    case 'insufficient_funds':
    case 'concurrency_limit':
      return 'failed';
    default:
      return 'completed';
  }
}
