import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PromptInterruptedError } from '../../src/cli/confirm-write.js';
import { runStopHandlers } from '../../src/cli/interrupt.js';
import { askOnTerminal } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { startAssignmentServer, type AssignmentServer } from './assignment-server.js';
import { fakeIo } from './fake-io.js';

// One rule for every command that changes something (issue 23, items 6 and 9): on a terminal it
// looks the target up, says what will change and asks; in a pipe it needs --yes; Ctrl-C at the
// question exits 130 with nothing changed; Ctrl-C while the write waits says it may have happened.

let server: AssignmentServer;
beforeEach(async () => {
  server = await startAssignmentServer([{ id: 'num_1', phoneNumber: '+14155550100', friendlyName: 'Front desk', agentId: 'agent_a', status: 'active' }]);
});
afterEach(() => server.close());

const connection = () => ['-p', 'numbers-assignment', '--base-url', server.url, '-f', 'json'];
const environment = () => ({ NUMBERS_ASSIGNMENT_API_KEY: 'assignment-key-123', NUMBERS_ASSIGNMENT_BASE_URL: server.url });
const writes = () => [
  ['numbers', 'create', ...connection(), '--number', '+14155550199', '--agent-id', 'agent_b'],
  ['numbers', 'update', 'num_1', ...connection(), '--agent-id', 'agent_b'],
  ['numbers', 'delete', 'num_1', ...connection()],
  ['numbers', 'route', '+1 415 555 0100', '--agent', 'agent_b', '-f', 'json'],
];

const writeNames = ['numbers create', 'numbers update', 'numbers delete', 'numbers route'];

/** A fake terminal whose person answers `answer` (or presses Ctrl-C), recording the questions. */
function terminal(answer: boolean | 'ctrl-c') {
  const questions: string[] = [];
  const fake = fakeIo({ stderrIsTTY: true, env: environment(), cwd: '/' });
  const confirm = async (question: string) => {
    questions.push(question);
    if (answer === 'ctrl-c') throw new PromptInterruptedError();
    return answer;
  };
  Object.assign(fake.io, { stdinIsTTY: true, confirm });
  return { ...fake, questions };
}

describe('every write asks on a terminal, after looking its target up (item 6)', () => {
  for (const [index, name] of writeNames.entries()) {
    it(`${name} in a pipe without --yes: a usage error, no request at all (not even the lookup)`, async () => {
      const args = writes()[index]!;
      const { io, output } = fakeIo({ env: environment(), cwd: '/' });
      expect(await run(args, io)).toBe(2);
      expect(output.stderr.split('\n')[0]).toBe(`voiceplane: ${args[0]} ${args[1]} changes the platform: outside a terminal, pass --yes to confirm.`);
      expect(server.requests).toEqual([]);
    });
  }

  const questions = [
    'Add phone number +14155550199 on numbers-assignment, linked to agent agent_b?',
    'Change phone number +14155550100 (id num_1, agent agent_a, label "Front desk") on numbers-assignment: agent agent_a -> agent_b?',
    'Remove phone number +14155550100 (id num_1, agent agent_a, label "Front desk") from numbers-assignment, for good?',
    'Route +14155550100 on numbers-assignment (id num_1, now agent agent_a) to agent agent_b?',
  ];
  writeNames.forEach((name, index) => {
    it(`${name} on a terminal: the question names the target as it is now; "no" changes nothing (exit 1)`, async () => {
      const declined = terminal(false);
      expect(await run(writes()[index]!, declined.io)).toBe(1);
      expect(declined.questions).toEqual([questions[index]]);
      expect(declined.output.stderr).toBe('voiceplane: nothing was changed: the write was not confirmed.\n');
      expect(server.writes()).toEqual([]);
    });
  });

  it('"yes" sends the write once; numbers route routes what it showed, without searching again', async () => {
    const agreed = terminal(true);
    expect(await run(writes()[3]!, agreed.io)).toBe(0);
    expect(server.writes()).toEqual(['PUT /numbers/num_1']);
    expect(server.requests.filter((request) => request.method === 'GET')).toHaveLength(1);
    expect(JSON.parse(agreed.output.stdout)).toMatchObject({ id: 'num_1', agentId: 'agent_b' });

    const updated = terminal(true);
    expect(await run(['numbers', 'update', 'num_1', ...connection(), '--unlink-agent', '--label', ''], updated.io)).toBe(0);
    expect(updated.questions).toEqual([
      'Change phone number +14155550100 (id num_1, agent agent_b, label "Front desk") on numbers-assignment: agent agent_b -> none (unlinked), label "Front desk" -> none (cleared)?',
    ]);
  });

  it('a label from the platform with an escape sequence is shown in the question as text', async () => {
    server.numbers[0]!.friendlyName = 'Desk\u001b]0;pwned\u0007';
    const asked = terminal(false);
    await run(writes()[2]!, asked.io);
    expect(asked.questions[0]).toContain('label "Desk ]0;pwned ")');
  });
});

describe('Ctrl-C (item 9)', () => {
  it('at the question: exit 130, nothing changed', async () => {
    const interrupted = terminal('ctrl-c');
    expect(await run(writes()[1]!, interrupted.io)).toBe(130);
    expect(interrupted.output.stderr).toBe('voiceplane: interrupted at the question: nothing was changed.\n');
    expect(server.writes()).toEqual([]);
  });

  it('the terminal question rejects on Ctrl-C, agrees on "yes", and takes the end of input for a no', async () => {
    const ask = (keys: string | null) => {
      const input = new PassThrough();
      const output = new PassThrough();
      const answer = askOnTerminal('Remove?', input, output, true);
      if (keys === null) input.end();
      else input.write(keys);
      return answer;
    };
    await expect(ask('\u0003')).rejects.toBeInstanceOf(PromptInterruptedError);
    await expect(ask('yes\r')).resolves.toBe(true);
    await expect(ask('n\r')).resolves.toBe(false);
    await expect(ask(null)).resolves.toBe(false);
  });

  it('while a write waits for its answer: says it may have taken effect and how to check', async () => {
    server.holdWrites = true;
    const { io, output } = fakeIo({ env: environment() });
    const finished = run(['numbers', 'delete', 'num_1', ...connection(), '--yes', '--timeout', '1500', '--max-retries', '0'], io);
    while (server.writes().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    runStopHandlers('interrupt');
    expect(output.stderr).toBe(
      '\nvoiceplane: interrupted while numbers delete num_1 waited for its answer: it may have taken effect all the same. ' +
        'Check with: voiceplane numbers get num_1 -p numbers-assignment\n',
    );
    await finished;
    expect(server.writes()).toEqual(['DELETE /numbers/num_1']);
  });
});
