import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { startSandbox, type Sandbox } from '../../src/testing/index.js';
import { startLoopbackServer } from '../helpers/loopback-server.js';
import { fakeIo as pipeOrTerminal } from './fake-io.js';

const eraseLine = '\r\u001b[2K';

let sandbox: Sandbox;
let voxConnection: string[];
let voxKey: string;
/** The fake io of these tests: the vox key in the environment (a key on the command line is warned about), unless a test gives its own. */
const fakeIo = (options: Parameters<typeof pipeOrTerminal>[0] = {}) => pipeOrTerminal({ ...options, env: options.env ?? { VOX_API_KEY: voxKey } });

beforeAll(async () => {
  sandbox = await startSandbox();
  const options = sandbox.clientOptions('vox');
  voxKey = options.apiKey;
  voxConnection = ['--provider', 'vox', '--base-url', options.baseUrl];
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
  await sandbox.close();
});

describe('the progress line', () => {
  // 230 vox numbers in every status, listed one status after another: 150 active in three pages of
  // 50, then 25 scheduled, 25 cancel_requested and 30 expired, a page each.
  const listAll = () => ['numbers', 'list', ...voxConnection, '--format', 'ndjson'];
  const listActive = () => ['numbers', 'list', ...voxConnection, '--status', 'active', '--format', 'ndjson'];

  it('on a terminal, is rewritten in place after each page of a multi-page list and erased at the end', async () => {
    const { io, output } = fakeIo({ stderrIsTTY: true });
    expect(await run(listAll(), io)).toBe(0);
    // Six pages, and one item of each status but active, asked at the start for the total.
    expect(sandbox.requestCount('vox')).toBe(9);
    const frames = output.stderr.split(eraseLine).filter((frame) => frame !== '');
    // The clock is read at the start, then once per page drawn: 100 ms apart.
    expect(frames).toEqual([
      'phone numbers: 1 page, 50 of 230 items, 500 items/s\r',
      'phone numbers: 2 pages, 100 of 230 items, 500 items/s\r',
      'phone numbers: 3 pages, 150 of 230 items, 500 items/s\r',
      'phone numbers: 4 pages, 175 of 230 items, 438 items/s\r',
      'phone numbers: 5 pages, 200 of 230 items, 400 items/s\r',
      'phone numbers: 6 pages, 230 of 230 items, 383 items/s\r',
    ]);
    expect(output.stderr.endsWith(eraseLine)).toBe(true);
    expect(output.stdout).not.toContain('\u001b');
    expect(output.stdout.trimEnd().split('\n')).toHaveLength(230);
  });

  it('is erased before each batch of data, so a terminal showing both streams stays readable', async () => {
    const events: string[] = [];
    const { io } = fakeIo({ stderrIsTTY: true });
    io.stdout = { write: (text: string) => events.push(`out:${text.split('\n').length - 1}`) };
    io.stderr = { write: (text: string) => events.push(text === eraseLine ? 'erase' : 'draw') };
    expect(await run(listAll(), io)).toBe(0);
    expect(events).toEqual([
      'out:50', 'draw',
      'erase', 'out:50', 'draw',
      'erase', 'out:50', 'draw',
      'erase', 'out:25', 'draw',
      'erase', 'out:25', 'draw',
      'erase', 'out:30', 'draw',
      'erase',
    ]);
  });

  it('is never drawn when stderr is not a terminal', async () => {
    const { io, output } = fakeIo({ stderrIsTTY: false, stdoutIsTTY: true });
    expect(await run(listAll(), io)).toBe(0);
    expect(output.stderr).toBe('');
  });

  it('is not drawn for a list that fits on one page', async () => {
    const { io, output } = fakeIo({ stderrIsTTY: true });
    // 25 vox numbers are scheduled (pending): one page of 50.
    expect(await run(['numbers', 'list', ...voxConnection, '--status', 'pending', '--format', 'json'], io)).toBe(0);
    expect(sandbox.requestCount('vox')).toBe(1);
    expect(JSON.parse(output.stdout)).toHaveLength(25);
    expect(output.stderr).toBe('');
  });

  it('is erased when the listing fails midway, above the one error line', async () => {
    const { io, output } = fakeIo({ stderrIsTTY: true });
    sandbox.setFaults({ rateLimit: { every: 3, retryAfterSeconds: 600 } });
    // One status: one request per page, so the third page is the third request, the one refused.
    expect(await run(listActive(), io)).toBe(1);
    const [progress, error] = output.stderr.split('voiceplane: ');
    expect(progress!.split(eraseLine)).toEqual([
      '',
      'phone numbers: 1 page, 50 of 150 items, 500 items/s\r',
      '',
      'phone numbers: 2 pages, 100 of 150 items, 500 items/s\r',
      '',
    ]);
    expect(error).toMatch(/^RateLimitError: [^\n]*\n$/);
    expect(output.stdout.trimEnd().split('\n')).toHaveLength(100);
  });
});

