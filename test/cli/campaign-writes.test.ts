import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { sandboxSeed, startSandbox, type Sandbox } from '../../src/testing/index.js';
import { fakeIo as pipeOrTerminal } from './fake-io.js';

// The write commands in-process, with a fake terminal or pipe, against one sandbox whose state the
// commands change and the test reads back.

let sandbox: Sandbox;
let directory: string;
const seeds = await sandboxSeed();
const voxFrom = seeds.vox.phoneNumbers.find((number) => number.status === 'active' && number.provider === 'vox')!;
const connection = (provider: 'vox' | 'vogent') => ['--provider', provider, '--base-url', sandbox.clientOptions(provider).baseUrl];
/** The fake io of these tests: the keys in the environment, as a key on the command line is warned about. */
const fakeIo = (options: Parameters<typeof pipeOrTerminal>[0] = {}) =>
  pipeOrTerminal({ ...options, env: { VOX_API_KEY: sandbox.apiKeys.vox, VOGENT_API_KEY: sandbox.apiKeys.vogent } });
const posts = () => sandbox.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path} ${request.status}`);

/** A fake io whose stdin is a terminal that answers `answer`, recording the questions asked. */
function terminal(answer: boolean) {
  const questions: string[] = [];
  const fake = fakeIo({ stdoutIsTTY: false, stderrIsTTY: true });
  Object.assign(fake.io, { stdinIsTTY: true, confirm: async (question: string) => (questions.push(question), answer) });
  return { ...fake, questions };
}

beforeAll(async () => {
  sandbox = await startSandbox();
  directory = await mkdtemp(join(tmpdir(), 'voiceplane-recipients-'));
  await writeFile(join(directory, 'people.csv'), 'number,name,plan\n01012345678,"Kim, Minji",pro\n01087654321,Lee,\n');
  await writeFile(join(directory, 'people.ndjson'), '{"number":"01012345678","name":"Kim"}\n\n{"number":"01087654321"}\n');
  await writeFile(join(directory, 'nonumber.csv'), 'phone,name\n01012345678,Kim\n');
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
  await sandbox.close();
});

const createArgs = (file: string) => [
  'campaigns', 'create', ...connection('vox'), '--name', 'Delivery notice', '--agent', 'agent-cli', '--from', voxFrom.id, '--recipients', file, '-f', 'json',
];

describe('voiceplane campaigns create', () => {
  it('reads a CSV with a quoted cell and an empty one, creates with --yes in a pipe, and prints the campaign', async () => {
    const { io, output } = fakeIo({ cwd: '/' });
    Object.assign(io, { cwd: directory });
    expect(await run([...createArgs('people.csv'), '--yes', '--concurrency', '2'], io)).toBe(0);
    expect(output.stderr).toBe('');
    const campaign = JSON.parse(output.stdout) as { id: string; name: string; totalCalls: number; concurrency: number; fromNumber: string };
    expect(campaign).toMatchObject({ name: 'Delivery notice', totalCalls: 2, concurrency: 2, fromNumber: voxFrom.number });
    expect(posts()).toEqual(['POST /v3/campaigns 201']);
  });

  it('reads NDJSON from stdin with "-"', async () => {
    const { io, output } = fakeIo();
    Object.assign(io, { stdin: Readable.from(['{"number":"01012345678","name":"Kim"}\n', '{"number":"01087654321"}\n']), stdinIsTTY: false });
    expect(await run([...createArgs('-'), '--yes'], io)).toBe(0);
    expect(JSON.parse(output.stdout)).toMatchObject({ totalCalls: 2 });
  });

  it('in a pipe without --yes: a usage error, nothing sent', async () => {
    const { io, output } = fakeIo();
    Object.assign(io, { cwd: directory });
    expect(await run(createArgs('people.ndjson'), io)).toBe(2);
    expect(output.stderr).toMatch(/^voiceplane: campaigns create changes the platform: outside a terminal, pass --yes to confirm\.\n/);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('on a terminal, asks first; "no" changes nothing (exit 1), "yes" creates', async () => {
    const declined = terminal(false);
    Object.assign(declined.io, { cwd: directory });
    expect(await run(createArgs('people.ndjson'), declined.io)).toBe(1);
    expect(declined.questions).toEqual([
      `Launch campaign "Delivery notice" on vox now: 2 recipients from people.ndjson, calling from number ${voxFrom.id} with agent agent-cli?`,
    ]);
    expect(declined.output.stderr).toBe('voiceplane: nothing was changed: the write was not confirmed.\n');
    expect(sandbox.requests).toHaveLength(0);

    const agreed = terminal(true);
    Object.assign(agreed.io, { cwd: directory });
    expect(await run(createArgs('people.ndjson'), agreed.io)).toBe(0);
    expect(posts()).toEqual(['POST /v3/campaigns 201']);
  });

  it.each([
    [['nonumber.csv'], /--recipients: nonumber\.csv needs a header row with a "number" column \(got phone, name\)/],
    [['missing.csv'], /--recipients: cannot read missing\.csv \(ENOENT\)/],
    [['people.csv', '--scheduled-at', '2026-03-01T09:00'], /--scheduled-at takes an ISO 8601 time with its offset/],
    [['people.csv', '--concurrency', 'many'], /--concurrency takes a whole number/],
  ])('refuses %j before any request', async (extra, message) => {
    const { io, output } = fakeIo();
    Object.assign(io, { cwd: directory });
    const [file, ...rest] = extra;
    expect(await run([...createArgs(file!), ...rest, '--yes'], io)).toBe(2);
    expect(output.stderr).toMatch(message);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('a recipient the SDK cannot read is refused with its index, nothing sent', async () => {
    const { io, output } = fakeIo();
    Object.assign(io, { stdin: Readable.from(['number\n01012345678\nnot-a-number\n']), stdinIsTTY: false });
    expect(await run([...createArgs('-'), '--yes'], io)).toBe(2);
    expect(output.stderr).toMatch(/recipients\[1\]\.number "not-a-number" cannot be read as a phone number/);
    expect(sandbox.requests).toHaveLength(0);
  });
});

describe('voiceplane campaigns pause, resume, cancel', () => {
  it('pauses, resumes and cancels a Vogent job, and says when a platform lacks cancel', async () => {
    const job = seeds.vogent.batchDialJobs.find((item) => item.status === 'ACTIVE')!;
    for (const [action, done] of [['pause', 'Paused'], ['resume', 'Resumed']] as const) {
      const { io, output } = fakeIo();
      expect(await run(['campaigns', action, job.id, ...connection('vogent'), '--yes'], io)).toBe(0);
      expect(output).toEqual({ stdout: '', stderr: `${done} campaign ${job.id} on vogent.\n` });
    }
    expect(posts()).toEqual([`POST /batch_dial_jobs/${job.id}/paused 200`, `POST /batch_dial_jobs/${job.id}/paused 200`]);

    const { io, output } = fakeIo();
    expect(await run(['campaigns', 'cancel', job.id, ...connection('vogent'), '--yes'], io)).toBe(2);
    expect(output.stderr).toMatch(/^voiceplane: vogent does not offer campaigns cancel; vogent offers: .*campaigns pause/);
  });

  it('cancels a vox campaign after asking on a terminal', async () => {
    const campaign = seeds.vox.campaigns.find((item) => item.status === 'ongoing')!;
    const asked = terminal(true);
    expect(await run(['campaigns', 'cancel', campaign.id, ...connection('vox')], asked.io)).toBe(0);
    // Looked up first: the question names the campaign and its status as they are now.
    expect(asked.questions).toEqual([`Cancel campaign "${campaign.name}" (id ${campaign.id}, running) on vox for good (no further calls are placed)?`]);
    expect(posts()).toEqual([`POST /v3/campaigns/${campaign.id}/cancel 200`]);
    expect(sandbox.requests.filter((request) => request.method === 'GET').map((request) => request.path)).toEqual([`/v3/campaigns/${campaign.id}`]);
  });
});

describe('voiceplane numbers route', () => {
  it('routes a number found on the sandbox to an agent, printing the routed number', async () => {
    const { io, output } = fakeIo();
    const spelling = `+82 ${voxFrom.number.slice(1)}`;
    expect(await run(['numbers', 'route', spelling, '--agent', 'agent-routed', '--sandbox', '--yes', '-f', 'ndjson'], io)).toBe(0);
    expect(JSON.parse(output.stdout)).toMatchObject({ provider: 'vox', id: voxFrom.id, agentId: 'agent-routed' });
    expect(output.stderr).toBe(`Routed ${voxFrom.number} on vox (id ${voxFrom.id}) to agent agent-routed.\n`);
  });

  it('needs --agent and refuses --provider', async () => {
    for (const [args, message] of [
      [['numbers', 'route', '+15550100', '--sandbox', '--yes'], /numbers route needs --agent <id>/],
      [['numbers', 'route', '+15550100', '--agent', 'a', '-p', 'vox'], /numbers route searches every configured platform: it takes no --provider/],
    ] as const) {
      const { io, output } = fakeIo();
      expect(await run([...args], io)).toBe(2);
      expect(output.stderr).toMatch(message);
    }
  });
});
