import { createRandom, daysAfter, e164, momentBetween, seedNow, seedStart, shuffledShares, unique } from '../../provider.js';
import type { Random } from '../../provider.js';

/** A phone number as Vapi answers it (one of the five provider shapes), with only documented fields. */
export type VapiPhoneNumberRecord = Record<string, unknown> & {
  id: string;
  provider: 'twilio' | 'vonage' | 'telnyx' | 'vapi' | 'byo-phone-number';
  createdAt: string;
  updatedAt: string;
  assistantId?: string | undefined;
  workflowId?: string | undefined;
  squadId?: string | undefined;
  name?: string | undefined;
};

/** A campaign as `GET /v2/campaign/{id}?includeCounters=true` answers it (`CampaignSummary`). */
export type VapiCampaignRecord = Record<string, unknown> & {
  id: string;
  name: string;
  status: 'scheduled' | 'in-progress' | 'ended' | 'cancelled' | 'archived';
  endedReason?: string | undefined;
  createdAt: string;
  updatedAt: string;
};

export interface VapiSeed {
  /** The organization every record belongs to. */
  orgId: string;
  phoneNumbers: VapiPhoneNumberRecord[];
  campaigns: VapiCampaignRecord[];
  /** The assistants, squads and workflows numbers and campaigns are bound to. */
  assistantIds: string[];
  squadIds: string[];
  workflowIds: string[];
}

const labels = ['Support line', 'Sales inbound', 'Front desk', 'Booking hotline', 'After-hours', 'Renewals', 'Recruiting screen'];
const countries = ['US', 'US', 'US', 'CA', 'GB', 'AU', 'DE'] as const;
const campaignNames = ['Q3 renewals', 'Appointment reminders', 'Lead follow-up', 'Payment reminders', 'Survey wave', 'Reactivation'];

type Binding = 'assistant' | 'squad' | 'workflow' | 'none';

/** The providers' own fields beside the common ones; a free Vapi SIP number has no `number` at all. */
function providerFields(random: Random, provider: VapiPhoneNumberRecord['provider'], number: () => string, sipOnly: boolean) {
  switch (provider) {
    case 'twilio':
      return { number: number(), twilioAccountSid: `AC${random.hex(32)}`, smsEnabled: random.chance(0.7) };
    case 'vonage':
    case 'telnyx':
      return { number: number(), credentialId: random.uuid() };
    case 'byo-phone-number':
      return { number: number(), credentialId: random.uuid(), numberE164CheckEnabled: true };
    case 'vapi':
      return sipOnly
        ? { sipUri: `sip:${random.hex(10)}@sip.vapi.ai` }
        : { number: number(), numberDesiredAreaCode: String(random.integer(201, 989)) };
  }
}

/**
 * 320 numbers of the five providers (40 free Vapi SIP numbers without a phone number), bound to an
 * assistant, a squad, a workflow or nothing, in every status (some without one); 48 campaigns in
 * every status. Newest first is the platform's order; the seed keeps creation order.
 */
export function vapiSeed(): VapiSeed {
  const random = createRandom(0x7a9100);
  const orgId = random.uuid();
  const assistantIds = Array.from({ length: 8 }, () => random.uuid());
  const squadIds = Array.from({ length: 3 }, () => random.uuid());
  const workflowIds = Array.from({ length: 3 }, () => random.uuid());
  const providers = shuffledShares(random, [
    ['twilio', 120],
    ['vapi', 100],
    ['vonage', 30],
    ['telnyx', 40],
    ['byo-phone-number', 30],
  ] as const);
  const bindings = shuffledShares<Binding>(random, [
    ['assistant', 190],
    ['squad', 40],
    ['workflow', 30],
    ['none', 60],
  ]);
  const taken = new Set<string>();
  let sipOnlyLeft = 40;
  const phoneNumbers = providers.map((provider, index): VapiPhoneNumberRecord => {
    const createdAt = momentBetween(random, seedStart, seedNow);
    const sipOnly = provider === 'vapi' && sipOnlyLeft-- > 0;
    const statusRoll = random.next();
    const binding = bindings[index]!;
    return {
      id: random.uuid(),
      orgId,
      provider,
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(Math.min(daysAfter(random, createdAt, 0, 60), seedNow)).toISOString(),
      ...(statusRoll < 0.8 ? { status: 'active' } : statusRoll < 0.88 ? { status: 'activating' } : statusRoll < 0.95 ? { status: 'blocked' } : {}),
      ...(random.chance(0.7) ? { name: random.pick(labels) } : {}),
      ...(binding === 'assistant' ? { assistantId: random.pick(assistantIds) } : {}),
      ...(binding === 'squad' ? { squadId: random.pick(squadIds) } : {}),
      ...(binding === 'workflow' ? { workflowId: random.pick(workflowIds) } : {}),
      ...providerFields(random, provider, () => unique(taken, () => e164(random, random.pick(countries))), sipOnly),
    };
  });
  phoneNumbers.sort((left, right) => left.createdAt.localeCompare(right.createdAt));

  const outcomes = shuffledShares(random, [
    ['scheduled', 8],
    ['in-progress', 10],
    ['ended:campaign.ended.success', 10],
    ['ended:campaign.in-progress.ended-by-user', 4],
    ['cancelled:campaign.scheduled.ended-by-user', 4],
    ['cancelled:campaign.in-progress.ended-by-user', 4],
    ['archived:campaign.ended.success', 5],
    ['archived:campaign.in-progress.ended-by-user', 3],
  ] as const);
  const dialable = phoneNumbers.filter((number) => typeof number.number === 'string');
  const campaigns = outcomes.map((outcome): VapiCampaignRecord => {
    const [status, endedReason] = outcome.split(':') as [VapiCampaignRecord['status'], string | undefined];
    const createdAt = momentBetween(random, seedStart, seedNow - 86_400_000);
    const earliestAt = status === 'scheduled' ? daysAfter(random, seedNow, 1, 30) : daysAfter(random, createdAt, 0, 1);
    const audience = random.integer(20, 2000);
    // A campaign stopped before its start placed no call; one stopped while running placed some.
    const done =
      status === 'scheduled' || endedReason === 'campaign.scheduled.ended-by-user'
        ? 0
        : status === 'in-progress' || endedReason === 'campaign.in-progress.ended-by-user'
          ? random.integer(0, audience)
          : audience;
    const failed = Math.floor(done * random.next() * 0.2);
    const skipped = Math.floor((done - failed) * random.next() * 0.05);
    return {
      id: random.uuid(),
      orgId,
      name: `${random.pick(campaignNames)} ${random.integer(1, 99)}`,
      status,
      ...(endedReason === undefined ? {} : { endedReason }),
      ...(random.chance(0.8) ? { assistantId: random.pick(assistantIds) } : { squadId: random.pick(squadIds) }),
      phoneNumberId: random.pick(dialable).id,
      schedulePlan: { earliestAt: new Date(earliestAt).toISOString() },
      maxConcurrency: random.pick([5, 10, 10, 20, 50]),
      contactCounters: {
        pending: audience - done,
        dispatched: 0,
        completed: done - failed - skipped,
        failed,
        skipped,
        predialFailed: 0,
      },
      callMetrics: { dialed: done, connected: Math.floor((done - failed - skipped) * 0.8) },
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(Math.min(daysAfter(random, createdAt, 0, 20), seedNow)).toISOString(),
    };
  });
  campaigns.sort((left, right) => left.createdAt.localeCompare(right.createdAt));
  return { orgId, phoneNumbers, campaigns, assistantIds, squadIds, workflowIds };
}
