import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/testing/index.js';
import { childProcessTimeout, runCli } from './run-cli.js';

// One sandbox started here for the whole file: writes made by one child are seen by the next.
let sandbox: Sandbox;
let connection: string[];
/** The key in the environment: a key on the command line is warned about. */
let keyEnvironment: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox();
  const options = sandbox.clientOptions('numbers-assignment');
  connection = ['--provider', 'numbers-assignment', '--base-url', options.baseUrl];
  keyEnvironment = { NUMBERS_ASSIGNMENT_API_KEY: options.apiKey };
});
afterAll(async () => {
  await sandbox.close();
});

describe('voiceplane numbers create, update, delete on numbers-assignment (child process)', { timeout: childProcessTimeout }, () => {
  it('creates, reads as CSV with a quoted label, updates, deletes, and then cannot find the number', async () => {
    const label = 'Front desk, Paris "HQ"';
    const created = await runCli(['numbers', 'create', ...connection, '--number', '+14155550123', '--agent-id', 'agent_cli', '--label', label, '-f', 'json', '--yes'], keyEnvironment);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const number = JSON.parse(created.stdout) as { id: string; number: string; agentId: string; label: string; status: { unified: string } };
    expect(number).toMatchObject({ provider: 'numbers-assignment', number: '+14155550123', agentId: 'agent_cli', label });
    expect(sandbox.requests.filter((request) => request.method === 'POST')).toMatchObject([{ path: '/numbers', status: 201 }]);

    const csv = await runCli(['numbers', 'get', number.id, ...connection, '--format', 'csv'], keyEnvironment);
    expect(csv).toMatchObject({ code: 0, stderr: '' });
    const [, row] = csv.stdout.trimEnd().split('\n');
    expect(row!.startsWith(`numbers-assignment,${number.id},+14155550123,+14155550123,active,active,agent_cli,,"Front desk, Paris ""HQ""",`)).toBe(true);

    const updated = await runCli(['numbers', 'update', number.id, ...connection, '--unlink-agent', '--label', '', '--status', 'inactive', '-f', 'json', '--yes'], keyEnvironment);
    expect(updated).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(updated.stdout)).toMatchObject({ id: number.id, agentId: null, label: null, status: { unified: 'inactive', raw: 'inactive' } });

    const relinked = await runCli(['numbers', 'update', number.id, ...connection, '--agent-id', 'agent_other', '-f', 'ndjson', '--yes'], keyEnvironment);
    expect(JSON.parse(relinked.stdout)).toMatchObject({ agentId: 'agent_other', label: null, status: { unified: 'inactive' } });

    const deleted = await runCli(['numbers', 'delete', number.id, ...connection, '--yes'], keyEnvironment);
    expect(deleted).toEqual({ code: 0, stdout: '', stderr: `Deleted phone number ${number.id} on numbers-assignment.\n` });

    const missing = await runCli(['numbers', 'get', number.id, ...connection], keyEnvironment);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^voiceplane: NotFoundError: numbers-assignment answered 404[^\n]*\n$/);
  });
});

describe.concurrent('voiceplane exit code 1: the API or the connection failed (child process)', { timeout: childProcessTimeout }, () => {
  it('a wrong --api-key: one line on stderr with the error class and message, no stack, no key', async () => {
    const wrongKey = 'wrong-key-4f9a2c';
    const result = await runCli(['numbers', 'list', '-p', 'vox', '--base-url', sandbox.baseUrl('vox'), '--api-key', wrongKey]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    // The key on the command line is taken, and warned about: the process list shows it.
    const [warning, error, ...rest] = result.stderr.split('\n');
    expect(warning).toBe(
      'voiceplane: warning: --api-key shows the key to every user of this machine (the process list) and in the shell history; set VOX_API_KEY or pass the key with --api-key-stdin.',
    );
    expect(error).toMatch(/^voiceplane: AuthenticationError: vox answered 401/);
    expect(rest).toEqual(['']);
    expect(result.stderr).not.toContain(wrongKey);
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('a key from the environment is used, and a wrong one fails the same way', async () => {
    const good = await runCli(['numbers', 'list', '-p', 'vox', '--base-url', sandbox.baseUrl('vox'), '--limit', '1'], {
      VOX_API_KEY: sandbox.apiKeys.vox,
    });
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(good.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const bad = await runCli(['numbers', 'list', '-p', 'vox', '--base-url', sandbox.baseUrl('vox')], { VOX_API_KEY: 'env-wrong-key-77' });
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(bad.stderr).not.toContain('env-wrong-key-77');
  });

  it('nothing listening at --base-url: APIConnectionError on one line', async () => {
    const port = await closedPort();
    const result = await runCli(['numbers', 'list', '-p', 'vox', '--base-url', `http://127.0.0.1:${port}`, '--api-key', 'k-123456']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\nvoiceplane: APIConnectionError: [^\n]*\n$/);
  });
});

/** A port that was free a moment ago and has nobody listening now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
