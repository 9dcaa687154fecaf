import { createRandom, e164, momentBetween, seedNow, seedStart } from '../../provider.js';
import type { Random } from '../../provider.js';
import type { VapiCampaignRecord, VapiSeed } from './sandbox-seed.js';

/*
 * The Vapi double's calls and assistants, derived from its seed (numbers, campaigns, assistant ids)
 * with a generator of their own, so the numbers and campaigns come out as before. Every campaign's
 * dialled contacts have a call; account-wide calls cover every status and every end-reason family.
 */

/** A call as `GET /call/{id}` answers it. */
export type VapiCallRecord = Record<string, unknown> & { id: string; createdAt: string; status: string; campaignId?: string };

/** An assistant as `GET /assistant/{id}` answers it. */
export type VapiAssistantRecord = Record<string, unknown> & { id: string; createdAt: string };

/** A campaign contact as `GET /v2/campaign/{id}/contacts` answers it. */
export type VapiContactRecord = { id: string; number: string; status: string; callId?: string; endedReason?: string };

/** One representative `endedReason` per family, with the share of calls that end that way. */
const endings: readonly (readonly [string, number])[] = [
  ['customer-ended-call', 30],
  ['assistant-ended-call', 12],
  ['assistant-forwarded-call', 5],
  ['voicemail', 10],
  ['customer-did-not-answer', 12],
  ['customer-busy', 6],
  ['vonage-rejected', 2],
  ['twilio-failed-to-connect-call', 3],
  ['exceeded-max-duration', 2],
  ['silence-timed-out', 4],
  ['manually-canceled', 2],
  ['call.start.error-subscription-concurrency-limit-reached', 2],
  ['call.start.error-subscription-insufficient-credits', 1],
  ['pipeline-error-openai-llm-failed', 3],
  ['call.ending.hook-executed-say', 1],
];
const notConnected = new Set(['customer-did-not-answer', 'customer-busy', 'vonage-rejected', 'twilio-failed-to-connect-call', 'manually-canceled']);
const refusedBeforeDialling = /^call\.start\.error-/;
const openStatuses = ['scheduled', 'queued', 'ringing', 'in-progress', 'forwarding'] as const;

