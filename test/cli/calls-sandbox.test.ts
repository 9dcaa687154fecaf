import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callStatuses } from '../../src/core/contract/statuses.js';
import { sandboxSeed, startSandbox, type Sandbox } from '../../src/testing/index.js';
import { listedBySandbox, runWith, withDirectory } from './hub-fixtures.js';
import { ndjsonLines } from './run-cli.js';

// The calls and agents commands end to end, each against the sandbox of a platform that offers the
// operation: what the command prints is what the platform's own client lists and reads. These need
// the platforms' calls and agents wired into their providers (and the hub's calls listing for --all).

let sandbox: Sandbox;
/** What vox's own client lists from a fresh sandbox: the --sandbox of each command starts from the same seed. */
let voxCalls: string[];
let voxAgents: string[];
/** The first calls of each platform: the sandbox's vapi holds tens of thousands. */
let callsByPlatform: { ids: Record<string, string[]>; failed: string[] };
const firstCalls = 5;
beforeAll(async () => {
  sandbox = await startSandbox();
  callsByPlatform = await listedBySandbox(sandbox, 'calls.list', {}, firstCalls);
  voxCalls = (await listedBySandbox(sandbox, 'calls.list', {}, 1000)).ids.vox ?? [];
  voxAgents = (await listedBySandbox(sandbox, 'agents.list')).ids.vox ?? [];
}, 60_000);
afterAll(async () => {
  await sandbox.close();
});

const seed = await sandboxSeed();
const voxNumber = seed.vox.phoneNumbers.find((number) => number.status === 'active' && number.provider === 'vox')!;
const sandboxed = (args: string[]) => withDirectory({}, (cwd) => runWith([...args, '--sandbox'], { cwd }));

describe('calls and agents against the sandbox', () => {
  it('calls list: every call vox lists, each once', async () => {
    expect(voxCalls.length).toBeGreaterThan(0);
    const result = await sandboxed(['calls', 'list', '-p', 'vox']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(ndjsonLines(result.stdout).map((call) => call.id)).toEqual(voxCalls);
  });

  it('calls list --status: only calls of that status', async () => {
    const result = await sandboxed(['calls', 'list', '-p', 'vox', '--status', 'completed']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const statuses = ndjsonLines(result.stdout).map((call) => (call.status as { unified: string }).unified);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['completed']));
  });

  it('calls get: the call as JSON, and its transcript view on a terminal', async () => {
    const json = await sandboxed(['calls', 'get', voxCalls[0]!, '-p', 'vox', '-f', 'json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toMatchObject({ provider: 'vox', id: voxCalls[0] });
    const view = await withDirectory({}, (cwd) => runWith(['calls', 'get', voxCalls[0]!, '-p', 'vox', '--sandbox'], { cwd, stdoutIsTTY: true }));
    expect(view.code).toBe(0);
    expect(view.stdout.split('\n').slice(0, 2)).toEqual([`call:       ${voxCalls[0]} on vox`, expect.stringMatching(/^status: {5}[a-z_]+/)]);
  });

  it('calls create --yes: one call placed, written as the platform reports it', async () => {
    const result = await sandboxed(['calls', 'create', '-p', 'vox', '--agent', voxAgents[0]!, '--from', voxNumber.id, '--to', '+821012345678', '--yes', '-f', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const call = JSON.parse(result.stdout) as { provider: string; status: { unified: string } };
    expect(call.provider).toBe('vox');
    expect([...callStatuses, 'unknown']).toContain(call.status.unified);
  });

  it('agents list and get: the agents vox lists, one read back', async () => {
    const list = await sandboxed(['agents', 'list', '-p', 'vox']);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(ndjsonLines(list.stdout).map((agent) => agent.id)).toEqual(voxAgents);
    const one = await sandboxed(['agents', 'get', voxAgents[0]!, '-p', 'vox', '-f', 'json']);
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(one.stdout)).toMatchObject({ provider: 'vox', id: voxAgents[0] });
  });

  it("calls list --all: calls of the platforms that list them, then one line per platform that cannot list them so", async () => {
    const result = await sandboxed(['calls', 'list', '--all', '--limit', String(firstCalls)]);
    const lines = result.stderr === '' ? [] : result.stderr.trimEnd().split('\n');
    expect(lines.map((line) => /^voiceplane: ([a-z-]+): /.exec(line)?.[1])).toEqual(callsByPlatform.failed);
    expect(result.code).toBe(callsByPlatform.failed.length === 0 ? 0 : 1);
    const calls = ndjsonLines(result.stdout) as Array<{ provider: string; id: string }>;
    expect(calls).toHaveLength(firstCalls);
    // Each call is one its platform lists among its first ones: the hub asks each for at most --limit.
    for (const call of calls) expect(callsByPlatform.ids[call.provider]).toContain(call.id);
  });
});
