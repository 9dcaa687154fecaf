import { describe, expect, it } from 'vitest';
import { PromptInterruptedError } from '../../src/cli/confirm-write.js';
import { runStopHandlers } from '../../src/cli/interrupt.js';
import { run } from '../../src/cli/run.js';
import { operationNames, operationRow } from '../../src/core/contract/resource-table.js';
import { callStatuses } from '../../src/core/contract/statuses.js';
import type { OperationName } from '../../src/index.js';
import { agentOf, callOf, fakeClient, runOn } from './call-client.js';
import { fakeIo } from './fake-io.js';
import { ndjsonLines } from './run-cli.js';

// calls list/get/create, agents list/get and campaigns retry against a client that offers them:
// what each command asks the client for, what it prints, and the write rule for calls create.

const callsAndAgents: OperationName[] = ['calls.list', 'calls.get', 'calls.create', 'agents.list', 'agents.get'];

/** A fake terminal whose person answers `answer` (or presses Ctrl-C), recording the questions. */
function terminal(answer: boolean | 'ctrl-c') {
  const questions: string[] = [];
  const fake = fakeIo({ stderrIsTTY: true });
  const confirm = async (question: string) => {
    questions.push(question);
    if (answer === 'ctrl-c') throw new PromptInterruptedError();
    return answer;
  };
  Object.assign(fake.io, { stdinIsTTY: true, confirm });
  return { ...fake, questions };
}

describe('calls list', () => {
  it('sends every filter to the client as the SDK names it, and writes each call', async () => {
    const calls = [callOf(), callOf({ id: 'call_2', status: { unified: 'not_connected', raw: 'ended' }, endReason: { unified: 'no_answer', raw: 'customer-did-not-answer' } })];
    const { client, recorded } = fakeClient('vapi', callsAndAgents, { calls });
    const { io, output } = fakeIo();
    const args = ['calls', 'list', '-p', 'vapi', '--campaign', 'cmp_1', '--status', 'completed,not_connected', '--since', '2026-03-01'];
    expect(await runOn(client, [...args, '--until', '2026-03-02T00:00:00+09:00', '--agent', 'agent_1', '--limit', '5'], io)).toBe(0);
    expect(recorded).toEqual([
      {
        operation: 'calls.list',
        args: [
          {
            campaignId: 'cmp_1',
            agentId: 'agent_1',
            startedAfter: new Date('2026-03-01T00:00:00Z'),
            startedBefore: new Date('2026-03-01T15:00:00Z'),
            status: ['completed', 'not_connected'],
            limit: 5,
          },
        ],
      },
    ]);
    expect(ndjsonLines(output.stdout).map((call) => [call.id, (call.endReason as { unified: string }).unified])).toEqual([
      ['call_1', 'customer_hangup'],
      ['call_2', 'no_answer'],
    ]);
    expect(output.stderr).toBe('');
  });

  it('a table on a terminal: status and end reason with the platform word, duration and cost read by a person', async () => {
    const { client } = fakeClient('vapi', callsAndAgents, { calls: [callOf()] });
    const { io, output } = fakeIo({ stdoutIsTTY: true });
    expect(await runOn(client, ['calls', 'list', '-p', 'vapi', '--wide'], io)).toBe(0);
    const [header, row] = output.stdout.trimEnd().split('\n');
    expect(header!.split(/ {2,}/)).toEqual(['PROVIDER', 'ID', 'STATUS', 'END REASON', 'TO', 'AGENT', 'DURATION', 'COST', 'STARTED']);
    expect(row!.split(/ {2,}/)).toEqual([
      'vapi',
      'call_1',
      'completed (ended)',
      'customer_hangup (customer-ended-call)',
      '+14155550123',
      'agent_1',
      '1m 23s',
      '0.42 USD',
      '2026-03-01 09:00',
    ]);
  });

  it('csv: the mapped fields named as in the JSON, cost split into amount, currency and unit', async () => {
    const { client } = fakeClient('bland', callsAndAgents, { calls: [callOf({ provider: 'bland', cost: { amount: 12, currency: null, unit: 'credits' } })] });
    const { io, output } = fakeIo();
    expect(await runOn(client, ['calls', 'list', '-p', 'bland', '-f', 'csv'], io)).toBe(0);
    const [header, row] = output.stdout.trimEnd().split('\n');
    const cells = Object.fromEntries(header!.split(',').map((name, index) => [name, row!.split(',')[index]]));
    expect(cells).toMatchObject({ provider: 'bland', status: 'completed', statusRaw: 'ended', endReason: 'customer_hangup', durationSeconds: '83', costAmount: '12', costCurrency: '', costUnit: 'credits' });
  });

  it.each([
    [['--since', 'yesterday'], '--since takes a date such as 2026-03-01 (midnight UTC) or an ISO 8601 time with its offset such as 2026-03-01T09:00:00+09:00 (got "yesterday").'],
    [['--since', '2026-03-01T09:00:00'], '--since takes a date such as 2026-03-01 (midnight UTC) or an ISO 8601 time with its offset such as 2026-03-01T09:00:00+09:00 (got "2026-03-01T09:00:00").'],
    [['--since', '2026-03-02', '--until', '2026-03-01'], '--since (2026-03-02T00:00:00.000Z) is later than --until (2026-03-01T00:00:00.000Z): no call can match.'],
    [['--status', 'ended'], 'unknown status "ended"; accepted: scheduled, queued, ringing, in_progress, completed, not_connected, failed, canceled.'],
    [['--campaign', ''], '--campaign needs a value.'],
  ])('%j is refused with exit 2 before any request', async (flags, says) => {
    const { client, recorded } = fakeClient('vapi', callsAndAgents);
    const { io, output } = fakeIo();
    expect(await runOn(client, ['calls', 'list', '-p', 'vapi', ...flags], io)).toBe(2);
    expect(output.stderr.split('\n')[0]).toBe(`voiceplane: ${says}`);
    expect(output.stderr).toContain("Run 'voiceplane calls list --help' for details.");
    expect(recorded).toEqual([]);
  });

  it('a platform that lists no calls: exit 2 naming what it does offer, nothing asked of it', async () => {
    const { client, recorded } = fakeClient('generic', ['agents.list']);
    const { io, output } = fakeIo();
    expect(await runOn(client, ['calls', 'list', '-p', 'generic'], io)).toBe(2);
    expect(output.stderr.split('\n')[0]).toBe('voiceplane: generic does not offer calls list; generic offers: agents list.');
    expect(recorded).toEqual([]);
  });
});

