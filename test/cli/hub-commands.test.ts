import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxProviders, sandboxSeed, startSandbox, type Sandbox } from '../../src/testing/index.js';
import { countByProvider, countsOf, listedBySandbox, only, runWith, sandboxEnvironment, withDirectory, without } from './hub-fixtures.js';
import { childProcessTimeout, ndjsonLines, runCli } from './run-cli.js';

let sandbox: Sandbox;
/** Each platform's numbers and campaigns as its own client lists them: what --all must show, platform by platform. */
let listedNumbers: Record<string, string[]>;
let numberCounts: Record<string, number>;
let campaignCounts: Record<string, number>;
beforeAll(async () => {
  sandbox = await startSandbox();
  listedNumbers = (await listedBySandbox(sandbox, 'phoneNumbers.list')).ids;
  numberCounts = countsOf(listedNumbers);
  campaignCounts = countsOf((await listedBySandbox(sandbox, 'campaigns.list')).ids);
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
  await sandbox.close();
});

const seed = await sandboxSeed();
const providersOf = (text: string) => ndjsonLines(text).map((item) => item.provider);

describe('numbers list --all --sandbox: every platform of the sandbox', () => {
  it('the seed says what the platforms list: every number of a platform whose seed is one list of numbers', () => {
    expect(Object.keys(numberCounts)).toEqual(sandboxProviders.filter((provider) => provider in numberCounts));
    expect(only(numberCounts, 'vox', 'vogent', 'generic', 'numbers-assignment', 'vapi', 'retell')).toEqual({
      vox: seed.vox.phoneNumbers.length,
      vogent: seed.vogent.phoneNumbers.length,
      generic: seed.generic.phoneNumbers.length,
      'numbers-assignment': seed['numbers-assignment'].numbers.length,
      vapi: seed.vapi.phoneNumbers.length,
      retell: seed.retell.phoneNumbers.length,
    });
    // Bland: its inbound numbers, then the outbound numbers that are not inbound ones too.
    const blandIds = new Set([...seed.bland.numbers, ...seed.bland.outboundNumbers].map((number) => number.phone_number));
    expect(new Set(listedNumbers.bland)).toEqual(blandIds);
  });

  it('ndjson: every number of every platform, the ids of each platform those of its seed', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all', '--sandbox', '-f', 'ndjson'], { cwd });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const items = ndjsonLines(result.stdout) as Array<{ provider: string; id: string; e164: unknown }>;
      expect(countByProvider(items.map((item) => item.provider))).toEqual(numberCounts);
      for (const provider of Object.keys(listedNumbers)) {
        const ids = items.filter((item) => item.provider === provider).map((item) => item.id);
        expect(new Set(ids)).toEqual(new Set(listedNumbers[provider]));
      }
      expect(items.every((item) => 'e164' in item)).toBe(true);
    });
  });

  it('json: one array holding every platform', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all', '--sandbox', '--format', 'json'], { cwd });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const items = JSON.parse(result.stdout) as Array<{ provider: string }>;
      expect(countByProvider(items.map((item) => item.provider))).toEqual(numberCounts);
    });
  });

  it('csv: one header, then a row per number with the provider first and e164 fourth', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all', '--sandbox', '--format', 'csv'], { cwd });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const [header, ...rows] = result.stdout.trimEnd().split('\n');
      expect(header!.split(',').slice(0, 4)).toEqual(['provider', 'id', 'number', 'e164']);
      expect(countByProvider(rows.map((row) => row.split(',')[0]))).toEqual(numberCounts);
      const voxRow = rows.find((row) => row.startsWith('vox,'))!.split(',');
      expect(voxRow[3]).toBe(`+82${voxRow[2]!.slice(1)}`);
    });
  });

  it('table: a PROVIDER and an E164 column, one row per number of every platform', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all', '--sandbox'], { cwd, stdoutIsTTY: true });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const [header, ...rows] = result.stdout.trimEnd().split('\n');
      expect(header!.split(/ {2,}/)).toEqual(['PROVIDER', 'ID', 'NUMBER', 'E164', 'STATUS', 'AGENT', 'LABEL', 'TYPE', 'CREATED']);
      expect(countByProvider(rows.map((row) => row.split(' ')[0]))).toEqual(numberCounts);
      const e164Column = header!.indexOf('E164');
      const sipRow = rows.find((row) => row.startsWith('vogent') && / sip /.test(row))!;
      expect(sipRow.slice(e164Column).startsWith('-  ')).toBe(true);
    });
  });

  it('campaigns list --all: the campaigns of every platform that lists campaigns', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['campaigns', 'list', '--all', '--sandbox'], { cwd });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(countByProvider(providersOf(result.stdout))).toEqual(campaignCounts);
      expect(only(campaignCounts, 'vox', 'vogent', 'vapi', 'bland')).toEqual({
        vox: seed.vox.campaigns.length,
        vogent: seed.vogent.batchDialJobs.length,
        vapi: seed.vapi.campaigns.length,
        bland: seed.bland.batches.length,
      });
    });
  });
});

