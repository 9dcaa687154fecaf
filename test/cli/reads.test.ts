import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client, type PhoneNumber, type ProviderId } from '../../src/index.js';
import { startSandbox, type Sandbox } from '../../src/testing/index.js';
import { childProcessTimeout, ndjsonLines, runCli } from './run-cli.js';

// The child's --sandbox starts from the same seed as this one, so the SDK here says what the command line must print.
let sandbox: Sandbox;
const clientFor = (provider: ProviderId): Client => createClient(sandbox.clientOptions(provider));

async function everyNumber(provider: ProviderId, status?: string[]): Promise<PhoneNumber[]> {
  const numbers: PhoneNumber[] = [];
  for await (const number of clientFor(provider).phoneNumbers.list!(status ? ({ status } as never) : undefined)) numbers.push(number);
  return numbers;
}

/** What JSON.stringify makes of a value: dates become ISO strings. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

const allVoxStatuses = ['active', 'pending', 'canceling', 'inactive'];

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe.concurrent('voiceplane reads against --sandbox (child process)', { timeout: childProcessTimeout }, () => {
  it('writes ndjson by default when stdout is not a terminal: every number, page after page, stderr silent', async () => {
    const result = await runCli(['numbers', 'list', '--provider', 'numbers-assignment', '--sandbox']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const expected = await everyNumber('numbers-assignment');
    expect(expected.length).toBe(140);
    expect(ndjsonLines(result.stdout)).toEqual(asJson(expected));
  });

  it('--format json writes one array of the mapped numbers, raw included', async () => {
    const result = await runCli(['numbers', 'list', '-p', 'vogent', '--sandbox', '--format', 'json', '--limit', '12']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const expected = (await everyNumber('vogent')).slice(0, 12);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(printed).toEqual(asJson(expected));
    expect(printed[0]!.raw).toEqual(expected[0]!.raw);
    expect(result.stdout.startsWith('[\n  {')).toBe(true);
  });

  it('--format table writes aligned columns: provider, id, number, e164, status, agent, label, type, created', async () => {
    const result = await runCli(['numbers', 'list', '-p', 'numbers-assignment', '--sandbox', '--format', 'table', '--limit', '5']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    const headers = ['PROVIDER', 'ID', 'NUMBER', 'E164', 'STATUS', 'AGENT', 'LABEL', 'TYPE', 'CREATED'];
    expect(lines[0]!.split(/ {2,}/)).toEqual(headers);
    const expected = (await everyNumber('numbers-assignment')).slice(0, 5);
    const numberColumn = lines[0]!.indexOf('NUMBER');
    const e164Column = lines[0]!.indexOf('E164');
    const createdColumn = lines[0]!.indexOf('CREATED');
    expected.forEach((number, index) => {
      const line = lines[index + 1]!;
      expect(line.startsWith(`numbers-assignment  ${number.id}`)).toBe(true);
      expect(line.slice(numberColumn).startsWith(number.number)).toBe(true);
      expect(number.e164).toMatch(/^\+\d+$/);
      expect(line.slice(e164Column).startsWith(`${number.e164}  `)).toBe(true);
      expect(line.slice(createdColumn)).toBe(number.createdAt!.toISOString().slice(0, 16).replace('T', ' '));
      expect(line).toContain(number.agentId ?? '-');
      expect(line).toContain(number.label ?? '-');
    });
  });

  it('--format csv writes a header and one row per number with every mapped field', async () => {
    const result = await runCli(['numbers', 'list', '-p', 'numbers-assignment', '--sandbox', '--format', 'csv', '--limit', '3']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toBe(
      'provider,id,number,e164,status,statusRaw,agentId,outboundAgentId,label,type,carrier,inbound,outbound,createdAt,updatedAt',
    );
    const expected = (await everyNumber('numbers-assignment')).slice(0, 3);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.split(',').slice(0, 7)).toEqual([
      'numbers-assignment',
      expected[0]!.id,
      expected[0]!.number,
      expected[0]!.e164 ?? '',
      expected[0]!.status.unified,
      expected[0]!.status.raw ?? '',
      expected[0]!.agentId ?? '',
    ]);
    expect(rows[0]!.endsWith(`,${expected[0]!.createdAt!.toISOString()},${expected[0]!.updatedAt!.toISOString()}`)).toBe(true);
  });

  it('--limit stops at N items, across pages when N is larger than a page', async () => {
    const result = await runCli(['numbers', 'list', '-p', 'vox', '--sandbox', '--status', allVoxStatuses.join(','), '--limit', '130']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const expected = (await everyNumber('vox', allVoxStatuses)).slice(0, 130);
    expect(ndjsonLines(result.stdout)).toEqual(asJson(expected));
  });

  it('--status filters on unified values, comma-separated or repeated alike', async () => {
    const inactive = await runCli(['numbers', 'list', '-p', 'numbers-assignment', '--sandbox', '--status', 'inactive']);
    expect(inactive.code).toBe(0);
    const lines = ndjsonLines(inactive.stdout);
    expect(lines).toHaveLength(40);
    expect(lines.every((line) => (line.status as { unified: string }).unified === 'inactive')).toBe(true);

    const expected = await everyNumber('vox', ['pending', 'canceling']);
    expect(expected.length).toBeGreaterThan(0);
    const comma = await runCli(['numbers', 'list', '-p', 'vox', '--sandbox', '--status', 'pending,canceling']);
    const repeated = await runCli(['numbers', 'list', '-p', 'vox', '--sandbox', '--status', 'pending', '--status', 'canceling']);
    expect(ndjsonLines(comma.stdout)).toEqual(asJson(expected));
    expect(ndjsonLines(repeated.stdout)).toEqual(asJson(expected));
  });

  it('numbers get writes one number: a JSON object, or one ndjson line', async () => {
    const [first] = await everyNumber('vox');
    const json = await runCli(['numbers', 'get', first!.id, '-p', 'vox', '--sandbox', '--format', 'json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toEqual(asJson(first));
    const ndjson = await runCli(['numbers', 'get', first!.id, '-p', 'vox', '--sandbox']);
    expect(ndjsonLines(ndjson.stdout)).toEqual([asJson(first)]);
  });

  it('campaigns list and get write mapped campaigns', async () => {
    const campaigns = (await clientFor('vogent').campaigns.list!({ limit: 3 })).items;
    const list = await runCli(['campaigns', 'list', '-p', 'vogent', '--sandbox', '--limit', '3']);
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(ndjsonLines(list.stdout)).toEqual(asJson(campaigns));

    const campaign = await clientFor('vogent').campaigns.get!(campaigns[0]!.id);
    const table = await runCli(['campaigns', 'get', campaign.id, '-p', 'vogent', '--sandbox', '--format', 'table']);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    const [header, row, ...rest] = table.stdout.trimEnd().split('\n');
    expect(header!.split(/ {2,}/)).toEqual(['PROVIDER', 'ID', 'NAME', 'STATUS', 'AGENT', 'FROM', 'CALLS', 'CREATED']);
    expect(rest).toEqual([]);
    expect(row).toContain(`vogent    ${campaign.id}  ${campaign.name}`);
    expect(row).toContain(campaign.status.unified);
  });
});
