import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandboxSeed } from '../../src/testing/index.js';

const seed = await sandboxSeed();

function countBy<T>(items: readonly T[], key: (item: T) => unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[String(key(item))] = (counts[String(key(item))] ?? 0) + 1;
  return counts;
}

describe('sandbox seed data', () => {
  it('is the same on every call, and each call returns its own copy', async () => {
    const copy = await sandboxSeed();
    expect(copy).toEqual(seed);
    copy.vox.phoneNumbers.pop();
    expect((await sandboxSeed()).vox.phoneNumbers).toHaveLength(230);
  });

  it('matches fixtures/sandbox/ (rewrite them with scripts/write-sandbox-fixtures.ts)', () => {
    for (const [provider, data] of Object.entries(seed)) {
      const file = JSON.parse(readFileSync(new URL(`../../fixtures/sandbox/${provider}.json`, import.meta.url), 'utf8')) as unknown;
      expect(file, provider).toEqual(data);
    }
  });

  it('vox: 230 domestic Korean numbers in every status and both providers; 14 campaigns in all 7 statuses', () => {
    const numbers = seed.vox.phoneNumbers;
    expect(countBy(numbers, (item) => item.status)).toEqual({ active: 150, scheduled: 25, cancel_requested: 25, expired: 30 });
    expect(Object.keys(countBy(numbers, (item) => item.provider)).sort()).toEqual(['custom', 'vox']);
    expect(numbers.every((item) => /^(0\d{9,10}|1588\d{4})$/.test(item.number))).toBe(true);
    expect(new Set(numbers.map((item) => item.number)).size).toBe(230);
    expect(numbers.filter((item) => item.status === 'expired').every((item) => item.end_at !== null && item.inbound_agent === null)).toBe(true);
    expect(Object.values(countBy(seed.vox.campaigns, (item) => item.status))).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });

  it('vogent: 180 numbers, PSTN in E.164, SIP usernames, some without type; 15 jobs in all 5 statuses', () => {
    const numbers = seed.vogent.phoneNumbers;
    expect(countBy(numbers, (item) => item.type)).toEqual({ PSTN: 120, SIP_USERNAME: 45, undefined: 15 });
    expect(numbers.filter((item) => item.type !== 'SIP_USERNAME').every((item) => /^\+1\d{10}$/.test(item.number))).toBe(true);
    expect(numbers.some((item) => item.agentId === null)).toBe(true);
    expect(countBy(seed.vogent.batchDialJobs, (item) => item.status)).toEqual({ INIT: 3, ACTIVE: 3, PAUSED: 3, COMPLETE: 3, CANCELLED: 3 });
  });

  it('generic: 150 twilio and sip numbers, free and assigned, agent set exactly when assigned', () => {
    const numbers = seed.generic.phoneNumbers;
    expect(countBy(numbers, (item) => item.status)).toEqual({ assigned: 90, free: 60 });
    expect(Object.keys(countBy(numbers, (item) => item.provider)).sort()).toEqual(['sip', 'twilio']);
    expect(numbers.every((item) => (item.status === 'assigned') === (item.assigned_agent_id !== null))).toBe(true);
  });

  it('numbers-assignment: 140 active and inactive numbers of several countries', () => {
    const numbers = seed['numbers-assignment'].numbers;
    expect(countBy(numbers, (item) => item.status)).toEqual({ active: 100, inactive: 40 });
    expect(numbers.every((item) => /^\+[1-9]\d{7,14}$/.test(item.phoneNumber))).toBe(true);
    const countryCodes = new Set(numbers.map((item) => /^\+(1|44|49|33|61|81|82|34)/.exec(item.phoneNumber)?.[1]));
    expect(countryCodes.size).toBe(8);
    expect(numbers.some((item) => !('friendlyName' in item))).toBe(true);
  });
});
