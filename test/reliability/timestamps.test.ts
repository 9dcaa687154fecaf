import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { sendJson, useFaultServer } from '../helpers/fault-server.js';

const serve = useFaultServer();
let zoneBefore: string | undefined;

// Run in a zone far from UTC, where reading a time without an offset as local time shows.
beforeEach(() => {
  zoneBefore = process.env.TZ;
  process.env.TZ = 'Asia/Seoul';
});
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

describe('platform timestamps', () => {
  it.each([
    ['2024-01-15T10:30:00', '2024-01-15T10:30:00.000Z'],
    ['2024-01-15T10:30:00+09:00', '2024-01-15T01:30:00.000Z'],
    ['1', null],
    ['12', null],
    ['March 7', null],
  ])('reads createdAt %j as %s, the text kept in raw', async (createdAt, expected) => {
    const { url } = await serve((_request, response) =>
      sendJson(response, 200, { id: 'pn_1', phoneNumber: '+14155550101', status: 'active', createdAt }),
    );
    const number = await createClient({ provider: 'numbers-assignment', apiKey: 'TIMESTAMPS_KEY_0123456789', baseUrl: url }).phoneNumbers.get(
      'pn_1',
    );
    expect(number.createdAt?.toISOString() ?? null).toBe(expected);
    expect((number.raw as { createdAt: string }).createdAt).toBe(createdAt);
  });
});
