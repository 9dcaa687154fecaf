import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/registry.js';
import { startSandbox, type Sandbox } from '../../src/testing/index.js';
import { countByProvider, countsOf, listedBySandbox, only, runWith, sandboxEnvironment, withDirectory } from './hub-fixtures.js';
import { ndjsonLines } from './run-cli.js';

let sandbox: Sandbox;
/** How many numbers each platform of the sandbox lists, as its own client counts them. */
let numberCounts: Record<string, number>;
beforeAll(async () => {
  sandbox = await startSandbox();
  numberCounts = countsOf((await listedBySandbox(sandbox, 'phoneNumbers.list')).ids);
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
  await sandbox.close();
});

const providersOf = (text: string) => countByProvider(ndjsonLines(text).map((item) => item.provider));
const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('the config file of --all and numbers find', () => {
  it('voiceplane.config.json in the working directory is read without --config', () => {
    const file = json({
      vox: { apiKey: sandbox.apiKeys.vox, baseUrl: sandbox.baseUrl('vox') },
      generic: { apiKey: sandbox.apiKeys.generic, baseUrl: sandbox.baseUrl('generic'), organizationId: sandbox.organizationId },
    });
    return withDirectory({ 'voiceplane.config.json': file }, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all'], { cwd });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(providersOf(result.stdout)).toEqual(only(numberCounts, 'vox', 'generic'));
    });
  });

  it('--config <file> is read relative to the working directory, and adds to the platforms of the environment', () => {
    const file = json({ vogent: { apiKey: sandbox.apiKeys.vogent, baseUrl: sandbox.baseUrl('vogent') } });
    return withDirectory({ 'team.json': file }, async (cwd) => {
      const env = { NUMBERS_ASSIGNMENT_API_KEY: sandbox.apiKeys['numbers-assignment'], NUMBERS_ASSIGNMENT_BASE_URL: sandbox.baseUrl('numbers-assignment') };
      const result = await runWith(['numbers', 'list', '--all', '--config', 'team.json'], { cwd, env });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(providersOf(result.stdout)).toEqual(only(numberCounts, 'vogent', 'numbers-assignment'));
    });
  });

  it("a value in a file named with --config wins over the variable; the variable fills in what the file leaves out", () => {
    const file = json({ vox: { apiKey: sandbox.apiKeys.vox } });
    return withDirectory({ 'team.json': file }, async (cwd) => {
      const env = { VOX_API_KEY: 'stale-key-from-the-shell', VOX_BASE_URL: sandbox.baseUrl('vox') };
      const result = await runWith(['numbers', 'list', '--all', '--config', 'team.json', '--limit', '3'], { cwd, env });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(providersOf(result.stdout)).toEqual({ vox: 3 });
    });
  });

  it('a file that is not JSON: exit 2 naming the file, quoting nothing of it', () => {
    return withDirectory({ 'broken.json': '{ "vox": { "apiKey": secret-in-the-file } }' }, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all', '--config', 'broken.json'], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toMatch(/^voiceplane: broken\.json is not valid JSON( at line \d+, column \d+)?\.$/);
      expect(result.stderr).not.toContain('secret-in-the-file');
    });
  });

  const refusals: Array<{ name: string; files: Record<string, string>; args?: string[]; says: string }> = [
    {
      name: 'an unknown platform',
      files: { 'voiceplane.config.json': json({ twilio: { apiKey: 'k' } }) },
      says: `voiceplane.config.json: unknown platform "twilio"; platforms: ${Object.keys(providers).join(', ')}.`,
    },
    {
      name: 'a setting the platform does not take',
      files: { 'voiceplane.config.json': json({ vox: { apiKey: 'k', organizationId: 'o' } }) },
      says: 'voiceplane.config.json: vox takes apiKey, baseUrl, timeoutMs, maxRetries; "organizationId" is none of them.',
    },
    {
      name: 'a value that is not a text',
      files: { 'voiceplane.config.json': json({ vox: { apiKey: 42 } }) },
      says: 'voiceplane.config.json: vox.apiKey must be a text that is not empty.',
    },
    {
      name: 'no object of platforms',
      files: { 'voiceplane.config.json': json(['vox']) },
      says: 'voiceplane.config.json must hold one JSON object of platforms, such as { "vox": { "apiKey": "..." } }.',
    },
    {
      name: 'a platform with no key in the file or the environment',
      files: { 'voiceplane.config.json': json({ vox: { baseUrl: 'http://127.0.0.1:1' } }) },
      says: 'no API key for vox: set VOX_API_KEY or give apiKey for vox in voiceplane.config.json.',
    },
    {
      name: 'a --config file that is not there',
      files: {},
      args: ['--config', 'missing.json'],
      says: 'cannot read the config file missing.json: there is no such file.',
    },
  ];
  for (const { name, files, args = [], says } of refusals) {
    it(`${name}: exit 2 before any request`, () => {
      return withDirectory(files, async (cwd) => {
        const result = await runWith(['numbers', 'list', '--all', ...args], { cwd });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')[0]).toBe(`voiceplane: ${says}`);
        expect(sandbox.requestCount()).toBe(0);
      });
    });
  }
});