describe('calls get: a transcript view', () => {
  it('header lines (status, end reason, duration, cost), then each turn with its time', async () => {
    const { client, recorded } = fakeClient('vapi', callsAndAgents, { calls: [callOf()] });
    const { io, output } = fakeIo({ stdoutIsTTY: true });
    expect(await runOn(client, ['calls', 'get', 'call_1', '-p', 'vapi'], io)).toBe(0);
    expect(recorded).toEqual([{ operation: 'calls.get', args: ['call_1'] }]);
    expect(output.stdout).toBe(
      [
        'call:       call_1 on vapi',
        'status:     completed (ended)',
        'end reason: customer_hangup (customer-ended-call)',
        'direction:  outbound',
        'from:       +14155550100',
        'to:         +14155550123',
        'agent:      agent_1',
        'campaign:   cmp_1',
        'started:    2026-03-01 09:00:05 UTC',
        'ended:      2026-03-01 09:01:28 UTC',
        'duration:   1m 23s (83 s)',
        'cost:       0.42 USD',
        '',
        '[0:00] agent: Hello, this is the clinic.',
        '[0:07] customer: Hi, I need to move my appointment.',
        'other: hold music',
        '',
      ].join('\n'),
    );
  });

  it("a platform's text never drives the terminal: escapes and bidi overrides in a turn or a field are shown as a space", async () => {
    const hostile = callOf({ summary: 'ok\u001b]0;owned\u0007', transcript: [{ role: 'customer', text: 'pay \u202eto 0987\u001b[2J now', startSeconds: 3, endSeconds: 4 }] });
    const { client } = fakeClient('vapi', callsAndAgents, { calls: [hostile] });
    const { io, output } = fakeIo({ stdoutIsTTY: true });
    expect(await runOn(client, ['calls', 'get', 'call_1', '-p', 'vapi'], io)).toBe(0);
    expect(output.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(output.stdout).toContain('[0:03] customer: pay  to 0987 [2J now');
    expect(output.stdout).toContain('summary:    ok ]0;owned');
  });

  it('a call whose answer holds no transcript says so', async () => {
    const { client } = fakeClient('vapi', callsAndAgents, { calls: [callOf({ transcript: null, endReason: null, status: { unified: 'in_progress', raw: 'in-progress' } })] });
    const { io, output } = fakeIo({ stdoutIsTTY: true });
    expect(await runOn(client, ['calls', 'get', 'call_1', '-p', 'vapi'], io)).toBe(0);
    expect(output.stdout).not.toContain('end reason:');
    expect(output.stdout.trimEnd().split('\n').at(-1)).toBe('(no transcript in this answer)');
  });

  it('json stays the Call: every field, times in ISO 8601, the transcript as turns', async () => {
    const call = callOf();
    const { client } = fakeClient('vapi', callsAndAgents, { calls: [call] });
    const { io, output } = fakeIo();
    expect(await runOn(client, ['calls', 'get', 'call_1', '-p', 'vapi', '-f', 'json'], io)).toBe(0);
    expect(JSON.parse(output.stdout)).toEqual(JSON.parse(JSON.stringify(call)));
  });
});

describe('calls create: guarded like every write', () => {
  const args = ['calls', 'create', '-p', 'vapi', '--agent', 'agent_1', '--from', 'pn_1', '--to', '+14155550123', '-f', 'json'];

  it('in a pipe without --yes: a usage error, nothing asked of the platform', async () => {
    const { client, recorded } = fakeClient('vapi', callsAndAgents, { created: async () => callOf() });
    const { io, output } = fakeIo();
    expect(await runOn(client, args, io)).toBe(2);
    expect(output.stderr.split('\n')[0]).toBe('voiceplane: calls create changes the platform: outside a terminal, pass --yes to confirm.');
    expect(recorded).toEqual([]);
  });

  it('with --yes: one create with the agent, the number id and the number called; the call on stdout', async () => {
    const { client, recorded } = fakeClient('vapi', callsAndAgents, { created: async () => callOf({ status: { unified: 'queued', raw: 'queued' }, endReason: null }) });
    const { io, output } = fakeIo();
    expect(await runOn(client, [...args, '--yes'], io)).toBe(0);
    expect(recorded).toEqual([{ operation: 'calls.create', args: [{ agentId: 'agent_1', fromNumberId: 'pn_1', to: '+14155550123' }] }]);
    expect(JSON.parse(output.stdout)).toMatchObject({ id: 'call_1', status: { unified: 'queued' } });
  });

  it('on a terminal: says who calls whom from which number and asks; "no" places no call and exits 1', async () => {
    const { client, recorded } = fakeClient('vapi', callsAndAgents, { created: async () => callOf() });
    const { io, output, questions } = terminal(false);
    expect(await runOn(client, args, io)).toBe(1);
    expect(questions).toEqual(['Place a call on vapi to +14155550123 from number pn_1, with agent agent_1?']);
    expect(output.stderr).toBe('voiceplane: nothing was changed: the write was not confirmed.\n');
    expect(recorded).toEqual([]);
  });

  it('Ctrl-C at the question: exit 130, nothing placed', async () => {
    const { client, recorded } = fakeClient('vapi', callsAndAgents, { created: async () => callOf() });
    const { io } = terminal('ctrl-c');
    expect(await runOn(client, args, io)).toBe(130);
    expect(recorded).toEqual([]);
  });

  it('Ctrl-C while the create waits: says the call may have been placed and how to check', async () => {
    let answer!: (call: ReturnType<typeof callOf>) => void;
    const { client } = fakeClient('vapi', callsAndAgents, { created: () => new Promise((resolve) => (answer = resolve)) });
    const { io, output } = fakeIo();
    const running = runOn(client, [...args, '--yes'], io);
    await new Promise((resolve) => setImmediate(resolve));
    runStopHandlers('interrupt');
    expect(output.stderr).toBe(
      '\nvoiceplane: interrupted while calls create +14155550123 waited for its answer: it may have taken effect all the same. ' +
        'Check with: voiceplane calls list -p vapi --agent agent_1\n',
    );
    answer(callOf());
    expect(await running).toBe(0);
  });

  it.each([
    [['--from', 'pn_1', '--to', '+14155550123'], 'calls create needs --agent.'],
    [['--agent', 'agent_1', '--to', '+14155550123'], 'calls create needs --from.'],
    [['--agent', 'agent_1', '--from', 'pn_1'], 'calls create needs --to.'],
  ])('%j: exit 2 naming the missing flag', async (flags, says) => {
    const { client, recorded } = fakeClient('vapi', callsAndAgents);
    const { io, output } = fakeIo();
    expect(await runOn(client, ['calls', 'create', '-p', 'vapi', ...flags, '--yes'], io)).toBe(2);
    expect(output.stderr.split('\n')[0]).toBe(`voiceplane: ${says}`);
    expect(recorded).toEqual([]);
  });
});

describe('agents list and get', () => {
  it('list: a table of name, model, voice and where the prompt lives', async () => {
    const { client, recorded } = fakeClient('retell', callsAndAgents, { agents: [agentOf(), agentOf({ id: 'agent_2', name: 'Billing', promptRef: null, prompt: 'You are...' })] });
    const { io, output } = fakeIo({ stdoutIsTTY: true });
    expect(await runOn(client, ['agents', 'list', '-p', 'retell', '--wide'], io)).toBe(0);
    expect(recorded).toEqual([{ operation: 'agents.list', args: [{ limit: undefined }] }]);
    const lines = output.stdout.trimEnd().split('\n').map((line) => line.split(/ {2,}/));
    expect(lines).toEqual([
      ['PROVIDER', 'ID', 'NAME', 'MODEL', 'VOICE', 'PROMPT', 'CREATED'],
      ['retell', 'agent_1', 'Front desk', 'gpt-4o', 'voice_9', 'llm llm_5', '2026-01-02 03:04'],
      ['retell', 'agent_2', 'Billing', 'gpt-4o', 'voice_9', 'on the agent', '2026-01-02 03:04'],
    ]);
  });

  it('get --with-prompt asks the client to fetch the prompt kept elsewhere', async () => {
    const { client, recorded } = fakeClient('retell', callsAndAgents, { agents: [agentOf({ prompt: 'Greet the caller.' })] });
    const { io, output } = fakeIo();
    expect(await runOn(client, ['agents', 'get', 'agent_1', '-p', 'retell', '--with-prompt', '-f', 'json'], io)).toBe(0);
    expect(recorded).toEqual([{ operation: 'agents.get', args: ['agent_1', { withPrompt: true }] }]);
    expect(JSON.parse(output.stdout)).toMatchObject({ id: 'agent_1', prompt: 'Greet the caller.', promptRef: { kind: 'llm', id: 'llm_5' } });
  });

  it('get without --with-prompt: one read, no prompt fetched', async () => {
    const { client, recorded } = fakeClient('retell', callsAndAgents, { agents: [agentOf()] });
    const { io } = fakeIo();
    expect(await runOn(client, ['agents', 'get', 'agent_1', '-p', 'retell'], io)).toBe(0);
    expect(recorded).toEqual([{ operation: 'agents.get', args: ['agent_1', undefined] }]);
  });
});

describe('campaigns retry, where the platform offers it', () => {
  const campaign = {
    provider: 'elevenlabs',
    id: 'btc_1',
    name: 'Spring \u001b]0;x\u0007renewals',
    status: { unified: 'failed', raw: 'failed' },
  };

  it('on a terminal: looks the campaign up, asks naming it and what a retry does, then retries once', async () => {
    const { client, recorded } = fakeClient('elevenlabs', ['campaigns.get', 'campaigns.retry'], { campaign: campaign as never });
    const { io, output, questions } = terminal(true);
    expect(await runOn(client, ['campaigns', 'retry', 'btc_1', '-p', 'elevenlabs'], io)).toBe(0);
    expect(questions).toEqual(['Retry campaign "Spring  ]0;x renewals" (id btc_1, failed) on elevenlabs: call again the recipients it did not reach?']);
    expect(recorded.map((entry) => entry.operation)).toEqual(['campaigns.get', 'campaigns.retry']);
    expect(output.stderr).toBe('Retried campaign btc_1 on elevenlabs.\n');
  });

  it('a platform without it: exit 2 before any request', async () => {
    const { client, recorded } = fakeClient('vox', ['campaigns.get']);
    const { io, output } = fakeIo();
    expect(await runOn(client, ['campaigns', 'retry', 'c1', '-p', 'vox', '--yes'], io)).toBe(2);
    expect(output.stderr.split('\n')[0]).toBe('voiceplane: vox does not offer campaigns retry; vox offers: campaigns get.');
    expect(recorded).toEqual([]);
  });
});

describe('help follows from the resource table', () => {
  const help = async (args: string[]) => {
    const { io, output } = fakeIo();
    expect(await run(args, io)).toBe(0);
    return output.stdout;
  };

  it('every read and every action on one id of the table is a subcommand, with its summary in its command\'s help', async () => {
    const main = await help(['--help']);
    for (const operation of operationNames) {
      const row = operationRow(operation);
      if (row.kind === 'listBy' || row.kind === 'create' || row.kind === 'update') continue;
      const [resource, action] = operation.split('.') as [string, string];
      const word = resource === 'phoneNumbers' ? 'numbers' : resource;
      expect(main).toContain(`voiceplane ${word} ${action} `);
      if (row.kind === 'byId' && action !== 'get') expect(await help([word, '--help'])).toContain(row.summary);
    }
  });

  it('calls list --help: the call statuses of the table and the filters of its row, with --all', async () => {
    const text = await help(['calls', 'list', '--help']);
    expect(text).toContain('Usage: voiceplane calls list (--provider <id> | --all) [--status <status>] [--agent <id>] [--campaign <id>] [--since <time>] [--until <time>] [--limit <n>] [options]');
    expect(text).toContain(`only these statuses, repeated or comma-separated: ${callStatuses.join(', ')}`);
    expect(text).toContain('--campaign <id>        only those of this campaign (batch)');
  });

  it('calls create and agents get --help: their own flags', async () => {
    expect(await help(['calls', 'create', '--help'])).toContain('--to <number>          the number to call');
    expect(await help(['agents', 'get', '--help'])).toContain('Usage: voiceplane agents get <id> --provider <id> [--with-prompt] [options]');
  });
});
