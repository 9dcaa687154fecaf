import { execFileSync } from 'node:child_process';
import { symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { startAssignmentServer, type AssignmentServer } from './assignment-server.js';
import { fakeIo } from './fake-io.js';
import { runWith, withDirectory } from './hub-fixtures.js';

// Files a user did not write: a cloned repository's voiceplane.config.json, a recipients list with
// one person twice, a FIFO or a link to /dev/zero where a file is expected (issue 23, items 2 and 8).

let mine: AssignmentServer;
let theirs: AssignmentServer;
const myKey = 'my-assignment-key-4c1d';
const theirKey = 'their-assignment-key-9e2b';
const wire = { id: 'num_1', phoneNumber: '+14155550100', friendlyName: null, agentId: 'agent_a', status: 'active' };
beforeAll(async () => {
  mine = await startAssignmentServer([{ ...wire }]);
  theirs = await startAssignmentServer([{ ...wire, id: 'num_theirs' }]);
});
beforeEach(() => {
  mine.requests.length = 0;
  theirs.requests.length = 0;
});
afterAll(async () => {
  await mine.close();
  await theirs.close();
});

const myEnvironment = () => ({ NUMBERS_ASSIGNMENT_API_KEY: myKey, NUMBERS_ASSIGNMENT_BASE_URL: mine.url });
const clonedConfig = () => JSON.stringify({ 'numbers-assignment': { apiKey: theirKey, baseUrl: theirs.url } });

describe('a config file found by searching never replaces a platform the environment configures (item 8)', () => {
  for (const args of [
    ['numbers', 'list', '--all'],
    ['numbers', 'find', '+14155550100'],
    ['numbers', 'route', '+14155550100', '--agent', 'agent_b', '--yes'],
  ]) {
    it(`${args.slice(0, 2).join(' ')}: the environment's key and host are used, the file's get nothing, and a warning says so`, () => {
      return withDirectory({ 'voiceplane.config.json': clonedConfig() }, async (cwd) => {
        const result = await runWith(args, { cwd, env: myEnvironment() });
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout.split('\n')[0]!)).toMatchObject({ provider: 'numbers-assignment', id: 'num_1' });
        expect(theirs.requests).toEqual([]);
        expect(mine.requests.length).toBeGreaterThan(0);
        for (const request of mine.requests) expect(JSON.stringify(request.headers)).toContain(myKey);
        expect(result.stderr).toContain(
          'voiceplane: warning: voiceplane.config.json sets numbers-assignment.apiKey and numbers-assignment.baseUrl but was found by searching up',
        );
        expect(result.stderr).not.toContain(theirKey);
      });
    });
  }

  it('the same file named with --config is the user\'s choice: its key and host are used', () => {
    return withDirectory({ 'team.json': clonedConfig() }, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all', '--config', 'team.json'], { cwd, env: myEnvironment() });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(mine.requests).toEqual([]);
      expect(theirs.requests.length).toBeGreaterThan(0);
    });
  });
});

describe('a config file that is not a regular file, or too large, is refused before it is read (item 8)', () => {
  const cases: Array<[string, (path: string) => Promise<void>, RegExp]> = [
    ['a FIFO', async (path) => void execFileSync('mkfifo', [path]), /it is a named pipe \(FIFO\), not a regular file/],
    ['a link to /dev/zero', (path) => symlink('/dev/zero', path), /it is a device, not a regular file/],
    ['a file over 1 MB', async (path) => (await writeFile(path, '{}'), await truncate(path, 1_000_001)), /it is larger than 1 MB/],
  ];
  for (const [what, make, message] of cases) {
    it(`${what}, found by searching or named with --config: exit 2, no request`, { timeout: 10_000 }, () => {
      return withDirectory({}, async (cwd) => {
        await make(join(cwd, 'voiceplane.config.json'));
        for (const extra of [[], ['--config', 'voiceplane.config.json']]) {
          const result = await runWith(['numbers', 'list', '--all', ...extra], { cwd, env: myEnvironment() });
          expect(result.code).toBe(2);
          expect(result.stderr).toMatch(message);
          expect(mine.requests).toEqual([]);
        }
        const shown = await runWith(['config'], { cwd });
        expect(shown.code).toBe(2);
        expect(shown.stderr).toMatch(message);
      });
    });
  }
});

const createArgs = (recipients: string) => [
  'campaigns', 'create', '-p', 'vox', '--sandbox', '--name', 'N', '--agent', 'agent_1', '--from', 'pn_1', '--recipients', recipients, '--yes',
];

async function create(files: Record<string, string>, recipients: string, prepare?: (cwd: string) => Promise<void>) {
  return withDirectory(files, async (cwd) => {
    await prepare?.(cwd);
    const { io, output } = fakeIo({ cwd });
    return { code: await run(createArgs(recipients), io), ...output };
  });
}

describe('campaigns create: a recipients file the CLI refuses before anything starts (items 2 and 8)', () => {
  it('the same person twice in a CSV, spelled two ways: both lines named', async () => {
    const result = await create({ 'people.csv': 'number,name\n+14155550100,Ada\n01087654321,Lee\n"+1 (415) 555-0100",Bob\n' }, 'people.csv');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'voiceplane: --recipients: people.csv line 4 ("+1 (415) 555-0100") is the same number as people.csv line 2 ("+14155550100"), ' +
        '+14155550100: a campaign would call them twice. Remove one of them.',
    );
  });

  it('the same person twice in NDJSON, one spelled nationally (read as the platform\'s country, KR for vox)', async () => {
    const result = await create({ 'people.ndjson': '{"number":"+82 10-1234-5678"}\n\n{"number":"010-1234-5678","name":"Kim"}\n' }, 'people.ndjson');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('people.ndjson line 3 ("010-1234-5678") is the same number as people.ndjson line 1 ("+82 10-1234-5678"), +821012345678');
  });

  it('the same person twice on stdin', async () => {
    const { io, output } = fakeIo();
    Object.assign(io, { stdin: Readable.from(['number\n+14155550100\n+1 415 555 0100\n']), stdinIsTTY: false });
    expect(await run(createArgs('-'), io)).toBe(2);
    expect(output.stderr).toContain('stdin line 3 ("+1 415 555 0100") is the same number as stdin line 2 ("+14155550100")');
  });

  it('a CSV with two number columns', async () => {
    const result = await create({ 'people.csv': 'number,name,number\n+14155550100,Ada,+14155550199\n' }, 'people.csv');
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('voiceplane: --recipients: people.csv line 1 names the column "number" twice; give each column once.');
  });

  it('a FIFO, a link to /dev/zero, a file over 50 MB: refused without reading', { timeout: 10_000 }, async () => {
    const fifo = await create({}, 'people.csv', async (cwd) => void execFileSync('mkfifo', [join(cwd, 'people.csv')]));
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/^voiceplane: --recipients: cannot read people\.csv: it is a named pipe \(FIFO\), not a regular file\./);
    const zero = await create({}, 'people.csv', (cwd) => symlink('/dev/zero', join(cwd, 'people.csv')));
    expect(zero.stderr).toMatch(/^voiceplane: --recipients: cannot read people\.csv: it is a device, not a regular file\./);
    const large = await create({ 'people.csv': 'number\n' }, 'people.csv', (cwd) => truncate(join(cwd, 'people.csv'), 50_000_001));
    expect(large.stderr).toMatch(/^voiceplane: --recipients: cannot read people\.csv: it is larger than 50 MB/);
  });
});
