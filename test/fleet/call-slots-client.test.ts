import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { APIConnectionTimeoutError, APIUserAbortError, BadRequestError, InternalServerError, InvalidRequestError, RateLimitError } from '../../src/core/errors.js';
import { createLocalCallSlots } from '../../src/redis/index.js';
import { dialer, startDialerAccount, stillPending, type DialerAccount } from './dialer.js';

// The client's maxConcurrentCalls / callSlots options, in one process, against a loopback account.

interface CallView {
  id: string;
  status: { unified: string };
}
/** The three call operations of a client built over the test's provider. */
interface DialerClient {
  calls: {
    create(input: unknown, options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<CallView>;
    get(id: string): Promise<CallView>;
    list(): Promise<{ items: CallView[] }>;
  };
  withOptions(changes: Record<string, unknown>): DialerClient;
}

let account: DialerAccount;
beforeEach(async () => {
  account = await startDialerAccount();
});
afterEach(() => account.close());

function client(options: Record<string, unknown>): DialerClient {
  return createClient({ provider: dialer, apiKey: 'dialer-key', baseUrl: account.server.url, ...options }) as unknown as DialerClient;
}

const call = { to: '+14155550100' };

describe('maxConcurrentCalls', () => {
  it('holds calls.create while the account has its most calls in flight, and sends it once calls.get sees one end', async () => {
    const dialing = client({ maxConcurrentCalls: 2 });
    const first = await dialing.calls.create(call);
    await dialing.calls.create(call);
    const third = dialing.calls.create(call);
    expect(await stillPending(third, 400)).toBe(true);
    expect(account.creates()).toBe(2);
    account.end(first.id);
    // Still held: nobody has seen the end yet.
    expect(await stillPending(third, 300)).toBe(true);
    expect((await dialing.calls.get(first.id)).status.unified).toBe('completed');
    expect((await third).id).toBe('call_3');
    expect(account.creates()).toBe(3);
    expect(account.mostInFlight).toBe(2);
  });

  it('frees the places of the calls calls.list shows over', async () => {
    const dialing = client({ maxConcurrentCalls: 1 });
    const first = await dialing.calls.create(call);
    account.end(first.id);
    const second = dialing.calls.create(call);
    expect(await stillPending(second, 300)).toBe(true);
    await dialing.calls.list();
    expect((await second).id).toBe('call_2');
  });

  it('frees at once the place of a call that was over when created', async () => {
    const dialing = client({ maxConcurrentCalls: 1 });
    account.answers.push('placed-ended');
    expect((await dialing.calls.create(call)).status.unified).toBe('completed');
    await dialing.calls.create(call);
    expect(account.creates()).toBe(2);
  });

  it('gives back the place of a create the platform refused (4xx, 429 included)', async () => {
    const slots = createLocalCallSlots({ maxConcurrentCalls: 1 });
    const dialing = client({ callSlots: slots });
    account.answers.push(400, 429);
    await expect(dialing.calls.create(call)).rejects.toThrow(BadRequestError);
    expect(await slots.inFlight()).toBe(0);
    await expect(dialing.calls.create(call)).rejects.toThrow(RateLimitError);
    expect(await slots.inFlight()).toBe(0);
    expect((await dialing.calls.create(call)).id).toBe('call_1');
    expect(await slots.inFlight()).toBe(1);
    // Each create sent once, none repeated after its refusal.
    expect(account.creates()).toBe(3);
  });

  it('keeps the place of a create whose outcome is unknown (5xx, timeout): the call may exist', async () => {
    const dialing = client({ maxConcurrentCalls: 2 });
    account.answers.push(500, 'hang');
    await expect(dialing.calls.create(call)).rejects.toThrow(InternalServerError);
    await expect(dialing.calls.create(call, { timeoutMs: 200 })).rejects.toThrow(APIConnectionTimeoutError);
    const waiting = new AbortController();
    const third = dialing.calls.create(call, { signal: waiting.signal });
    expect(await stillPending(third, 400)).toBe(true);
    waiting.abort();
    await expect(third).rejects.toThrow(APIUserAbortError);
    await expect(third).rejects.toThrow(
      "dialer: the call was not created: the caller's signal aborted it while it waited for a place among the calls in flight.",
    );
    // The third create never reached the platform.
    expect(account.creates()).toBe(2);
  });

  it('gives back the place of a create refused before sending (no API key)', async () => {
    const keyless = createClient({ provider: dialer, baseUrl: account.server.url, maxConcurrentCalls: 1 }) as unknown as DialerClient;
    await expect(keyless.calls.create(call)).rejects.toThrow('dialer: no API key. Pass apiKey to createClient, or set DIALER_API_KEY.');
    const keyed = keyless.withOptions({ apiKey: 'dialer-key' });
    expect((await keyed.calls.create(call)).id).toBe('call_1');
  });

  it('is shared with the copies withOptions makes, unless the copy sets its own', async () => {
    const dialing = client({ maxConcurrentCalls: 1 });
    await dialing.calls.create(call);
    const patient = dialing.withOptions({ timeoutMs: 60_000 });
    const held = patient.calls.create(call);
    expect(await stillPending(held, 300)).toBe(true);
    const wider = dialing.withOptions({ maxConcurrentCalls: 2 });
    expect((await wider.calls.create(call)).id).toBe('call_2');
    const unlimited = dialing.withOptions({ maxConcurrentCalls: undefined });
    expect((await unlimited.calls.create(call)).id).toBe('call_3');
    account.end('call_1');
    await dialing.calls.get('call_1');
    expect((await held).id).toBe('call_4');
  });
});

describe('callSlots', () => {
  it('counts through the slots given, which a webhook handler frees with release(callId)', async () => {
    const slots = createLocalCallSlots({ maxConcurrentCalls: 1, pollMs: 10 });
    const dialing = client({ callSlots: slots });
    const first = await dialing.calls.create(call);
    expect(await slots.inFlight()).toBe(1);
    const second = dialing.calls.create(call);
    expect(await stillPending(second, 200)).toBe(true);
    // A webhook handler saw the call end.
    await slots.release(first.id);
    expect((await second).id).toBe('call_2');
    expect(await slots.inFlight()).toBe(1);
  });

  it('leaves the other operations and a client without slots untouched', async () => {
    const free = client({});
    await Promise.all([free.calls.create(call), free.calls.create(call), free.calls.create(call)]);
    expect(account.creates()).toBe(3);
  });
});

describe('the options, checked before any request', () => {
  it.each([
    [{ maxConcurrentCalls: 0 }, 'dialer: maxConcurrentCalls must be a whole number of 1 or more, the most calls the account may have in flight (got 0).'],
    [{ maxConcurrentCalls: 2.5 }, 'dialer: maxConcurrentCalls must be a whole number of 1 or more, the most calls the account may have in flight (got 2.5).'],
    [{ maxConcurrentCalls: '3' }, 'dialer: maxConcurrentCalls must be a whole number of 1 or more'],
    [{ callSlots: { acquire: () => {} } }, 'dialer: callSlots must be an object with acquire and release methods'],
    [
      { maxConcurrentCalls: 2, callSlots: createLocalCallSlots({ maxConcurrentCalls: 2 }) },
      'dialer: callSlots replaces maxConcurrentCalls; give either callSlots',
    ],
  ])('refuses %o', (options, message) => {
    expect(() => client(options)).toThrow(InvalidRequestError);
    expect(() => client(options)).toThrow(message);
    expect(account.server.requests).toHaveLength(0);
  });
});
