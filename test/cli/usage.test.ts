import { describe, expect, it } from 'vitest';
import { providers as registry } from '../../src/providers/registry.js';
import { run } from '../../src/cli/run.js';
import { fakeIo } from './fake-io.js';
import { childProcessTimeout, runCli, type CliResult } from './run-cli.js';

/** The same command in-process: the cases the child-process runs do not need, at a fraction of the time. */
async function runInProcess(args: string[]): Promise<CliResult> {
  const { io, output } = fakeIo();
  const code = await run(args, io);
  return { code, ...output };
}

const providers = Object.keys(registry).join(', ');

describe.concurrent('voiceplane exit code 2: a mistake on the command line', { timeout: childProcessTimeout }, () => {
  // `child`: run as a child process too, through the real entry point and its exit code.
  const cases: Array<{ name: string; args: string[]; says: string; usage: string; child?: boolean; then?: RegExp }> = [
    { name: 'no command', args: [], says: 'no command given.', usage: "Run 'voiceplane --help'" },
    { name: 'an unknown command', args: ['phones', 'list'], says: 'unknown command "phones"; commands: numbers, campaigns, calls, agents, config, completion.', usage: "Run 'voiceplane --help'", child: true },
    {
      name: 'an unknown subcommand',
      args: ['campaigns', 'delete', 'c1'],
      says: 'unknown subcommand "campaigns delete"; subcommands: list, get, create, pause, resume, cancel, retry.',
      usage: "Run 'voiceplane campaigns --help'",
    },
    { name: 'an unknown flag', args: ['numbers', 'list', '-p', 'vox', '--colour'], says: 'unknown flag --colour.', usage: "Run 'voiceplane numbers list --help'", child: true },
    {
      name: 'a flag of another subcommand',
      args: ['numbers', 'get', 'n1', '-p', 'vox', '--limit', '3'],
      says: 'numbers get does not take --limit.',
      usage: "Run 'voiceplane numbers get --help'",
    },
    { name: 'an unknown provider', args: ['numbers', 'list', '-p', 'twilio', '--sandbox'], says: `unknown provider "twilio"; providers: ${providers}.`, usage: 'Usage: voiceplane numbers list', child: true },
    { name: 'no provider', args: ['numbers', 'list', '--sandbox'], says: `--provider is required: ${providers}; or --all for every configured platform.`, usage: 'Usage: voiceplane numbers list' },
    {
      name: 'a bad format',
      args: ['numbers', 'list', '-p', 'vox', '--sandbox', '--format', 'xml'],
      says: 'unknown format "xml"; formats: table, json, ndjson, csv.',
      usage: 'Usage: voiceplane numbers list',
      child: true,
    },
    {
      name: 'a bad status',
      args: ['campaigns', 'list', '-p', 'vogent', '--sandbox', '--status', 'running,done'],
      says: 'unknown status "done"; accepted: draft, scheduled, pending, running, paused, completed, failed, canceled.',
      usage: 'Usage: voiceplane campaigns list',
    },
    {
      name: 'a bad limit',
      args: ['numbers', 'list', '-p', 'vox', '--sandbox', '--limit', 'ten'],
      says: '--limit must be a whole number of 1 or more (got "ten").',
      usage: 'Usage: voiceplane numbers list',
    },
    {
      name: 'an operation the provider lacks',
      args: ['numbers', 'create', '--provider', 'vox', '--sandbox', '--number', '+14155550123', '--agent-id', 'a1'],
      says: 'vox does not offer numbers create; vox offers: numbers list, numbers get, numbers update, campaigns list, campaigns get, campaigns create, campaigns pause, campaigns resume, campaigns cancel',
      // Then the calls and agents subcommands vox offers, where its provider offers them.
      then: /^(, (calls|agents) [a-z]+)*\.$/,
      usage: 'Usage: voiceplane numbers create',
      child: true,
    },
    {
      name: 'no API key',
      args: ['numbers', 'list', '-p', 'vox'],
      says: 'no API key for vox: pass --api-key or set VOX_API_KEY (or try --sandbox).',
      usage: 'Usage: voiceplane numbers list',
    },
    {
      name: 'a missing create flag',
      args: ['numbers', 'create', '-p', 'numbers-assignment', '--sandbox', '--number', '+14155550123'],
      says: 'numbers create needs --agent-id.',
      usage: 'Usage: voiceplane numbers create',
    },
    {
      name: 'both --agent-id and --unlink-agent',
      args: ['numbers', 'update', 'n1', '-p', 'numbers-assignment', '--sandbox', '--agent-id', 'a', '--unlink-agent'],
      says: '--agent-id and --unlink-agent exclude each other: give one.',
      usage: 'Usage: voiceplane numbers update',
    },
  ];

  for (const { name, args, says, usage, child, then } of cases) {
    it(`${name}: names the mistake and the accepted values, prints the usage, writes no data${child ? ' (child process)' : ''}`, async () => {
      const result = child ? await runCli(args) : await runInProcess(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const [first, ...rest] = result.stderr.trimEnd().split('\n');
      if (then === undefined) expect(first).toBe(`voiceplane: ${says}`);
      else {
        expect(first!.startsWith(`voiceplane: ${says}`)).toBe(true);
        expect(first!.slice(`voiceplane: ${says}`.length)).toMatch(then);
      }
      expect(rest.join('\n')).toContain(usage);
    });
  }
});

describe('voiceplane exit code 2: input the SDK refuses before any request (child process)', { timeout: childProcessTimeout }, () => {
  it('a status filter the platform cannot apply: the SDK error on one line, then the usage', async () => {
    const result = await runCli(['campaigns', 'list', '-p', 'vogent', '--sandbox', '--status', 'failed']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const [first, ...rest] = result.stderr.trimEnd().split('\n');
    expect(first).toBe(
      'voiceplane: InvalidRequestError: vogent: campaigns.list: Vogent has no batch dial job status for "failed"; ' +
        'filter by one of draft, running, paused, completed, canceled.',
    );
    expect(rest.join('\n')).toContain("Run 'voiceplane campaigns list --help' for details.");
  });
});

describe.concurrent('voiceplane --help', { timeout: childProcessTimeout }, () => {
  // `child`: run as a child process too; the rest in-process.
  const helps: Array<{ args: string[]; shows: string; child?: boolean }> = [
    { args: ['--help'], shows: 'voiceplane numbers list (--provider <id> | --all)', child: true },
    { args: ['-h'], shows: 'Exit codes: 0 success, 1 API or connection error, 2 usage error, 130 interrupted (Ctrl-C).' },
    { args: ['numbers', '--help'], shows: 'voiceplane numbers delete <id> --provider <id>' },
    { args: ['campaigns', '-h'], shows: 'voiceplane campaigns get <id> --provider <id>' },
    { args: ['numbers', 'list', '--help'], shows: '--limit <n>', child: true },
    { args: ['numbers', 'get', '--help'], shows: 'Usage: voiceplane numbers get <id>' },
    { args: ['numbers', 'create', '--help'], shows: '--number <number>' },
    { args: ['numbers', 'update', '-h'], shows: '--unlink-agent' },
    { args: ['numbers', 'delete', '--help'], shows: 'Usage: voiceplane numbers delete <id>' },
    { args: ['campaigns', 'list', '--help'], shows: 'draft, scheduled, pending, running, paused, completed, failed, canceled' },
    { args: ['campaigns', 'get', '--help'], shows: 'Usage: voiceplane campaigns get <id>' },
  ];
  for (const { args, shows, child } of helps) {
    it(`${args.join(' ')} prints help to stdout and exits 0${child ? ' (child process)' : ''}`, async () => {
      const result = child ? await runCli(args) : await runInProcess(args);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(shows);
      expect(result.stdout).toContain(`--provider <id>        the platform: ${providers}`);
    });
  }
});