describe('the default format', () => {
  it('is a table when stdout is a terminal', async () => {
    const { io, output } = fakeIo({ stdoutIsTTY: true });
    expect(await run(['numbers', 'list', ...voxConnection, '--limit', '2'], io)).toBe(0);
    expect(output.stdout.split('\n')[0]).toMatch(/^PROVIDER {2}ID +NUMBER +E164 +STATUS +AGENT +LABEL +TYPE +CREATED$/);
    expect(output.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('is ndjson when stdout is not a terminal', async () => {
    const { io, output } = fakeIo({ stdoutIsTTY: false });
    expect(await run(['numbers', 'list', ...voxConnection, '--limit', '2'], io)).toBe(0);
    const lines = output.stdout.trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { provider: string }).provider)).toEqual(['vox', 'vox']);
  });
});

describe('requests sent', () => {
  it('a --limit that fits on one page asks for that page size and fetches one page', async () => {
    const { io, output } = fakeIo();
    expect(await run(['numbers', 'list', ...voxConnection, '--limit', '7'], io)).toBe(0);
    expect(output.stdout.trimEnd().split('\n')).toHaveLength(7);
    const pages = sandbox.requests.filter((request) => request.query.limit?.[0] !== '1');
    expect(pages).toMatchObject([{ method: 'GET', path: '/v3/organization-telephone-numbers', query: { limit: ['7'], status: ['active'] } }]);
    // Beside it, only the one-item counts of vox's other statuses, for the total.
    expect(sandbox.requests.filter((request) => request.query.limit?.[0] === '1')).toHaveLength(3);
  });

  it('an operation the provider lacks is refused with exit 2 before any request', async () => {
    const { io, output } = fakeIo();
    expect(await run(['numbers', 'delete', 'n1', ...voxConnection], io)).toBe(2);
    expect(sandbox.requestCount()).toBe(0);
    const offers = 'voiceplane: vox does not offer numbers delete; vox offers: numbers list, numbers get, numbers update, campaigns list, campaigns get, campaigns create, campaigns pause, campaigns resume, campaigns cancel';
    const [first] = output.stderr.split('\n');
    expect(first!.startsWith(offers)).toBe(true);
    // Then the calls and agents subcommands, where vox's provider offers them.
    expect(first!.slice(offers.length)).toMatch(/^(, (calls|agents) [a-z]+)*\.$/);
  });

  it('--status sends the platform its own status words', async () => {
    const { io } = fakeIo();
    expect(await run(['numbers', 'list', ...voxConnection, '--status', 'pending', '--limit', '1'], io)).toBe(0);
    expect(sandbox.requests[0]!.query).toMatchObject({ status: ['scheduled'], limit: ['1'] });
  });
});

describe('run() with an injected environment', () => {
  it('reads no key from io.env and says so before any request', async () => {
    const { io, output } = fakeIo({ env: {} });
    expect(await run(['numbers', 'list', '-p', 'vox', '--base-url', sandbox.baseUrl('vox')], io)).toBe(2);
    expect(output.stderr.split('\n')[0]).toBe('voiceplane: no API key for vox: pass --api-key or set VOX_API_KEY (or try --sandbox).');
    expect(sandbox.requestCount()).toBe(0);
  });

  it('--sandbox needs no key and closes its sandbox, and refuses --base-url beside it', async () => {
    const { io, output } = fakeIo();
    expect(await run(['numbers', 'list', '-p', 'generic', '--sandbox', '--limit', '3'], io)).toBe(0);
    expect(output.stdout.trimEnd().split('\n')).toHaveLength(3);
    const refused = fakeIo();
    expect(await run(['numbers', 'list', '-p', 'generic', '--sandbox', '--base-url', 'http://127.0.0.1:1'], refused.io)).toBe(2);
    expect(refused.output.stderr.split('\n')[0]).toBe('voiceplane: --sandbox and --base-url exclude each other: the sandbox has its own address.');
  });
});

describe('an empty list', () => {
  it('is [] in json, a header in csv and table, nothing in ndjson', async () => {
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ items: [], total_count: 0, next_cursor: null }));
    });
    try {
      const printed: Record<string, string> = {};
      for (const format of ['json', 'csv', 'table', 'ndjson']) {
        const { io, output } = fakeIo({ stderrIsTTY: true });
        expect(await run(['numbers', 'list', '-p', 'vox', '--base-url', server.url, '-f', format], io)).toBe(0);
        expect(output.stderr).toBe('');
        printed[format] = output.stdout;
      }
      expect(printed).toEqual({
        json: '[]\n',
        csv: 'provider,id,number,e164,status,statusRaw,agentId,outboundAgentId,label,type,carrier,inbound,outbound,createdAt,updatedAt\n',
        table: 'PROVIDER  ID  NUMBER  E164  STATUS  AGENT  LABEL  TYPE  CREATED\n',
        ndjson: '',
      });
    } finally {
      await server.close();
    }
  });
});
