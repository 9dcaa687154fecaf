import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { executeHub } from '../../src/cli/hub-commands.js';
import { toHubInvocation } from '../../src/cli/hub-invocation.js';
import { reportError } from '../../src/cli/report-error.js';
import { AuthenticationError, HubError, type Hub } from '../../src/index.js';
import { callOf } from './call-client.js';
import { fakeIo } from './fake-io.js';
import { ndjsonLines } from './run-cli.js';

// `calls list --all` over a hub: the command asks the hub's listing of calls, with the filters, and
// writes the calls as they arrive, then one line per platform that failed.

/** A hub over vapi and retell whose `calls.list` yields `calls`, then fails with `failures`; `null` for a hub without calls. */
function fakeHub(calls: ReturnType<typeof callOf>[] | null, failures: Array<{ provider: string; error: Error }> = []) {
  const asked: unknown[] = [];
  const hub = {
    providers: ['vapi', 'retell'],
    client: () => ({ supports: (operation: string) => operation === 'calls.list' }),
    phoneNumbers: {},
    campaigns: {},
    ...(calls === null
      ? {}
      : {
          calls: {
            list: async function* (params: unknown) {
              asked.push(params);
              yield* calls;
              if (failures.length > 0) throw new HubError(failures as never, 2);
            },
          },
        }),
  };
  return { hub: hub as unknown as Hub, asked };
}

async function runAll(hub: Hub, args: string[]) {
  const { io, output } = fakeIo();
  const parsed = parseCommandLine(args);
  if (parsed.kind !== 'command') throw new Error('not a command');
  let code: number;
  try {
    code = await executeHub(toHubInvocation(parsed.spec, parsed.id, parsed.flags, false), hub, io, []);
  } catch (error) {
    code = reportError(error, io, { secrets: [], spec: parsed.spec });
  }
  return { code, ...output };
}

describe('calls list --all', () => {
  it("asks the hub's listing of calls with every filter and each platform's cap, and writes the calls as they come", async () => {
    const calls = [callOf({ provider: 'retell', id: 'r1' }), callOf({ provider: 'vapi', id: 'v1' })];
    const { hub, asked } = fakeHub(calls);
    const result = await runAll(hub, ['calls', 'list', '--all', '--campaign', 'cmp_1', '--status', 'failed', '--since', '2026-03-01', '--limit', '10']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(asked).toEqual([
      { campaignId: 'cmp_1', startedAfter: new Date('2026-03-01T00:00:00Z'), status: ['failed'], limit: 10, maxItemsPerPlatform: 10 },
    ]);
    expect(ndjsonLines(result.stdout).map((call) => `${call.provider}/${call.id}`)).toEqual(['retell/r1', 'vapi/v1']);
  });

  it("a platform that failed: the others' calls, then its one line, exit 1", async () => {
    const { hub } = fakeHub([callOf({ provider: 'vapi', id: 'v1' })], [{ provider: 'retell', error: new AuthenticationError('retell answered 401: bad key', { provider: 'retell', status: 401, requestId: null, body: null }) }]);
    const result = await runAll(hub, ['calls', 'list', '--all']);
    expect(result.code).toBe(1);
    expect(ndjsonLines(result.stdout).map((call) => call.id)).toEqual(['v1']);
    expect(result.stderr).toBe('voiceplane: retell: AuthenticationError: answered 401: bad key\n');
  });

  it('a hub that lists no calls yet: exit 2, saying to use --provider', async () => {
    const { hub } = fakeHub(null);
    const result = await runAll(hub, ['calls', 'list', '--all']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe("voiceplane: calls list --all is not available: this version's hub lists no calls; use --provider.");
  });

  it('agents list --all: the listing of agents, the same way', async () => {
    const asked: unknown[] = [];
    const agents = [{ provider: 'retell', id: 'a1' }, { provider: 'vapi', id: 'a2' }];
    const hub = {
      providers: ['vapi', 'retell'],
      client: () => ({ supports: (operation: string) => operation === 'agents.list' }),
      agents: {
        list: async function* (params: unknown) {
          asked.push(params);
          yield* agents;
        },
      },
    } as unknown as Hub;
    const result = await runAll(hub, ['agents', 'list', '--all', '--limit', '1']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(asked).toEqual([{ limit: 1, maxItemsPerPlatform: 1 }]);
    expect(ndjsonLines(result.stdout).map((agent) => agent.id)).toEqual(['a1']);
  });
});
