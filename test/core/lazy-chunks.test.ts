import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it, vi } from 'vitest';
import { isPhoneLibraryLoaded } from '../../src/core/kit/e164.js';
import { deferredOperations } from '../../src/core/kit/deferred-operations.js';
import { areCompiledObjectsLoaded } from '../../src/core/kit/validate.js';
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  createClient,
  InvalidRequestError,
  NotFoundError,
  VoiceplaneError,
} from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import type { ProviderKit } from '../../src/provider.js';
import { collect, failureOf, useSandbox } from '../testing/use-sandbox.js';

// The code loaded after import, and when: libphonenumber-js only for a number that needs it, zod's
// compiled object parser with the first list page, a platform's writes at its first write, the reading
// of a failed answer at the first one. The order of the tests matters: one module state.

/** The platforms whose writes module was imported, in order. */
const writesLoaded = vi.hoisted(() => [] as string[]);
vi.mock('../../src/providers/vox/writes.js', async (importOriginal) => (writesLoaded.push('vox'), importOriginal()));
vi.mock('../../src/providers/vogent/writes.js', async (importOriginal) => (writesLoaded.push('vogent'), importOriginal()));
vi.mock('../../src/providers/vapi/writes.js', async (importOriginal) => (writesLoaded.push('vapi'), importOriginal()));
vi.mock('../../src/providers/bland/writes.js', async (importOriginal) => (writesLoaded.push('bland'), importOriginal()));
vi.mock('../../src/providers/retell/writes.js', async (importOriginal) => (writesLoaded.push('retell'), importOriginal()));
vi.mock('../../src/providers/numbers-assignment/writes.js', async (importOriginal) => (writesLoaded.push('numbers-assignment'), importOriginal()));
/** How many times the code that reads a failed answer was imported. */
const failureChunk = vi.hoisted(() => ({ loads: 0 }));
vi.mock('../../src/core/transport/failed-response.js', async (importOriginal) => (failureChunk.loads++, importOriginal()));
/** How many times the words of a call's own errors (refused input, a list that cannot be followed) were imported. */
const callErrorsChunk = vi.hoisted(() => ({ loads: 0 }));
vi.mock('../../src/core/call-errors.js', async (importOriginal) => (callErrorsChunk.loads++, importOriginal()));
/** How many times the code that builds log lines was imported. */
const logChunk = vi.hoisted(() => ({ loads: 0, loaded: undefined as Promise<unknown> | undefined }));
vi.mock('../../src/core/transport/log-lines.js', async (importOriginal) => (logChunk.loads++, (logChunk.loaded = importOriginal())));

const sandbox = useSandbox({ organizationId: 'org_acme' });
const seeds = await sandboxSeed();