/** A version-4-shaped uuid from four draws (`random.uuid()` draws per hex digit: 20 times slower over 75,000 records). */
function quickUuid(random: Random): string {
  const word = () => Math.floor(random.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
  const [a, b, c, d] = [word(), word(), word(), word()];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[Number.parseInt(c[0]!, 16) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** A short conversation: the system prompt, the agent, the customer, a tool call and its result. */
function conversation(random: Random): Record<string, unknown>[] {
  const first = random.integer(1, 3);
  return [
    { role: 'system', message: 'You are a friendly renewals agent.', time: 0, secondsFromStart: 0 },
    { role: 'bot', message: 'Hello, this is Ava from Acme. Is now a good time?', time: 1, endTime: 4, secondsFromStart: first, duration: 3 },
    { role: 'user', message: 'Sure, go ahead.', time: 5, endTime: 6, secondsFromStart: first + 4, duration: 1.2 },
    { role: 'tool_calls', message: '', toolCalls: [{ id: 'tc_1', type: 'function', function: { name: 'lookup_plan', arguments: '{}' } }], time: 7, secondsFromStart: first + 6 },
    { role: 'tool_call_result', toolCallId: 'tc_1', name: 'lookup_plan', result: '{"plan":"gold"}', time: 8, secondsFromStart: first + 7 },
    { role: 'bot', message: 'Your gold plan renews next month. Shall I keep it?', time: 9, endTime: 12, secondsFromStart: first + 8, duration: 3 },
    { role: 'user', message: 'Yes please.', time: 13, endTime: 14, secondsFromStart: first + 12, duration: 0.9 },
  ];
}

/** A call that ended at `createdAt` plus a few seconds, the way `reason` ends a call. */
export function endedCall(random: Random, base: Record<string, unknown>, createdAt: number, reason: string): VapiCallRecord {
  const id = String(base.id);
  const record: VapiCallRecord = { ...base, id, status: 'ended', endedReason: reason, createdAt: new Date(createdAt).toISOString(), updatedAt: '' };
  if (refusedBeforeDialling.test(reason)) {
    record.updatedAt = record.createdAt;
    return record;
  }
  const startedAt = createdAt + random.integer(1, 20) * 1000;
  const connected = !notConnected.has(reason);
  const endedAt = startedAt + (connected ? random.integer(20, 600) : random.integer(5, 40)) * 1000;
  record.startedAt = new Date(startedAt).toISOString();
  record.endedAt = new Date(endedAt).toISOString();
  record.updatedAt = record.endedAt;
  record.cost = Math.round(((endedAt - startedAt) / 60_000) * 0.12 * 10_000) / 10_000;
  if (connected) {
    const expires = new Date(seedNow + 3_600_000).toISOString();
    record.artifact = {
      messages: reason === 'voicemail' ? conversation(random).slice(0, 2) : conversation(random),
      recordingUrl: `https://storage.vapi.ai/${id}-mono.wav`,
      presignedMonoUrl: `https://storage.vapi.ai/${id}-mono.wav?X-Amz-Signature=${quickUuid(random).replace(/-/g, '')}`,
      presignedUrlsExpiresAt: expires,
    };
    record.analysis = { summary: reason === 'voicemail' ? 'Left a voicemail.' : 'The customer kept the gold plan.' };
  }
  return record;
}

function shares(random: Random): string {
  const total = endings.reduce((sum, [, share]) => sum + share, 0);
  let roll = random.integer(1, total);
  for (const [reason, share] of endings) if ((roll -= share) <= 0) return reason;
  return endings[0]![0];
}

/** The double's calls, contacts and assistants. */
export interface VapiCallData {
  calls: VapiCallRecord[];
  assistants: VapiAssistantRecord[];
  /** Each campaign's contacts, in dial order. */
  contacts: Map<string, VapiContactRecord[]>;
}

/** Every campaign's dialled contacts get a call; 400 more calls (outbound, inbound, web) cover every status and end-reason family. */
export function vapiCallData(seed: VapiSeed): VapiCallData {
  const random = createRandom(0xca11);
  const assistants: VapiAssistantRecord[] = seed.assistantIds.map((id, index) => {
    const createdAt = new Date(momentBetween(random, seedStart, seedStart + 90 * 86_400_000)).toISOString();
    return {
      id,
      orgId: seed.orgId,
      name: ['Renewals', 'Support', 'Booking', 'Surveys', 'Collections', 'Recruiting', 'Front desk', 'Sales'][index % 8],
      createdAt,
      updatedAt: createdAt,
      latestVersion: `v${random.integer(1, 5)}`,
      voice: { provider: '11labs', voiceId: random.pick(['burt', 'sarah', 'andrew']) },
      model: {
        provider: 'openai',
        model: random.pick(['gpt-4o', 'gpt-4o-mini']),
        messages: [{ role: 'system', content: `You are the ${index + 1}. agent of Acme: be brief and kind.` }],
      },
      firstMessage: 'Hello, this is Acme.',
    };
  });
  const dialable = seed.phoneNumbers.filter((number) => typeof number.number === 'string');
  const calls: VapiCallRecord[] = [];
  const base = (extra: Record<string, unknown>) => ({ id: quickUuid(random), orgId: seed.orgId, ...extra });

  for (let index = 0; index < 400; index++) {
    const number = random.pick(dialable);
    const customer = e164(random, 'US');
    const type = index % 10 === 0 ? 'webCall' : index % 4 === 0 ? 'inboundPhoneCall' : 'outboundPhoneCall';
    const createdAt = momentBetween(random, seedStart, seedNow);
    const common = base({
      type,
      assistantId: random.pick(seed.assistantIds),
      ...(type === 'webCall' ? {} : { phoneNumberId: number.id, phoneNumber: { number: number.number }, customer: { number: customer } }),
      ...(random.chance(0.3) ? { assistantOverrides: { variableValues: { first: random.pick(['Ada', 'Grace', 'Alan']) } } } : {}),
    });
    // One in twenty is still open, in each open status.
    if (index % 20 === 7) {
      const status = openStatuses[(index / 20) % openStatuses.length | 0]!;
      calls.push({ ...common, id: String(common.id), status, createdAt: new Date(seedNow - random.integer(1, 60) * 1000).toISOString(), updatedAt: new Date(seedNow).toISOString() });
      continue;
    }
    calls.push(endedCall(random, common, createdAt, index < endings.length ? endings[index]![0] : shares(random)));
  }

  const contacts = new Map<string, VapiContactRecord[]>();
  for (const campaign of seed.campaigns) contacts.set(campaign.id, campaignContacts(random, campaign, calls, base));
  // Plain comparison: ISO texts of one format order as their instants (localeCompare is 20 times slower).
  calls.sort((left, right) => (left.createdAt < right.createdAt ? -1 : left.createdAt > right.createdAt ? 1 : 0));
  return { calls, assistants, contacts };
}

/** A campaign's contacts as its counters say: completed and failed ones were dialled (their calls are added), the others were not. */
function campaignContacts(
  random: Random,
  campaign: VapiCampaignRecord,
  calls: VapiCallRecord[],
  base: (extra: Record<string, unknown>) => Record<string, unknown>,
): VapiContactRecord[] {
  const counters = (campaign.contactCounters ?? {}) as Record<string, number>;
  const started = Date.parse(String((campaign.schedulePlan as { earliestAt?: string } | undefined)?.earliestAt ?? campaign.createdAt));
  const list: VapiContactRecord[] = [];
  const add = (status: string, dialled: boolean, connected: boolean) => {
    const number = e164(random, 'US');
    const contact: VapiContactRecord = { id: quickUuid(random), number, status };
    if (dialled) {
      const reason = connected ? random.pick(['customer-ended-call', 'assistant-ended-call', 'voicemail']) : random.pick(['customer-did-not-answer', 'customer-busy']);
      const createdAt = Math.min(started + list.length * 30_000, seedNow - 60_000);
      const call = endedCall(
        random,
        base({ type: 'outboundPhoneCall', campaignId: campaign.id, assistantId: campaign.assistantId, squadId: campaign.squadId, phoneNumberId: campaign.phoneNumberId, customer: { number } }),
        createdAt,
        reason,
      );
      calls.push(call);
      contact.callId = call.id;
      contact.endedReason = reason;
    }
    list.push(contact);
  };
  for (let count = 0; count < (counters.completed ?? 0); count++) add('contact.completed', true, true);
  for (let count = 0; count < (counters.failed ?? 0); count++) add('contact.failed', true, false);
  for (let count = 0; count < (counters.skipped ?? 0); count++) add('contact.skipped', false, false);
  for (let count = 0; count < (counters.pending ?? 0); count++) add('contact.pending', false, false);
  return list;
}
