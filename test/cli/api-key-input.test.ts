import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { startAssignmentServer, type AssignmentServer } from './assignment-server.js';
import { fakeIo } from './fake-io.js';

// The key on the command line shows in the process list: taken, but warned about;
// --api-key-stdin reads it from stdin instead (issue 23, item 10).

const key = 'assignment-key-from-stdin-5d2e';
let server: AssignmentServer;
beforeAll(async () => {
  server = await startAssignmentServer([{ id: 'num_1', phoneNumber: '+14155550100', friendlyName: null, agentId: 'agent_a', status: 'active' }]);
});
afterAll(() => server.close());

const get = () => ['numbers', 'get', 'num_1', '-p', 'numbers-assignment', '--base-url', server.url, '-f', 'json'];
const keyOf = (index: number) => String(server.requests[index]?.headers.authorization ?? server.requests[index]?.headers['x-api-key']);

describe('--api-key and --api-key-stdin', () => {
  it('--api-key is used, with a warning that names the environment variable and --api-key-stdin', async () => {
    const { io, output } = fakeIo();
    expect(await run([...get(), '--api-key', key], io)).toBe(0);
    expect(output.stderr).toBe(
      'voiceplane: warning: --api-key shows the key to every user of this machine (the process list) and in the shell history; ' +
        'set NUMBERS_ASSIGNMENT_API_KEY or pass the key with --api-key-stdin.\n',
    );
    expect(JSON.parse(output.stdout)).toMatchObject({ id: 'num_1' });
  });

  it('--api-key-stdin reads the first line of stdin, without its newline, and warns of nothing', async () => {
    server.requests.length = 0;
    const { io, output } = fakeIo();
    Object.assign(io, { stdin: Readable.from([`${key}\n`]), stdinIsTTY: false });
    expect(await run([...get(), '--api-key-stdin'], io)).toBe(0);
    expect(output.stderr).toBe('');
    expect(keyOf(0)).toContain(key);
  });

  it.each([
    ['an empty stdin', [], [''], '--api-key-stdin: stdin holds no key.'],
    ['a terminal for stdin', [], null, '--api-key-stdin reads the key from stdin: pipe it in'],
    ['--api-key beside it', ['--api-key', key], [key], '--api-key and --api-key-stdin exclude each other: give one.'],
  ])('refuses %s before any request (exit 2)', async (_name, extra, stdin, message) => {
    server.requests.length = 0;
    const { io, output } = fakeIo();
    Object.assign(io, stdin === null ? { stdin: Readable.from([]), stdinIsTTY: true } : { stdin: Readable.from(stdin), stdinIsTTY: false });
    expect(await run([...get(), '--api-key-stdin', ...extra], io)).toBe(2);
    expect(output.stderr).toContain(`voiceplane: ${message}`);
    expect(output.stderr).not.toContain(`${key}`);
    expect(server.requests).toEqual([]);
  });

  it('refuses --api-key-stdin with --recipients - (both read stdin), and over every platform (--all)', async () => {
    const { io, output } = fakeIo();
    const args = ['campaigns', 'create', '-p', 'vox', '--sandbox', '--name', 'N', '--agent', 'a', '--from', 'f', '--recipients', '-', '--yes', '--api-key-stdin'];
    Object.assign(io, { stdin: Readable.from([`${key}\n`]), stdinIsTTY: false });
    expect(await run(args, io)).toBe(2);
    expect(output.stderr).toContain('--api-key-stdin and --recipients - both read stdin');
    const all = fakeIo();
    expect(await run(['numbers', 'list', '--all', '--api-key-stdin'], all.io)).toBe(2);
    expect(all.output.stderr).toContain("--api-key-stdin sets one platform's connection: with --all, set it in the environment or the config file.");
  });
});
