import { createRandom, daysAfter, e164, momentBetween, seedNow, seedStart, unique } from '../../provider.js';
import type { Random } from '../../provider.js';
import { blandCallsSeed, type BlandCallRecord, type BlandPathwayRecord } from './sandbox-calls-seed.js';

/** A Bland inbound number as `GET /v1/inbound` lists it (documented fields; `pathway_id` may be null or absent). */
export interface BlandNumberWire {
  phone_number: string;
  created_at: string;
  prompt: string | null;
  pathway_id?: string | null;
  pathway_version?: number | null;
  webhook: string | null;
  voice_id: number;
  dynamic_data: unknown[] | null;
  interruption_threshold: number | null;
  first_sentence: string | null;
  reduce_latency: boolean;
  transfer_phone_number: string | null;
  voice_settings: Record<string, unknown> | null;
  record: boolean;
  max_duration: number;
  [field: string]: unknown;
}

/** A Bland batch as `GET /v2/batches/...` answers it: `base_prompt` is the `global` properties as a JSON text. */
export interface BlandBatchWire {
  id: string;
  user_id: string;
  base_prompt: string;
  created_at: string;
  call_objects: Record<string, unknown>[];
  description: string;
}

/** A Bland outbound number as `GET /v1/outbound` lists it (documented fields). */
export interface BlandOutboundNumberWire {
  phone_number: string;
  created_at: string;
  last_initiated: string | null;
}

export interface BlandSeed {
  numbers: BlandNumberWire[];
  /** The outbound numbers: some are inbound numbers too, the others only place calls. */
  outboundNumbers: BlandOutboundNumberWire[];
  /** The personas some inbound numbers are attached to. */
  personaIds: string[];
  batches: BlandBatchWire[];
  /** The pathways the seeded numbers and batches use. */
  pathwayIds: string[];
  /** Those pathways, as `GET /v1/pathway/{id}` answers them. */
  pathways: BlandPathwayRecord[];
  /** Calls in every end family, newest first; a batch's recipients among them. */
  calls: BlandCallRecord[];
}

const prompts = [
  'You are the front desk of a dental clinic. Book, move or cancel appointments.',
  'Answer questions about order status and delivery times.',
  'Qualify the caller for a home solar installation and book a site visit.',
  'You take messages after hours and promise a call back the next morning.',
];
const labels = ['Clinic follow-ups', 'Renewal reminders', 'Survey Q3', 'Lead re-engagement', 'Appointment confirmations', 'Payment reminders'];
const firstNames = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Ken', 'Margaret', 'Linus'];

/** Bland's `created_at`: ISO 8601 with microseconds and a `+00:00` offset. */
function blandTimestamp(random: Random, moment: number): string {
  return new Date(moment).toISOString().replace(/\.\d{3}Z$/, `.${random.digits(5)}+00:00`);
}

function number(random: Random, taken: Set<string>, pathwayIds: readonly string[]): BlandNumberWire {
  const phoneNumber = unique(taken, () => e164(random, random.chance(0.85) ? 'US' : 'CA'));
  const routing = random.next();
  const pathway = routing < 0.55 ? { pathway_id: random.pick(pathwayIds), pathway_version: random.integer(1, 9) } : routing < 0.8 ? { pathway_id: null } : {};
  const usesPathway = 'pathway_id' in pathway && pathway.pathway_id !== null;
  return {
    phone_number: phoneNumber,
    created_at: blandTimestamp(random, momentBetween(random, seedStart, seedNow)),
    // A pathway replaces the prompt (documented: setting one clears prompt and first_sentence).
    prompt: usesPathway ? null : random.pick(prompts),
    ...pathway,
    webhook: random.chance(0.4) ? `https://hooks.example.com/bland/${random.hex(8)}` : null,
    voice_id: random.integer(0, 12),
    dynamic_data: usesPathway ? null : [],
    interruption_threshold: random.chance(0.5) ? random.pick([50, 100, 150]) : null,
    first_sentence: usesPathway || random.chance(0.5) ? null : 'Hello, how can I help you today?',
    reduce_latency: random.chance(0.7),
    transfer_phone_number: random.chance(0.2) ? e164(random, 'US') : null,
    voice_settings: null,
    record: random.chance(0.5),
    max_duration: random.pick([10, 20, 30]),
  };
}