describe('lazy chunks', () => {
  it('lists E.164 wires without loading libphonenumber-js, and validates with the compiled object parser', async () => {
    expect(areCompiledObjectsLoaded()).toBe(false);
    const generic = await collect(createClient(sandbox().clientOptions('generic')).phoneNumbers.list({ limit: 100 }));
    const assignments = await collect(createClient(sandbox().clientOptions('numbers-assignment')).phoneNumbers.list({ limit: 100 }));
    const vogent = await collect(createClient(sandbox().clientOptions('vogent')).phoneNumbers.list({ limit: 100 }));
    const vapi = await collect(createClient(sandbox().clientOptions('vapi')).phoneNumbers.list({ limit: 100 }));
    const retell = await collect(createClient(sandbox().clientOptions('retell')).phoneNumbers.list({ limit: 100 }));
    const bland = await collect(createClient(sandbox().clientOptions('bland')).phoneNumbers.list());
    expect(areCompiledObjectsLoaded()).toBe(true);
    for (const number of [...generic, ...assignments, ...retell, ...bland]) expect(number.e164).toBe(number.number);
    expect(vapi.filter((number) => number.e164 !== null).length).toBeGreaterThan(100);
    expect(vogent.filter((number) => number.e164 !== null).length).toBeGreaterThan(100);
    expect(isPhoneLibraryLoaded()).toBe(false);
  });

  it('loads libphonenumber-js for national numbers, and answers what it answers', async () => {
    const vox = await collect(createClient(sandbox().clientOptions('vox')).phoneNumbers.list({ limit: 100, status: ['active', 'pending', 'canceling', 'inactive'] }));
    expect(isPhoneLibraryLoaded()).toBe(true);
    expect(vox.length).toBe(230);
    for (const number of vox) expect(number.e164).toBe(parsePhoneNumberFromString(number.number, 'KR')?.number ?? null);
  });

  it('reads a failed answer with the code loaded at the first one: answers that succeed never load it', async () => {
    expect(failureChunk.loads).toBe(0);
    const vox = createClient(sandbox().clientOptions('vox'));
    const missing = await failureOf(vox.phoneNumbers.get('no-such-number'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ status: 404, provider: 'vox' });
    expect((missing as Error).message).toMatch(/^vox answered 404: .*\. Check the id: the platform has no such resource\./);
    expect(await failureOf(vox.campaigns.get('no-such-campaign'))).toBeInstanceOf(NotFoundError);
    expect(failureChunk.loads).toBe(1);
  });

  it('loads the code of log lines when a client that logs is created, without holding its requests back', async () => {
    // Every client so far logged nothing, and loaded nothing for it.
    expect(logChunk.loads).toBe(0);
    const lines: string[] = [];
    const logger = { debug: (line: string) => lines.push(line), info: (line: string) => lines.push(line) };
    const vox = createClient({ ...sandbox().clientOptions('vox'), logger, logLevel: 'debug', headers: { 'x-session-token': 'sess_1' } });
    // The lines of a request sent once the chunk has loaded are whole.
    await vi.waitFor(() => expect(logChunk.loaded).toBeDefined());
    await logChunk.loaded;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(logChunk.loads).toBe(1);
    const number = seeds.vox.phoneNumbers[0]!;
    await vox.phoneNumbers.get(number.id);
    expect(lines[0]).toMatch(new RegExp(`^\\[voiceplane\\] vox GET /vox/v3/organization-telephone-numbers/${number.id} sending \\(attempt 1 of 3\\); headers .*x-session-token: \\[redacted\\]`));
    expect(lines[1]).toMatch(new RegExp(`^\\[voiceplane\\] vox GET /vox/v3/organization-telephone-numbers/${number.id} -> 200 in \\d+ ms`));
    expect(logChunk.loads).toBe(1);
  });

  it("loads a platform's writes at its first write, not with its reads, and only that platform's", async () => {
    const vox = createClient(sandbox().clientOptions('vox'));
    const campaign = seeds.vox.campaigns.find((each) => each.status === 'ongoing')!;
    await vox.campaigns.get(campaign.id);
    await collect(vox.campaigns.list({ limit: 100 }));
    // Every write is offered before its code is loaded.
    expect(['campaigns.create', 'campaigns.pause', 'campaigns.resume', 'campaigns.cancel', 'phoneNumbers.update'].every((name) => vox.supports(name as never))).toBe(true);
    expect(writesLoaded).toEqual([]);

    await vox.campaigns.pause(campaign.id);
    expect(writesLoaded).toEqual(['vox']);
    expect((await vox.campaigns.get(campaign.id)).status.unified).toBe('paused');
    // A second client, and a second write, load nothing more.
    await createClient(sandbox().clientOptions('vox')).campaigns.resume(campaign.id);
    expect(writesLoaded).toEqual(['vox']);
  });

  it("a refused write is the write's own error, after its code is loaded", async () => {
    const vogent = createClient(sandbox().clientOptions('vogent'));
    const refused = await failureOf(vogent.phoneNumbers.update('PN-1', { label: 'x' } as never));
    expect(refused).toBeInstanceOf(InvalidRequestError);
    expect((refused as Error).message).toMatch(/^vogent: phoneNumbers\.update: Vogent can only change a number's agent/);
    expect(writesLoaded).toEqual(['vox', 'vogent']);
    expect(sandbox().requests).toEqual([]);
  });

  it("words a call's own refusal with the code loaded at the first one: calls that go right never load it", async () => {
    expect(callErrorsChunk.loads).toBe(0);
    const generic = createClient(sandbox().clientOptions('generic'));
    const refused = await failureOf(generic.phoneNumbers.list({ limit: 0 }));
    expect(refused).toBeInstanceOf(InvalidRequestError);
    expect((refused as Error).message).toBe('generic: phoneNumbers.list: limit must be a whole number of 1 or more (got 0).');
    expect(await failureOf(createClient(sandbox().clientOptions('vox')).phoneNumbers.get('..'))).toBeInstanceOf(InvalidRequestError);
    expect(callErrorsChunk.loads).toBe(1);
    expect(sandbox().requests).toEqual([]);
  });
});

describe('deferredOperations', () => {
  const kit = { provider: 'acme' } as ProviderKit;
  /** An operation as a test stands it in: it takes any arguments, the request options last. */
  type Fake = (...args: unknown[]) => Promise<string>;
  const fake = (result: string): Fake => async () => result;

  it('passes the arguments through and loads the module once, at the first call', async () => {
    const load = vi.fn(async () => ({ 'campaigns.pause': async (id: string) => `paused ${id}` }));
    const write = deferredOperations(kit, load);
    const pause = write('campaigns.pause');
    expect(load).not.toHaveBeenCalled();
    expect(await Promise.all([pause('c-1'), pause('c-2')])).toEqual(['paused c-1', 'paused c-2']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('turns a failed load into a VoiceplaneError that says nothing was sent, and loads again at the next call', async () => {
    let attempts = 0;
    const write = deferredOperations(kit, async () => {
      attempts++;
      if (attempts === 1) throw new Error('Cannot find module ./writes.js');
      return { 'campaigns.cancel': async () => 'cancelled' };
    });
    const failure = await failureOf(write('campaigns.cancel')());
    expect(failure).toBeInstanceOf(VoiceplaneError);
    expect(failure).toMatchObject({ provider: 'acme' });
    expect((failure as Error).message).toBe(
      'acme: campaigns.cancel: the code of this operation could not be loaded (Cannot find module ./writes.js); nothing was sent. ' +
        'Check that the voiceplane package is installed completely, then try again.',
    );
    expect(await write('campaigns.cancel')()).toBe('cancelled');
    expect(attempts).toBe(2);
  });

  it('words a failed load for each caller under its own operation, and loads again at the next call', async () => {
    const load = vi.fn(async () => {
      if (load.mock.calls.length === 1) throw new Error('Cannot find module ./writes.js');
      return { 'campaigns.create': fake('created'), 'campaigns.pause': fake('paused') };
    });
    const write = deferredOperations(kit, load);
    const [create, pause] = await Promise.all([failureOf(write('campaigns.create')({})), failureOf(write('campaigns.pause')('c-1'))]);
    expect(load).toHaveBeenCalledTimes(1);
    expect((create as Error).message).toMatch(/^acme: campaigns\.create: the code of this operation could not be loaded/);
    expect((pause as Error).message).toMatch(/^acme: campaigns\.pause: the code of this operation could not be loaded/);
    expect(await write('campaigns.pause')('c-1')).toBe('paused');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("stops waiting for a load that stalls when the call's signal aborts: an APIUserAbortError, at once", async () => {
    let finish!: (operations: { 'campaigns.pause': Fake }) => void;
    const load = vi.fn(() => new Promise<{ 'campaigns.pause': Fake }>((resolve) => (finish = resolve)));
    const pause = deferredOperations(kit, load)('campaigns.pause');
    const controller = new AbortController();
    const waiting = failureOf(pause('c-1', { signal: controller.signal }));
    controller.abort();
    const failure = await waiting;
    expect(failure).toBeInstanceOf(APIUserAbortError);
    expect(failure).toMatchObject({ provider: 'acme' });
    // An aborted signal stops the call before it waits at all.
    expect(await failureOf(pause('c-2', { signal: controller.signal }))).toBeInstanceOf(APIUserAbortError);
    // The load goes on for the calls that follow, and is not started again.
    finish({ 'campaigns.pause': fake('paused') });
    expect(await pause('c-1', {})).toBe('paused');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("stops waiting for a load that stalls after timeoutMs, the call's else the client's: a timeout error that says nothing was sent", async () => {
    const stalled = () => new Promise<{ 'campaigns.pause': Fake }>(() => {});
    const started = performance.now();
    const failure = await failureOf(deferredOperations(kit, stalled)('campaigns.pause')('c-1', { timeoutMs: 30 }));
    expect(failure).toBeInstanceOf(APIConnectionTimeoutError);
    expect((failure as Error).message).toBe(
      'acme: campaigns.pause: the code of this operation did not load within 30 ms; nothing was sent. Try again, or raise timeoutMs.',
    );
    expect(performance.now() - started).toBeLessThan(1000);
    const clientTimeout = { provider: 'acme', timeoutMs: 20 } as ProviderKit;
    expect(await failureOf(deferredOperations(clientTimeout, stalled)('campaigns.pause')('c-1', {}))).toBeInstanceOf(APIConnectionTimeoutError);
  });
});
