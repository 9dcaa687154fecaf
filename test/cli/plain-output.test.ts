import { describe, expect, it } from 'vitest';
import type { PhoneNumber } from '../../src/index.js';
import { numberTableColumns } from '../../src/cli/output/columns.js';
import { renderTable } from '../../src/cli/output/table.js';
import { platformFailureLine } from '../../src/cli/report-error.js';
import { run } from '../../src/cli/run.js';
import { sendJson, startLoopbackServer } from '../helpers/loopback-server.js';
import { fakeIo } from './fake-io.js';

// Terminal control: CSI (colour, cursor), OSC (window title) and a bare bell.
const escapes = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function phoneNumber(index: number): PhoneNumber {
  return {
    provider: 'vox',
    id: `n${index}`,
    number: `+8221234${String(index).padStart(4, '0')}`,
    e164: null,
    status: { unified: 'active', raw: 'active' },
    agentId: null,
    outboundAgentId: null,
    label: null,
    type: null,
    carrier: null,
    inbound: null,
    outbound: null,
    createdAt: null,
    updatedAt: null,
    raw: {},
  };
}

describe('the table', () => {
  it('renders 200,000 rows, its columns as wide as the widest cell', () => {
    const items = Array.from({ length: 200_000 }, (_, index) => phoneNumber(index));
    items[123_456] = { ...phoneNumber(123_456), label: 'the longest label of all' };
    const lines = renderTable(numberTableColumns, items).trimEnd().split('\n');
    expect(lines).toHaveLength(200_001);
    expect(lines[0]).toBe('PROVIDER  ID       NUMBER          E164  STATUS  AGENT  LABEL                     TYPE  CREATED');
    expect(lines[1]).toBe('vox       n0       +82212340000    -     active  -      -                         -     -');
  });
});

describe('an error message from a platform', () => {
  const hostile = 'Invalid\u001b]0;owned\u0007 key\u001b[2J\u009b31m here\r\nnext line';

  it('reaches stderr as one line of plain text when one platform is asked', async () => {
    const server = await startLoopbackServer((_request, response) =>
      sendJson(response, 401, { error: { code: 'unauthorized', message: hostile } }),
    );
    try {
      const { io, output } = fakeIo({ env: { VOX_API_KEY: 'k-1' } });
      expect(await run(['numbers', 'list', '-p', 'vox', '--base-url', server.url], io)).toBe(1);
      expect(output.stderr).toMatch(/^voiceplane: AuthenticationError: vox answered 401[^\n]*\n$/);
      expect(output.stderr).toContain('Invalid ]0;owned  key [2J 31m here next line');
      expect(output.stderr.slice(0, -1)).not.toMatch(escapes);
    } finally {
      await server.close();
    }
  });

  it('reaches stderr as one line of plain text when it is one platform among several', () => {
    const line = platformFailureLine('vox', new Error(hostile), []);
    expect(line).toBe('voiceplane: vox: Error: Invalid ]0;owned  key [2J 31m here next line\n');
  });
});
