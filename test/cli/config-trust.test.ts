import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { providers } from '../../src/providers/registry.js';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runWith, withDirectory } from './hub-fixtures.js';
import { startSilentServer, type SilentServer } from './loopback-server.js';

let server: SilentServer;
beforeAll(async () => {
  server = await startSilentServer();
});
beforeEach(() => {
  server.requests.length = 0;
});
afterAll(() => server.close());

const environmentKey = 'vox-key-from-the-environment-7f3a';
/**
 * A vox listing of every number starts with its first status's page and, concurrently, a one-item
 * count of each of its three other statuses: four requests that a silent server never answers.
 */
const voxFirstRequests = 4;

describe('a found voiceplane.config.json never gets a key of the environment sent to its baseUrl (issue 11)', () => {
  const commands = [
    ['numbers', 'find', '+14155550123'],
    ['numbers', 'list', '--all'],
  ];
  for (const args of commands) {
    it(`${args.slice(0, 2).join(' ')}: refused before any request, naming the file and the ways out`, () => {
      const file = JSON.stringify({ vox: { baseUrl: server.url } });
      return withDirectory({ 'voiceplane.config.json': file }, async (cwd) => {
        const result = await runWith([...args, '--timeout', '500', '--max-retries', '0'], { cwd, env: { VOX_API_KEY: environmentKey } });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        const [first] = result.stderr.split('\n');
        expect(first).toContain('voiceplane.config.json sets vox.baseUrl but was found by searching up from the working directory');
        expect(first).toContain('pass --config voiceplane.config.json');
        expect(first).toContain('put apiKey for vox in the same file');
        expect(result.stderr).not.toContain(environmentKey);
        expect(server.requests).toHaveLength(0);
      });
    });
  }

  it('a file found in a directory above the working directory is refused the same way, named by its path from there', () => {
    return withDirectory({ 'voiceplane.config.json': JSON.stringify({ vox: { baseUrl: server.url } }) }, async (root) => {
      const cwd = join(root, 'clone', 'src');
      await mkdir(cwd, { recursive: true });
      const result = await runWith(['numbers', 'list', '--all'], { cwd, env: { VOX_API_KEY: environmentKey } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`pass --config ${join('..', '..', 'voiceplane.config.json')}`);
      expect(server.requests).toHaveLength(0);
    });
  });

  it('the same file named with --config is trusted: the request goes there, and --timeout ends it', () => {
    return withDirectory({ 'team.json': JSON.stringify({ vox: { baseUrl: server.url } }) }, async (cwd) => {
      const started = performance.now();
      const args = ['numbers', 'list', '--all', '--config', 'team.json', '--timeout', '300', '--max-retries', '0'];
      const result = await runWith(args, { cwd, env: { VOX_API_KEY: environmentKey } });
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result.code).toBe(1);
      expect(server.requests).toHaveLength(voxFirstRequests);
      expect(result.stderr).toMatch(/^voiceplane: vox: APIConnectionTimeoutError: did not answer within 300 ms\. Pass a longer --timeout <ms>/);
      expect(result.stderr).not.toContain('timeoutMs.');
    });
  });

  it('a found file holding the key with the address, for a platform the environment does not configure, is used: the key is the file\'s own', () => {
    const file = JSON.stringify({ timeoutMs: 300, maxRetries: 0, vox: { apiKey: 'key-in-the-file-91c2', baseUrl: server.url } });
    return withDirectory({ 'voiceplane.config.json': file }, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all'], { cwd, env: {} });
      expect(result.code).toBe(1);
      // timeoutMs and maxRetries of the file: one attempt of each first request, ended after 300 ms.
      expect(server.requests).toHaveLength(voxFirstRequests);
      for (const request of server.requests) expect(request.authorization).toContain('key-in-the-file-91c2');
      expect(result.stderr).toContain('did not answer within 300 ms');
    });
  });
});

describe('reading the config file', () => {
  it('a file that starts with a UTF-8 BOM is read', () => {
    const file = `\uFEFF${JSON.stringify({ vox: { apiKey: 'k-with-bom-1234', baseUrl: server.url, maxRetries: 0, timeoutMs: 200 } })}`;
    return withDirectory({ 'voiceplane.config.json': file }, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all'], { cwd });
      expect(result.stderr).not.toContain('not valid JSON');
      expect(server.requests).toHaveLength(voxFirstRequests);
    });
  });

  it('a file holding keys that others can read gets a warning on stderr; a private one does not', () => {
    const file = JSON.stringify({ vox: { apiKey: 'k-private-1234', baseUrl: server.url, maxRetries: 0, timeoutMs: 200 } });
    return withDirectory({ 'voiceplane.config.json': file }, async (cwd) => {
      const quiet = await runWith(['numbers', 'list', '--all'], { cwd });
      expect(quiet.stderr).not.toContain('warning');
      await chmod(join(cwd, 'voiceplane.config.json'), 0o644);
      const warned = await runWith(['numbers', 'list', '--all'], { cwd });
      expect(warned.stderr.split('\n')[0]).toBe(
        'voiceplane: warning: voiceplane.config.json holds API keys and others can read it (mode 644); run: chmod 600 voiceplane.config.json',
      );
      expect(warned.stderr).not.toContain('k-private-1234');
    });
  });

  it('a mistyped platform gets a suggestion', () => {
    return withDirectory({ 'voiceplane.config.json': JSON.stringify({ voks: { apiKey: 'k' } }) }, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all'], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toContain(`unknown platform "voks"; platforms: ${Object.keys(providers).join(', ')}. Did you mean "vox"?`);
    });
  });

  it('a timeoutMs that is not a whole number of milliseconds is refused in the words of --timeout', () => {
    return withDirectory({ 'voiceplane.config.json': JSON.stringify({ timeoutMs: '10s' }) }, async (cwd) => {
      const result = await runWith(['numbers', 'list', '--all'], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(
        'voiceplane: voiceplane.config.json: timeoutMs must be a whole number of milliseconds, 1 or more (as --timeout).',
      );
    });
  });
});

describe('voiceplane config', () => {
  it('prints the path of the file found from a subdirectory, and what it lists, no value', () => {
    return withDirectory({ 'voiceplane.config.json': JSON.stringify({ vox: { apiKey: 'k-shown-never-77' } }) }, async (root) => {
      const cwd = join(root, 'a', 'b');
      await mkdir(cwd, { recursive: true });
      const result = await runWith(['config'], { cwd });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${join(root, 'voiceplane.config.json')}\n`);
      expect(result.stderr).toContain('platforms: vox');
      expect(result.stderr).toContain('found by searching up');
      expect(result.stderr).not.toContain('k-shown-never-77');
    });
  });

  it('with --config: that file, said to be named', () => {
    return withDirectory({ 'team.json': '{}' }, async (cwd) => {
      await writeFile(join(cwd, 'team.json'), JSON.stringify({ vogent: { apiKey: 'k' } }), { mode: 0o600 });
      const result = await runWith(['config', '--config', 'team.json'], { cwd });
      expect(result).toMatchObject({ code: 0, stdout: `${join(cwd, 'team.json')}\n` });
      expect(result.stderr).toContain('named with --config');
    });
  });

  it('no file anywhere up: exit 1 and how to name one', () => {
    return withDirectory({}, async (cwd) => {
      const result = await runWith(['config'], { cwd });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('no voiceplane.config.json in');
    });
  });
});
