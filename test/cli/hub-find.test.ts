import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxProviders, sandboxSeed, startSandbox, type Sandbox } from '../../src/testing/index.js';
import { listedBySandbox, runWith, sandboxEnvironment, withDirectory } from './hub-fixtures.js';
import { childProcessTimeout, ndjsonLines, runCli } from './run-cli.js';

let sandbox: Sandbox;
/** The platforms of the registry that list numbers: those `find` searches. */
let listing: string[];
beforeAll(async () => {
  sandbox = await startSandbox();
  listing = Object.keys((await listedBySandbox(sandbox, 'phoneNumbers.list')).ids);
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
  await sandbox.close();
});

// An active Seoul number of vox, which vox spells nationally: 02 and eight digits.
const seoul = (await sandboxSeed()).vox.phoneNumbers.find((number) => number.status === 'active' && /^02\d{8}$/.test(number.number))!;
const national = seoul.number.slice(1);
const e164 = `+82${national}`;
const spellings: Array<{ name: string; args: string[] }> = [
  { name: 'international, with spaces and dashes', args: [`+82 2-${national.slice(1, 5)}-${national.slice(5)}`] },
  { name: 'national, with --default-country', args: [`02-${national.slice(1, 5)}-${national.slice(5)}`, '--default-country', 'kr'] },
  { name: 'international digits without +', args: [`82${national}`] },
];

describe('numbers find <number> over the configured platforms', () => {
  for (const { name, args } of spellings) {
    it(`finds the vox number spelled ${name} (${args[0]})`, () => {
      return withDirectory({}, async (cwd) => {
        const result = await runWith(['numbers', 'find', ...args], { cwd, env: sandboxEnvironment(sandbox) });
        expect(result).toMatchObject({ code: 0, stderr: '' });
        const matches = ndjsonLines(result.stdout);
        expect(matches).toHaveLength(1);
        expect(matches[0]).toMatchObject({
          provider: 'vox',
          id: seoul.id,
          number: seoul.number,
          e164,
          agentId: seoul.inbound_agent?.agent_id ?? null,
        });
        // Every platform was searched.
        expect(new Set(sandbox.requests.map((request) => request.provider))).toEqual(new Set(listing));
      });
    });
  }

  it('prints a table of provider, id, number, e164 and agent at a terminal', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['numbers', 'find', e164], { cwd, env: sandboxEnvironment(sandbox), stdoutIsTTY: true });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const [header, row, ...rest] = result.stdout.trimEnd().split('\n');
      expect(header!.split(/ {2,}/).slice(0, 6)).toEqual(['PROVIDER', 'ID', 'NUMBER', 'E164', 'STATUS', 'AGENT']);
      expect(row!.split(/ {2,}/).slice(0, 6)).toEqual(['vox', seoul.id, seoul.number, e164, 'active', seoul.inbound_agent?.agent_id ?? '-']);
      expect(rest).toEqual([]);
    });
  });

  it('a number on no platform: exit 1, an empty list on stdout, a note naming the E.164 form on stderr', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['numbers', 'find', '+1 415 555 0000', '-f', 'json'], { cwd, env: sandboxEnvironment(sandbox) });
      expect(result).toEqual({ code: 1, stdout: '[]\n', stderr: `No number +14155550000 on ${sandboxProviders.join(', ')}.\n` });
      const quiet = await runWith(['numbers', 'find', '+1 415 555 0000', '-q'], { cwd, env: sandboxEnvironment(sandbox) });
      expect(quiet).toEqual({ code: 1, stdout: '', stderr: '' });
    });
  });

  it('a spelling that cannot be a number: exit 2 naming it, before any request', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['numbers', 'find', '12-ab'], { cwd, env: sandboxEnvironment(sandbox) });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')[0]).toBe(
        'voiceplane: "12-ab" cannot be read as a phone number: give it in international form such as +82 2-1234-5678, ' +
          'or a national one with --default-country <cc>.',
      );
      expect(result.stderr).toContain("Run 'voiceplane numbers find --help' for details.");
      expect(sandbox.requestCount()).toBe(0);
    });
  });

  it("a national spelling without --default-country is read with each platform's own country: vox's KR finds it", () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['numbers', 'find', seoul.number, '--format', 'ndjson'], { cwd, env: sandboxEnvironment(sandbox) });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`"id":"${seoul.id}"`);
    });
  });

  it('a spelling no platform can read: exit 2, before any request', () => {
    return withDirectory({}, async (cwd) => {
      const before = sandbox.requests.length;
      const result = await runWith(['numbers', 'find', '12'], { cwd, env: sandboxEnvironment(sandbox) });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toContain('"12" cannot be read as a phone number');
      expect(sandbox.requests.length).toBe(before);
    });
  });

  it('--default-country that is no country: exit 2', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['numbers', 'find', seoul.number, '--default-country', 'ZZ'], { cwd, env: sandboxEnvironment(sandbox) });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe('voiceplane: --default-country: "ZZ" is no country code in use; give one such as KR or US.');
    });
  });

  it('a platform that fails: the matches of the others on stdout, its line on stderr, exit 1', () => {
    return withDirectory({}, async (cwd) => {
      const env = sandboxEnvironment(sandbox, { VOGENT_API_KEY: 'bad-vogent-key-9' });
      const result = await runWith(['numbers', 'find', e164], { cwd, env });
      expect(result.code).toBe(1);
      expect(ndjsonLines(result.stdout)).toMatchObject([{ provider: 'vox', id: seoul.id }]);
      expect(result.stderr).toMatch(/^voiceplane: vogent: AuthenticationError: [^\n]*\n$/);
      expect(result.stderr).not.toContain('bad-vogent-key-9');
    });
  });
});

describe('numbers find --sandbox (child process)', { timeout: childProcessTimeout }, () => {
  it('searches every platform of the sandbox: a numbers-assignment number given with spaces', async () => {
    const assigned = (await sandboxSeed())['numbers-assignment'].numbers.find((number) => number.phoneNumber.startsWith('+1'))!;
    const digits = assigned.phoneNumber.slice(2);
    const spelled = `+1 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
    const result = await runCli(['numbers', 'find', spelled, '--sandbox', '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject([
      { provider: 'numbers-assignment', id: assigned.id, number: assigned.phoneNumber, e164: assigned.phoneNumber, agentId: assigned.agentId },
    ]);
  });
});
