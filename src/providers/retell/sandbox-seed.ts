import { createRandom, e164, momentBetween, seedNow, seedStart, shuffledShares, unique } from '../../provider.js';
import type { Random } from '../../provider.js';

/** One entry of a Retell weighted agent list; the weights of a list add up to 1. */
export interface RetellWeightedAgentWire {
  agent_id: string;
  weight: number;
  agent_version?: string | number;
}

/**
 * A Retell phone number as `GET /get-phone-number` answers it (Retell's `PhoneNumberResponse`),
 * with the deprecated single-agent fields an older answer may still carry.
 */
export interface RetellPhoneNumberSeedWire {
  phone_number: string;
  phone_number_type: 'retell-twilio' | 'retell-telnyx' | 'custom';
  last_modification_timestamp: number;
  phone_number_pretty?: string;
  nickname?: string | null;
  area_code?: number;
  inbound_agents?: RetellWeightedAgentWire[] | null;
  outbound_agents?: RetellWeightedAgentWire[] | null;
  inbound_webhook_url?: string | null;
  allowed_inbound_country_list?: string[] | null;
  /** Deprecated in favour of `inbound_agents`. */
  inbound_agent_id?: string | null;
  /** Deprecated in favour of `inbound_agents`. */
  inbound_agent_version?: number | null;
}

/** A batch call as `POST /create-batch-call` answers it (Retell's `BatchCallResponse`). */
export interface RetellBatchCallSeedWire {
  batch_call_id: string;
  name: string;
  from_number: string;
  scheduled_timestamp: number;
  total_task_count: number;
}

/** A page of `GET /v2/list-phone-numbers` (Retell's `PhoneNumberListResponse`). */
export interface RetellPhoneNumberPageSeedWire {
  items: RetellPhoneNumberSeedWire[];
  has_more: boolean;
  pagination_key?: string;
}

export interface RetellSeed {
  /** Oldest first: the order Retell's `ascending` sort lists them in. */
  phoneNumbers: RetellPhoneNumberSeedWire[];
  /** The agents the seeded numbers are bound to. */
  agentIds: string[];
  /** Batch calls created so far; Retell offers no way to read them back. */
  batchCalls: RetellBatchCallSeedWire[];
}

type InboundKind = 'absent' | 'null' | 'empty' | 'deprecated' | 'single' | 'tie' | 'split' | 'three' | 'three-tie';

const nicknames = ['Front desk', 'Sales line', 'Support US', 'After-hours', 'Booking hotline', 'Clinic reminders', 'Test number'];
const splits: readonly (readonly number[])[] = [[0.7, 0.3], [0.3, 0.7], [0.6, 0.4], [0.2, 0.8]];
const threeWay: readonly (readonly number[])[] = [[0.5, 0.3, 0.2], [0.2, 0.5, 0.3], [0.1, 0.3, 0.6]];

/** Distinct agents with the given weights; some entries pin a version, as Retell allows. */
function weighted(random: Random, agents: readonly string[], weights: readonly number[]): RetellWeightedAgentWire[] {
  const chosen = new Set<string>();
  return weights.map((weight) => {
    const agentId = unique(chosen, () => random.pick(agents));
    return random.chance(0.3) ? { agent_id: agentId, weight, agent_version: random.pick([1, 2, 5, 'prod']) } : { agent_id: agentId, weight };
  });
}

function inbound(random: Random, kind: InboundKind, agents: readonly string[]): Partial<RetellPhoneNumberSeedWire> {
  switch (kind) {
    case 'absent':
      return {};
    case 'null':
      return { inbound_agents: null };
    case 'empty':
      return { inbound_agents: [] };
    case 'deprecated':
      return { inbound_agent_id: random.pick(agents), inbound_agent_version: random.integer(0, 6) };
    case 'single':
      return { inbound_agents: weighted(random, agents, [1]) };
    case 'tie':
      return { inbound_agents: weighted(random, agents, [0.5, 0.5]) };
    case 'split':
      return { inbound_agents: weighted(random, agents, random.pick(splits)) };
    case 'three':
      return { inbound_agents: weighted(random, agents, random.pick(threeWay)) };
    case 'three-tie':
      return { inbound_agents: weighted(random, agents, [0.4, 0.4, 0.2]) };
  }
}

function pretty(number: string): string | undefined {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
  return us ? `+1 (${us[1]}) ${us[2]}-${us[3]}` : undefined;
}

/**
 * 260 numbers, oldest first: Retell-bought US and Canadian numbers and imported ones of other
 * countries, with inbound agent lists of every shape (none, one, a tie, weighted splits, the
 * deprecated single field) and outbound lists on some.
 */
export function retellSeed(): RetellSeed {
  const random = createRandom(0x726574);
  const agentIds = Array.from({ length: 9 }, () => `agent_${random.hex(26)}`);
  const kinds = shuffledShares<InboundKind>(random, [
    ['absent', 20],
    ['null', 15],
    ['empty', 15],
    ['deprecated', 20],
    ['single', 120],
    ['tie', 20],
    ['split', 30],
    ['three', 12],
    ['three-tie', 8],
  ]);
  const taken = new Set<string>();
  const moments = kinds.map(() => momentBetween(random, seedStart, seedNow)).sort((left, right) => left - right);
  const phoneNumbers = kinds.map((kind, index): RetellPhoneNumberSeedWire => {
    const type = random.pick(['retell-twilio', 'retell-twilio', 'retell-telnyx', 'custom'] as const);
    const country = type === 'custom' ? random.pick(['US', 'GB', 'DE', 'AU'] as const) : random.chance(0.85) ? 'US' : 'CA';
    const number = unique(taken, () => e164(random, country));
    const prettyNumber = pretty(number);
    const outbound = random.next();
    return {
      phone_number: number,
      phone_number_type: type,
      ...(prettyNumber ? { phone_number_pretty: prettyNumber } : {}),
      ...(type !== 'custom' && country === 'US' ? { area_code: Number(number.slice(2, 5)) } : {}),
      last_modification_timestamp: moments[index]!,
      ...(random.chance(0.55) ? { nickname: random.pick(nicknames) } : random.chance(0.5) ? { nickname: null } : {}),
      ...inbound(random, kind, agentIds),
      ...(outbound < 0.4
        ? { outbound_agents: weighted(random, agentIds, [1]) }
        : outbound < 0.5
          ? { outbound_agents: weighted(random, agentIds, random.pick(splits)) }
          : outbound < 0.75
            ? { outbound_agents: null }
            : {}),
      ...(random.chance(0.1) ? { inbound_webhook_url: `https://hooks.example.com/retell/${random.hex(8)}` } : {}),
      ...(random.chance(0.15) ? { allowed_inbound_country_list: ['US', 'CA'] } : {}),
    };
  });
  return { phoneNumbers, agentIds, batchCalls: [] };
}
