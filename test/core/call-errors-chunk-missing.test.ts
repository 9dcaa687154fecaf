import { describe, expect, it, vi } from 'vitest';
import {
  type Client,
  createClient,
  InvalidRequestError,
  ResponseValidationError,
  UnsupportedOperationError,
  VoiceplaneError,
} from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';
import { campaign, clientFor } from '../helpers/transport-client.js';
import { collect, failureOf, useSandbox } from '../testing/use-sandbox.js';

// The full words of a call's own errors are a chunk loaded at the first one (call-error.ts). Should it
// fail to load (an install missing files), a caller's `catch (error) { if (error instanceof ...) }`
// must still work: the class is the right one, and the message still names what was wrong.

vi.mock('../../src/core/call-errors.js', () => {
  throw new Error('Cannot find module call-errors.js');
});

const sandbox = useSandbox();
const serve = useFaultServer();

/** The message says what was wrong, then why it says no more. */
function expectShortMessage(error: unknown, start: string): void {
  expect((error as Error).message.startsWith(`${start} (the SDK could not load its full message: `)).toBe(true);
  expect((error as Error).message).toMatch(/\)\.$/);
}

describe("a call's own error whose wording cannot be loaded", () => {
  it('refuses list parameters with an InvalidRequestError naming the parameter, before any request', async () => {
    const refused = await failureOf(createClient(sandbox().clientOptions('generic')).phoneNumbers.list({ limit: 0 }));
    expect(refused).toBeInstanceOf(InvalidRequestError);
    expect(refused).toMatchObject({ provider: 'generic' });
    expectShortMessage(refused, 'generic: phoneNumbers.list: list parameters refused (limit)');
    expect(sandbox().requests).toEqual([]);
  });

  it('refuses an id that would change the path with an InvalidRequestError naming the rule it breaks', async () => {
    const vox = createClient(sandbox().clientOptions('vox'));
    const refused = await failureOf(vox.campaigns.pause('..'));
    expect(refused).toBeInstanceOf(InvalidRequestError);
    expectShortMessage(refused, 'vox: campaign id unusable (path step)');
    expectShortMessage(await failureOf(vox.phoneNumbers.get('')), 'vox: phone number id unusable (not a non-empty string)');
    expect(sandbox().requests).toEqual([]);
  });

  it('refuses request options with an InvalidRequestError', async () => {
    const refused = await failureOf(createClient(sandbox().clientOptions('vox')).campaigns.get('cmp_1', { retries: 3 } as never));
    expect(refused).toBeInstanceOf(InvalidRequestError);
    expectShortMessage(refused, 'vox: request options refused (unknownName)');
  });

  it('refuses a limit above the platform page size with an InvalidRequestError', async () => {
    const refused = await failureOf(createClient(sandbox().clientOptions('numbers-assignment')).phoneNumbers.list({ limit: 100_000 }));
    expect(refused).toBeInstanceOf(InvalidRequestError);
    expectShortMessage(refused, 'numbers-assignment: phoneNumbers.list: limit too large');
    expect(sandbox().requests).toEqual([]);
  });

  it('refuses an operation the platform lacks with an UnsupportedOperationError that names it', async () => {
    const client = createClient(sandbox().clientOptions('numbers-assignment')) as Client;
    expect(client.supports('campaigns.get')).toBe(false);
    const refused = await failureOf(client.campaigns.get!('cmp_1'));
    expect(refused).toBeInstanceOf(UnsupportedOperationError);
    expect(refused).toMatchObject({ provider: 'numbers-assignment', operation: 'campaigns.get' });
    expectShortMessage(refused, 'numbers-assignment: does not offer campaigns.get');
  });

  it('stops a listing whose platform sends a cursor twice with a ResponseValidationError', async () => {
    const { url } = await serve((_request, response) => sendJson(response, 200, { items: [campaign], next_cursor: 'c1' }));
    const failure = await failureOf(collect(clientFor(url).campaigns.list({ limit: 1 })));
    expect(failure).toBeInstanceOf(ResponseValidationError);
    expect(failure).not.toBeInstanceOf(InvalidRequestError);
    expect(failure).toBeInstanceOf(VoiceplaneError);
    expectShortMessage(failure, 'vox: cursor sent twice');
  });
});
