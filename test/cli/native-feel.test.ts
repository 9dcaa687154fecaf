import { execFile, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runStopHandlers } from '../../src/cli/interrupt.js';
import { redactKeys } from '../../src/cli/report-error.js';
import { run } from '../../src/cli/run.js';
import { providers } from '../../src/providers/registry.js';
import { startSandbox, type Sandbox } from '../../src/testing/index.js';
import { fakeIo } from './fake-io.js';
import { runWith, sandboxEnvironment, withDirectory } from './hub-fixtures.js';
import { startSilentServer, type SilentServer } from './loopback-server.js';
import { childProcessTimeout, spawnInRoot } from './run-cli.js';

const eraseLine = '\r\u001b[2K';
let sandbox: Sandbox;
let silent: SilentServer;
beforeAll(async () => {
  sandbox = await startSandbox();
  silent = await startSilentServer();
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
  await sandbox.close();
  await silent.close();
});

describe('--version', () => {
  it.each([['--version'], ['-V']])('%s prints the version of package.json', async (flag) => {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const { io, output } = fakeIo();
    expect(await run([flag], io)).toBe(0);
    expect(output).toEqual({ stdout: `${manifest.version}\n`, stderr: '' });
  });
});

describe('did you mean', () => {
  it.each([
    [['numbers', 'list', '--limt', '3'], 'unknown flag --limt. Did you mean "--limit"?'],
    [['numbrs', 'list'], 'unknown command "numbrs"; commands: numbers, campaigns, calls, agents, config, completion. Did you mean "numbers"?'],
    [['numbers', 'lst'], 'unknown subcommand "numbers lst"; subcommands: list, get, create, update, delete, find, route. Did you mean "list"?'],
    [['numbers', 'list', '-p', 'vogant'], `unknown provider "vogant"; providers: ${Object.keys(providers).join(', ')}. Did you mean "vogent"?`],
    [['numbers', 'list', '-p', 'vox', '-f', 'jsn'], 'unknown format "jsn"; formats: table, json, ndjson, csv. Did you mean "json"?'],
  ])('%j', async (args, says) => {
    const { io, output } = fakeIo();
    expect(await run(args, io)).toBe(2);
    expect(output.stderr.split('\n')[0]).toBe(`voiceplane: ${says}`);
  });

  it('nothing close: no suggestion', async () => {
    const { io, output } = fakeIo();
    expect(await run(['numbers', 'list', '--zzzzzz'], io)).toBe(2);
    expect(output.stderr.split('\n')[0]).toBe('voiceplane: unknown flag --zzzzzz.');
  });
});

describe('completion', () => {
  it.each([['bash'], ['zsh']] as const)('%s: names the commands, flags and providers', async (shell) => {
    const { io, output } = fakeIo();
    expect(await run(['completion', shell], io)).toBe(0);
    for (const word of ['numbers', 'campaigns', 'config', 'find', '--timeout', '--max-retries', '--wide', '--bom', 'numbers-assignment', 'ndjson']) {
      expect(output.stdout).toContain(word);
    }
  });

  it('bash accepts the bash script (bash -n), and sourcing it registers the completion', async () => {
    const { io, output } = fakeIo();
    await run(['completion', 'bash'], io);
    await withDirectory({ 'voiceplane.bash': output.stdout }, async (directory) => {
      const script = join(directory, 'voiceplane.bash');
      await promisify(execFile)('bash', ['-n', script]);
      const { stdout } = await promisify(execFile)('bash', ['-c', `source ${script} && complete -p voiceplane`]);
      expect(stdout).toContain('_voiceplane');
    });
  });

  it('an unknown shell: exit 2', async () => {
    const { io, output } = fakeIo();
    expect(await run(['completion', 'fish'], io)).toBe(2);
    expect(output.stderr).toContain('completion needs a shell: bash or zsh (got "fish").');
  });
});