/**
 * What configures each platform of the registry, in its order: its key variable, with its address
 * variable where it publishes no address of its own and the variables of its required options.
 */
const requirements = Object.values(providers).map(({ environmentPrefix, defaultBaseUrl, options = [] }) => {
  const alongside = [
    ...(defaultBaseUrl === null ? [`${environmentPrefix}_BASE_URL`] : []),
    ...options.filter((option) => option.required && option.environmentSuffix).map((option) => `${environmentPrefix}_${option.environmentSuffix}`),
  ];
  return alongside.length === 0 ? `${environmentPrefix}_API_KEY` : `${environmentPrefix}_API_KEY (with ${alongside.join(' and ')})`;
});

describe('usage errors of --all and numbers find: exit 2', () => {
  it('the platforms named when none is configured include those needing more than a key', () => {
    expect(requirements).toEqual(expect.arrayContaining(['VOX_API_KEY', 'GENERIC_API_KEY (with GENERIC_BASE_URL and GENERIC_ORGANIZATION_ID)']));
  });

  const cases: Array<{ name: string; args: string[]; says: string }> = [
    {
      name: 'no platform configured',
      args: ['numbers', 'list', '--all'],
      says:
        `no platform is configured: set ${requirements.slice(0, -1).join(', ')} or ${requirements.at(-1)}, ` +
        'or list them in voiceplane.config.json or a file named by --config, such as { "vox": { "apiKey": "..." } } (or try --sandbox).',
    },
    { name: 'numbers find with nothing configured', args: ['numbers', 'find', '+14155550123'], says: 'no platform is configured: set VOX_API_KEY' },
    {
      name: '--all with --provider',
      args: ['numbers', 'list', '--all', '--provider', 'vox', '--sandbox'],
      says: '--all and --provider exclude each other: --all lists every configured platform, --provider one.',
    },
    { name: 'find with --provider', args: ['numbers', 'find', '+14155550123', '-p', 'vox'], says: 'numbers find searches every configured platform: it takes no --provider.' },
    {
      name: '--all with --api-key',
      args: ['campaigns', 'list', '--all', '--api-key', 'k-1'],
      says: "--api-key sets one platform's connection: with --all, set it in the environment or the config file.",
    },
    { name: '--sandbox with --config', args: ['numbers', 'list', '--all', '--sandbox', '--config', 'x.json'], says: '--sandbox and --config exclude each other: the sandbox has its own platforms.' },
    {
      name: '--config with one --provider',
      args: ['numbers', 'list', '-p', 'vox', '--config', 'x.json'],
      says: '--config names the platforms of --all: give --all rather than --provider, or leave --config out.',
    },
    { name: 'find without a number', args: ['numbers', 'find', '--sandbox'], says: 'numbers find needs the number to look for.' },
    { name: 'a --default-country of three letters', args: ['numbers', 'find', '0212345678', '--default-country', 'KOR'], says: '--default-country takes a two-letter country code such as KR or US (got "KOR").' },
    { name: '--all on a command that takes one id', args: ['numbers', 'get', 'n1', '--all'], says: 'numbers get does not take --all.' },
  ];
  for (const { name, args, says } of cases) {
    it(`${name}: names the mistake, writes no data`, () => {
      return withDirectory({}, async (cwd) => {
        const result = await runWith(args, { cwd });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')[0]).toContain(`voiceplane: ${says}`);
        expect(result.stderr).toMatch(/Run 'voiceplane [a-z ]+--help' for details\.\n$/);
      });
    });
  }

  it('only generic configured and campaigns list --all: generic lists no campaigns, so nothing can be listed', () => {
    return withDirectory({}, async (cwd) => {
      const env = { GENERIC_API_KEY: 'k-1', GENERIC_BASE_URL: 'https://generic.test', GENERIC_ORGANIZATION_ID: 'org_1' };
      const result = await runWith(['campaigns', 'list', '--all'], { cwd, env });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe('voiceplane: none of the configured platforms (generic) offers campaigns list.');
    });
  });
});

describe('--help names the commands and flags of many platforms', () => {
  it.each([[['--help']], [['numbers', '--help']], [['numbers', 'list', '--help']], [['numbers', 'find', '--help']]])('%j', (args) => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(args, { cwd });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('--all');
      expect(result.stdout).toContain('--config <file>');
      expect(result.stdout).toContain('voiceplane.config.json');
      expect(result.stdout).toContain('GENERIC_API_KEY (with GENERIC_BASE_URL and GENERIC_ORGANIZATION_ID)');
      if (args.length < 3) expect(result.stdout).toContain('voiceplane numbers find <number> [--default-country <cc>]');
      if (args.includes('find')) expect(result.stdout).toContain('--default-country <cc> the country of a national spelling');
    });
  });
});