describe('numbers list --all over the platforms the environment configures', () => {
  it('lists every platform whose key variable is set, and only those', () => {
    return withDirectory({}, async (cwd) => {
      const env = sandboxEnvironment(sandbox);
      delete env.VOX_API_KEY;
      delete env.GENERIC_API_KEY;
      const result = await runWith(['numbers', 'list', '--all'], { cwd, env });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(countByProvider(providersOf(result.stdout))).toEqual(without(numberCounts, 'vox', 'generic'));
      expect(sandbox.requestCount('vox') + sandbox.requestCount('generic')).toBe(0);
    });
  });

  it('a wrong key: the other platforms\' items on stdout, one line for the failed platform on stderr, exit 1', () => {
    return withDirectory({}, async (cwd) => {
      const wrongKey = 'wrong-vox-key-5d1e';
      const result = await runWith(['numbers', 'list', '--all'], { cwd, env: sandboxEnvironment(sandbox, { VOX_API_KEY: wrongKey }) });
      expect(result.code).toBe(1);
      // The platform is named once, at the start of the line, not again by the SDK's message.
      expect(result.stderr).toMatch(/^voiceplane: vox: AuthenticationError: answered 401[^\n]*\n$/);
      expect(result.stderr.match(/\bvox\b/g)).toHaveLength(1);
      expect(result.stderr).not.toContain(wrongKey);
      expect(countByProvider(providersOf(result.stdout))).toEqual(without(numberCounts, 'vox'));
    });
  });

  it('--limit N: at most N items over all platforms, and no platform asked for more than one page of N', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all', '--limit', '7'], { cwd, env: sandboxEnvironment(sandbox) });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(ndjsonLines(result.stdout)).toHaveLength(7);
      for (const provider of ['vogent', 'generic', 'numbers-assignment'] as const) {
        expect(sandbox.requestCount(provider)).toBe(1);
      }
      // vox: one page of 7 (its first status), and a one-item count of each other status for the total.
      const vox = sandbox.requests.filter((request) => request.provider === 'vox');
      expect(vox.map((request) => request.query.limit![0]).sort()).toEqual(['1', '1', '1', '7']);
    });
  });

  it('--status goes to every platform; one that cannot apply it is reported as failed, after the others\' items', () => {
    return withDirectory({}, async (cwd) => {
      const expected = await listedBySandbox(sandbox, 'phoneNumbers.list', { status: ['inactive'] });
      sandbox.reset();
      const result = await runWith(['numbers', 'list', '--all', '--status', 'inactive'], { cwd, env: sandboxEnvironment(sandbox) });
      expect(result.code).toBe(1);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines.map((line) => /^voiceplane: ([a-z-]+): InvalidRequestError: /.exec(line)?.[1])).toEqual(expected.failed);
      expect(lines).toContainEqual(expect.stringMatching(/^voiceplane: vogent: InvalidRequestError: phoneNumbers.list: Vogent reports no status/));
      const shown = countByProvider(providersOf(result.stdout));
      expect(shown).toEqual(Object.fromEntries(Object.entries(countsOf(expected.ids)).filter(([, count]) => count > 0)));
      expect(only(shown, 'vox', 'generic', 'numbers-assignment')).toEqual({
        vox: seed.vox.phoneNumbers.filter((number) => number.status === 'expired').length,
        generic: seed.generic.phoneNumbers.filter((number) => number.status === 'free').length,
        'numbers-assignment': seed['numbers-assignment'].numbers.filter((number) => number.status === 'inactive').length,
      });
      expect(ndjsonLines(result.stdout).every((item) => (item.status as { unified: string }).unified === 'inactive')).toBe(true);
    });
  });

  it('a generic key without its base URL is refused before any request, naming the variable', () => {
    return withDirectory({}, async (cwd) => {
      const env = sandboxEnvironment(sandbox);
      delete env.GENERIC_BASE_URL;
      const result = await runWith(['numbers', 'list', '--all'], { cwd, env });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(
        'voiceplane: generic publishes no address of its own: set GENERIC_BASE_URL or give baseUrl for generic in voiceplane.config.json.',
      );
      expect(sandbox.requestCount()).toBe(0);
    });
  });
});

describe('numbers list --all as a child process, its environment set by the test', { timeout: childProcessTimeout }, () => {
  it('a wrong key for one platform: csv of the others on stdout, its line on stderr, exit code 1', async () => {
    const result = await runCli(['numbers', 'list', '--all', '--format', 'csv'], sandboxEnvironment(sandbox, { GENERIC_API_KEY: 'nope-0000' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^voiceplane: generic: AuthenticationError: [^\n]*\n$/);
    expect(result.stderr).not.toContain('nope-0000');
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header!.startsWith('provider,id,number,e164,')).toBe(true);
    expect(countByProvider(rows.map((row) => row.split(',')[0]))).toEqual(without(numberCounts, 'generic'));
  });
});