describe('keys in messages', () => {
  it('a short key is no credential and leaves ordinary words alone; a real one is redacted as a whole token', () => {
    expect(redactKeys('the platform failed', ['a'])).toBe('the platform failed');
    const key = 'sk_live_4f9a8b7c6d';
    expect(redactKeys(`Bearer ${key} was refused; ${key}.`, [key])).toBe('Bearer [redacted] was refused; [redacted].');
  });

  it('a command run with --api-key a prints its error words whole', async () => {
    const { io, output } = fakeIo({ env: { VOX_API_KEY: 'a' } });
    const options = sandbox.clientOptions('vox');
    expect(await run(['numbers', 'get', 'missing-id', '-p', 'vox', '--base-url', options.baseUrl], io)).toBe(1);
    expect(output.stderr).not.toContain('[redacted]');
    expect(output.stderr).toContain('Check the API key');
  });
});

describe('the progress line', () => {
  const listArgs = () => ['numbers', 'list', '--all', '--limit', '400'];

  it('--all on a terminal: items counted on stderr, erased at the end; stdout holds data only', () => {
    return withDirectory({}, async (cwd) => {
      const { io, output } = fakeIo({ stderrIsTTY: true, env: sandboxEnvironment(sandbox), cwd });
      expect(await run(listArgs(), io)).toBe(0);
      expect(output.stderr).toMatch(new RegExp(`phone numbers: \\d+ items from ${Object.keys(providers).length} platforms, \\d+ items/s\r`));
      expect(output.stderr.endsWith(eraseLine)).toBe(true);
      expect(output.stdout).not.toContain('\u001b');
      expect(output.stdout).not.toContain('items/s');
    });
  });

  it.each([
    ['TERM=dumb', { TERM: 'dumb' }, []],
    ['--quiet', {}, ['--quiet']],
  ])('%s: no progress line', (_name, extra, flags) => {
    return withDirectory({}, async (cwd) => {
      const { io, output } = fakeIo({ stderrIsTTY: true, env: { ...sandboxEnvironment(sandbox), ...extra }, cwd });
      expect(await run([...listArgs(), ...flags], io)).toBe(0);
      expect(output.stderr).toBe('');
    });
  });

  it('numbers find: says what it searches while waiting, and the line is erased when the process is stopped', () => {
    return withDirectory({}, async (cwd) => {
      const env = { VOX_API_KEY: 'k-silent-1234', VOX_BASE_URL: silent.url };
      const { io, output } = fakeIo({ stderrIsTTY: true, env, cwd });
      const running = run(['numbers', 'find', '+14155550123', '--timeout', '400', '--max-retries', '0'], io);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(output.stderr).toBe(`${eraseLine}phone numbers: searching vox for +14155550123\r`);
      runStopHandlers('interrupt');
      expect(output.stderr.endsWith(eraseLine)).toBe(true);
      expect(await running).toBe(1);
    });
  });
});

describe('Ctrl-C in a terminal (through a pseudo-terminal)', () => {
  it(
    'erases the progress line and exits 130',
    async () => {
      const command = `${process.execPath} --import tsx src/cli/index.ts numbers find +14155550123`;
      const child = spawn('script', ['-qfec', command, '/dev/null'], {
        cwd: new URL('../..', import.meta.url).pathname,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'xterm', VOX_API_KEY: 'k-silent-1234', VOX_BASE_URL: silent.url },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let screen = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (screen += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      const deadline = Date.now() + 30_000;
      while (!screen.includes('searching vox') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(screen).toContain('phone numbers: searching vox for +14155550123');
      // ^C typed at the terminal: the line discipline sends SIGINT to the command.
      child.stdin.write('\u0003');
      expect(await exited).toBe(130);
      expect(screen.slice(screen.lastIndexOf('searching vox'))).toContain(eraseLine);
    },
    childProcessTimeout,
  );
});

describe('piped to head', () => {
  it(
    'ends quietly (exit 0, nothing on stderr) when the reader closes the pipe',
    async () => {
      const options = sandbox.clientOptions('vox');
      const command =
        `set -o pipefail; "${process.execPath}" --import tsx src/cli/index.ts numbers list -p vox ` +
        `--base-url ${options.baseUrl} -f ndjson | head -1`;
      const result = await spawnInRoot('bash', ['-c', command], { VOX_API_KEY: options.apiKey });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
      expect(JSON.parse(result.stdout)).toMatchObject({ provider: 'vox' });
    },
    childProcessTimeout,
  );
});
