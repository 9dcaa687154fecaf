import { describe, expect, it } from 'vitest';
import type { CallEndReason } from '../../src/core/call-types.js';
import { endedCallStatus } from '../../src/core/kit/ended-call-status.js';

describe('endedCallStatus', () => {
  it('reads an ended call as not connected, canceled, failed or completed by its end reason, as CallStatus defines them', () => {
    const expected: Record<CallEndReason, string> = {
      no_answer: 'not_connected',
      busy: 'not_connected',
      declined: 'not_connected',
      dial_failed: 'not_connected',
      canceled: 'canceled',
      error: 'failed',
      insufficient_funds: 'failed',
      concurrency_limit: 'failed',
      customer_hangup: 'completed',
      agent_hangup: 'completed',
      transferred: 'completed',
      voicemail: 'completed',
      max_duration: 'completed',
      silence_timeout: 'completed',
      unknown: 'completed',
    };
    for (const [reason, status] of Object.entries(expected)) expect([reason, endedCallStatus(reason as CallEndReason)]).toEqual([reason, status]);
  });
});
