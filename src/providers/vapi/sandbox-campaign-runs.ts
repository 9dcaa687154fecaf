import { isPlainObject } from '../../provider.js';
import { asOf } from './sandbox-call-routes.js';
import type { VapiCallData, VapiCallRecord, VapiContactRecord } from './sandbox-calls.js';
import type { VapiCampaignRecord } from './sandbox-seed.js';

/*
 * The campaigns created in the Vapi double run as the platform runs them: each customer is a
 * contact (`contact.pending`); at `schedulePlan.earliestAt` (at once without one) every pending
 * contact is dialled: a call of the campaign (`campaignId`, the campaign's assistant and number, the
 * customer) placed then, which moves on as `POST /call`'s does, and the contact turns
 * `contact.dispatched` with its `callId`. A contact whose call has ended is `contact.completed`
 * (`contact.failed` when the call never connected); the counters follow, and the campaign ends
 * (`campaign.ended.success`) once every contact is done. Cancelling skips the contacts not yet
 * dialled. Chosen here: every contact is dialled at once (`maxConcurrency` is not enforced).
 * The seed's campaigns are left as they are.
 */

/** What the runs need of the double. */
export interface VapiCampaignRunContext {
  /** The calls and contacts (built at first use). */
  data(): VapiCallData;
  /** The campaigns. */
  campaigns(): VapiCampaignRecord[];
}

/** The campaigns created in the double, run at every request. */
export interface VapiCampaignRuns {
  /** Records the customers of a campaign just created, as its pending contacts. */
  created(campaign: VapiCampaignRecord, customers: readonly Record<string, unknown>[]): void;
  /** Skips the contacts of a cancelled campaign that were not dialled yet. */
  cancelled(campaign: VapiCampaignRecord): void;
  /** Dials the campaigns whose start has come and brings the running ones up to their calls. */
  run(): void;
  /** Forgets every run (the double went back to its seed). */
  reset(): void;
}

const callFields = ['assistantId', 'workflowId', 'squadId', 'phoneNumberId'] as const;
/** End reasons of a call that never connected: its contact failed. */
const notConnected = new Set(['customer-did-not-answer', 'customer-busy', 'twilio-failed-to-connect-call', 'vonage-rejected']);

/** The campaign runs over the double's data. */
export function vapiCampaignRuns(context: VapiCampaignRunContext): VapiCampaignRuns {
  /** Each created campaign's customers as sent, by contact id. */
  let customers = new Map<string, Map<string, Record<string, unknown>>>();
  /** The calls the runs placed, by id (a scan of every call at each request would be slow). */
  let placed = new Map<string, VapiCallRecord>();

  function dial(campaign: VapiCampaignRecord, contacts: VapiContactRecord[], now: number): void {
    const sent = customers.get(campaign.id)!;
    const calls = context.data().calls;
    for (const contact of contacts) {
      if (contact.status !== 'contact.pending') continue;
      const customer = sent.get(contact.id) ?? { number: contact.number };
      const { assistantOverrides, ...rest } = customer;
      const call: VapiCallRecord = {
        id: crypto.randomUUID(),
        orgId: campaign.orgId,
        type: 'outboundPhoneCall',
        status: 'queued',
        campaignId: campaign.id,
        ...Object.fromEntries(callFields.filter((name) => campaign[name] !== undefined).map((name) => [name, campaign[name]])),
        customer: rest,
        ...(isPlainObject(assistantOverrides) ? { assistantOverrides } : {}),
        createdAt: new Date(now).toISOString(),
        updatedAt: new Date(now).toISOString(),
        placedAt: now,
      };
      calls.push(call);
      placed.set(call.id, call);
      Object.assign(contact, { status: 'contact.dispatched', callId: call.id, dispatchedAt: call.createdAt });
    }
    campaign.status = 'in-progress';
    campaign.updatedAt = new Date(now).toISOString();
  }

  function follow(campaign: VapiCampaignRecord, contacts: VapiContactRecord[], now: number): void {
    for (const contact of contacts) {
      if (contact.status !== 'contact.dispatched') continue;
      const call = placed.get(contact.callId!);
      const current = call ? asOf(call, now) : null;
      if (current?.status !== 'ended') continue;
      const reason = String(current.endedReason);
      contact.status = notConnected.has(reason) ? 'contact.failed' : 'contact.completed';
      contact.endedReason = reason;
    }
    const count = (status: string) => contacts.filter((contact) => contact.status === status).length;
    const dialled = contacts.filter((contact) => contact.callId !== undefined).length;
    campaign.contactCounters = {
      pending: count('contact.pending'),
      dispatched: count('contact.dispatched'),
      completed: count('contact.completed'),
      failed: count('contact.failed'),
      skipped: count('contact.skipped'),
      predialFailed: 0,
    };
    campaign.callMetrics = { dialed: dialled, connected: count('contact.completed') };
    if (campaign.status === 'in-progress' && count('contact.pending') + count('contact.dispatched') === 0) {
      campaign.status = 'ended';
      campaign.endedReason = 'campaign.ended.success';
      campaign.updatedAt = new Date(now).toISOString();
    }
  }

  return {
    created(campaign, sent) {
      const contacts = sent.map((customer): VapiContactRecord => ({ id: crypto.randomUUID(), number: String(customer.number), status: 'contact.pending' }));
      customers.set(campaign.id, new Map(contacts.map((contact, index) => [contact.id, sent[index]!])));
      context.data().contacts.set(campaign.id, contacts);
    },
    cancelled(campaign) {
      for (const contact of context.data().contacts.get(campaign.id) ?? []) {
        if (customers.has(campaign.id) && contact.status === 'contact.pending') contact.status = 'contact.skipped';
      }
    },
    run() {
      if (customers.size === 0) return;
      const now = Date.now();
      for (const campaign of context.campaigns()) {
        const contacts = customers.has(campaign.id) ? context.data().contacts.get(campaign.id) : undefined;
        if (contacts === undefined) continue;
        const earliestAt = Date.parse(String((campaign.schedulePlan as { earliestAt?: string } | undefined)?.earliestAt));
        if (campaign.status === 'scheduled' && !(earliestAt > now)) dial(campaign, contacts, now);
        else if (campaign.status === 'in-progress' && contacts.some((contact) => contact.status === 'contact.pending')) dial(campaign, contacts, now);
        follow(campaign, contacts, now);
      }
    },
    reset() {
      customers = new Map();
      placed = new Map();
    },
  };
}