function batch(random: Random, numbers: readonly BlandNumberWire[], pathwayIds: readonly string[], userId: string): BlandBatchWire {
  const createdAt = momentBetween(random, seedStart, seedNow - 86_400_000);
  // Most batches follow a pathway; some use a plain task (then they have no agent).
  const global: Record<string, unknown> = random.chance(0.8)
    ? { pathway_id: random.pick(pathwayIds) }
    : { task: random.pick(prompts) };
  global.from = random.pick(numbers).phone_number;
  if (random.chance(0.5)) global.record = true;
  const scheduled = random.next();
  if (scheduled < 0.3) global.start_time = new Date(daysAfter(random, createdAt, 0, 5)).toISOString().slice(0, 19).replace('T', ' ');
  else if (scheduled < 0.5) global.start_time = `${new Date(daysAfter(random, createdAt, 0, 5) - 5 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')}-05:00`;
  const calls = random.integer(1, 3);
  return {
    id: random.uuid(),
    user_id: userId,
    base_prompt: JSON.stringify(global),
    created_at: new Date(createdAt).toISOString(),
    call_objects: Array.from({ length: calls }, () => ({
      phone_number: e164(random, 'US'),
      ...(random.chance(0.6) ? { request_data: { first: random.pick(firstNames) } } : {}),
    })),
    description: random.chance(0.85) ? random.pick(labels) : 'Untitled Batch',
  };
}

/**
 * 260 inbound numbers (US and Canada; with a pathway, with `pathway_id: null`, without the field; 20 of
 * those without a pathway attached to a persona), 24 outbound numbers (8 of them inbound numbers too)
 * and 37 batches, newest first, with their pathways and calls.
 */
export function blandSeed(): BlandSeed {
  const random = createRandom(0x626c61);
  const pathwayIds = Array.from({ length: 8 }, () => random.uuid());
  const userId = random.uuid();
  const taken = new Set<string>();
  const numbers = Array.from({ length: 260 }, () => number(random, taken, pathwayIds));
  numbers.sort((left, right) => right.created_at.localeCompare(left.created_at));
  const batches = Array.from({ length: 37 }, () => batch(random, numbers, pathwayIds, userId));
  batches.sort((left, right) => right.created_at.localeCompare(left.created_at));
  // Drawn after the batches, so that the numbers and batches above stay as they were.
  const personaIds = Array.from({ length: 3 }, () => random.uuid());
  const withoutPathway = numbers.filter((item) => !item.pathway_id);
  for (const item of withoutPathway.slice(0, 20)) item.persona_id = random.pick(personaIds);
  const both = numbers.filter((_item, index) => index % 30 === 7).slice(0, 8);
  const outboundOnly = Array.from({ length: 16 }, () => unique(taken, () => e164(random, 'US')));
  const outboundNumbers = [...both.map((item) => item.phone_number), ...outboundOnly].map((phoneNumber) => {
    const createdAt = momentBetween(random, seedStart, seedNow);
    return {
      phone_number: phoneNumber,
      created_at: blandTimestamp(random, createdAt),
      last_initiated: random.chance(0.7) ? new Date(momentBetween(random, createdAt, seedNow)).toISOString() : null,
    };
  });
  outboundNumbers.sort((left, right) => right.created_at.localeCompare(left.created_at));
  return { numbers, outboundNumbers, personaIds, batches, pathwayIds, ...blandCallsSeed(pathwayIds, numbers, batches) };
}
