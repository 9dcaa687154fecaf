import { describe, expect, it } from 'vitest';
import { createClient, NotFoundError, type PhoneNumber } from '../../src/index.js';
import { collect, useSandbox } from './use-sandbox.js';

// A phone number's agentId is an id the same platform's agents.get accepts, wherever agents.get exists,
// except the two documented gaps (wire-assumptions): a Vapi number answered by a workflow or a squad,
// and a Bland number attached to a persona, name what answers, which agents.get cannot read.

const sandbox = useSandbox();

/** The numbers whose agent the documented gaps leave outside agents.get. */
const outsideAgentsGet: Record<string, (number: PhoneNumber) => boolean> = {
  vapi: (number) => typeof number.raw.assistantId !== 'string' || number.raw.assistantId === '',
  bland: (number) => typeof number.raw.persona_id === 'string' && number.raw.persona_id !== '',
};

describe("sandbox: a number's agentId is an id agents.get accepts", () => {
  for (const provider of ['vox', 'vapi', 'retell', 'bland', 'elevenlabs'] as const) {
    it(`${provider}: every agent a number routes to is read by agents.get`, async () => {
      const client = createClient(sandbox().clientOptions(provider));
      const numbers = (await collect(client.phoneNumbers.list())) as PhoneNumber[];
      const outside = outsideAgentsGet[provider] ?? (() => false);
      const agentIds = [...new Set(numbers.filter((number) => number.agentId !== null && !outside(number)).map((number) => number.agentId!))];
      expect(agentIds.length).toBeGreaterThan(0);
      for (const id of agentIds) expect((await client.agents.get!(id)).id, `${provider} agent ${id}`).toBe(id);
      const gap = numbers.find((number) => number.agentId !== null && outside(number));
      expect(gap !== undefined, `${provider}: the seed has a number in the documented gap`).toBe(provider in outsideAgentsGet);
      if (gap) await expect(client.agents.get!(gap.agentId!)).rejects.toBeInstanceOf(NotFoundError);
    });
  }
});
