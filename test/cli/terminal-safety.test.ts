import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { startAssignmentServer, type AssignmentServer } from './assignment-server.js';
import { fakeIo } from './fake-io.js';

// Text from a server never drives the terminal: OSC sequences (title, clipboard), C1 controls, bidi
// overrides and line separators are shown as text there, and stay exact data in a pipe or a file.

const title = '\u001b]0;pwned\u0007';
const clipboard = '\u001b]52;c;cm0gLXJmIH4K\u0007';
const hostileLabel = `Front desk${title}\u202egnp.exe\u2028next\u009b2J${clipboard}`;
/** Every character that must not reach a terminal raw. */
const terminalControls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let server: AssignmentServer;
beforeEach(async () => {
  server = await startAssignmentServer([
    { id: 'num_1', phoneNumber: '+14155550100', friendlyName: hostileLabel, agentId: `agent${title}`, status: 'active' },
  ]);
});
afterEach(() => server.close());

const connection = () => ['-p', 'numbers-assignment', '--base-url', server.url];

async function get(format: string, stdoutIsTTY: boolean) {
  const { io, output } = fakeIo({ stdoutIsTTY, stderrIsTTY: stdoutIsTTY, env: { NUMBERS_ASSIGNMENT_API_KEY: 'assignment-key-123' } });
  expect(await run(['numbers', 'get', 'num_1', ...connection(), '-f', format], io)).toBe(0);
  return output.stdout;
}

describe('text from a server on a terminal (issue 23, item 7)', () => {
  it('numbers route: the Routed line shows no OSC title or clipboard sequence', async () => {
    server.numbers[0]!.id = `num_1${clipboard}`;
    const { io, output } = fakeIo({ env: { NUMBERS_ASSIGNMENT_API_KEY: 'assignment-key-123', NUMBERS_ASSIGNMENT_BASE_URL: server.url }, cwd: '/' });
    const code = await run(['numbers', 'route', '+14155550100', '--agent', 'agent_new', '--yes', '-f', 'json'], io);
    expect(code).toBe(0);
    expect(server.writes()).toEqual([`PUT /numbers/num_1${clipboard}`]);
    expect(output.stderr).toBe('Routed +14155550100 on numbers-assignment (id num_1 ]52;c;cm0gLXJmIH4K ) to agent agent_new.\n');
    expect(output.stderr).not.toMatch(terminalControls);
  });

  it('JSON and NDJSON escape controls, bidi overrides and U+2028, and still parse to the exact text', async () => {
    for (const format of ['json', 'ndjson']) {
      const shown = await get(format, true);
      expect(shown).not.toMatch(terminalControls);
      expect(shown).toContain('\\u202e');
      expect(shown).toContain('\\u2028');
      expect(shown).toContain('\\u009b');
      expect(shown).toContain('\\u001b]0;pwned\\u0007');
      expect((JSON.parse(shown) as { label: string }).label).toBe(hostileLabel);
    }
  });

  it('CSV escapes the same in each cell, keeping the newlines between records', async () => {
    const shown = await get('csv', true);
    expect(shown).not.toMatch(terminalControls);
    const [header, row, end] = shown.split('\n');
    expect(header).toMatch(/^provider,id,number/);
    expect(row).toContain('Front desk\\u001b]0;pwned\\u0007\\u202egnp.exe\\u2028next\\u009b2J\\u001b]52;c;cm0gLXJmIH4K\\u0007');
    expect(end).toBe('');
  });

  it('a table shows none of them either', async () => {
    const shown = await get('table', true);
    expect(shown).not.toMatch(terminalControls);
    expect(shown).toContain('Front desk ]0;pwned');
  });

  it('into a pipe or a file, JSON, NDJSON and CSV stay exact data', async () => {
    for (const format of ['json', 'ndjson']) {
      const written = await get(format, false);
      expect((JSON.parse(written) as { label: string }).label).toBe(hostileLabel);
      // JSON.stringify escapes C0 itself; the rest is the platform's text, byte for byte.
      expect(written).toContain('\u202egnp.exe\u2028next\u009b2J');
    }
    expect(await get('csv', false)).toContain(`,${hostileLabel},`);
  });
});
