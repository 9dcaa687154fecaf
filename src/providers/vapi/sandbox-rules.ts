import { isPlainObject } from '../../provider.js';
import type { VapiCampaignRecord } from './sandbox-seed.js';

// What the Vapi double checks in a body, as the OpenAPI document's DTOs declare it (NestJS's
// whitelist: a property the DTO does not declare is refused), and the records a create makes.

const commonNumberFields = ['name', 'assistantId', 'workflowId', 'squadId', 'server', 'fallbackDestination', 'hooks', 'provider'];
const providerNumberFields: Record<string, string[]> = {
  vapi: ['sipUri', 'authentication'],
  twilio: ['number', 'twilioAccountSid', 'twilioAuthToken', 'twilioApiKey', 'twilioApiSecret', 'smsEnabled'],
  vonage: ['number', 'credentialId'],
  telnyx: ['number', 'credentialId'],
  'byo-phone-number': ['number', 'credentialId', 'numberE164CheckEnabled'],
};
const idFields = ['assistantId', 'workflowId', 'squadId'];

/** The problems of a `PATCH /phone-number/{id}` body for a number of this provider, NestJS-worded. */
export function numberProblem(body: unknown, provider: string): string[] {
  if (!isPlainObject(body)) return ['The body must be a JSON object.'];
  const allowed = [...commonNumberFields, ...(providerNumberFields[provider] ?? [])];
  const problems = Object.keys(body).filter((name) => !allowed.includes(name)).map((name) => `property ${name} should not exist`);
  for (const name of idFields) {
    // `null` clears the field (the platform's way to unlink); anything else must be an id.
    if (body[name] !== undefined && body[name] !== null && typeof body[name] !== 'string') problems.push(`${name} must be a string`);
  }
  if (body.name !== undefined && (typeof body.name !== 'string' || body.name.length > 40)) {
    problems.push('name must be shorter than or equal to 40 characters');
  }
  if (body.provider !== undefined && body.provider !== provider) problems.push(`provider must be ${provider} for this phone number`);
  return problems;
}

const createFields = ['name', 'assistantId', 'workflowId', 'squadId', 'phoneNumberId', 'dialPlan', 'schedulePlan', 'customers', 'maxConcurrency'];
const maxCustomers = 10_000;

/** The problems of a `POST /v2/campaign` body. */
export function campaignProblem(body: unknown, numberExists: (id: string) => boolean): string[] {
  if (!isPlainObject(body)) return ['The body must be a JSON object.'];
  const problems = Object.keys(body).filter((name) => !createFields.includes(name)).map((name) => `property ${name} should not exist`);
  if (typeof body.name !== 'string' || body.name === '') problems.push('name must be a string');
  const agents = idFields.filter((name) => body[name] !== undefined);
  if (agents.length !== 1) problems.push('Exactly one of assistantId, workflowId or squadId must be provided.');
  if (typeof body.phoneNumberId !== 'string') problems.push('phoneNumberId is required if dialPlan is not provided');
  else if (!numberExists(body.phoneNumberId)) problems.push(`Phone number ${body.phoneNumberId} not found.`);
  const customers = body.customers;
  if (!Array.isArray(customers) || customers.length === 0) problems.push('customers is required if dialPlan is not provided');
  else if (customers.length > maxCustomers) problems.push(`customers must contain no more than ${maxCustomers} elements`);
  else if (customers.some((customer) => !isPlainObject(customer) || typeof customer.number !== 'string' || customer.number.length < 3)) {
    problems.push('each value in customers.number must be longer than or equal to 3 characters');
  }
  if (body.maxConcurrency !== undefined && (typeof body.maxConcurrency !== 'number' || body.maxConcurrency < 1)) {
    problems.push('maxConcurrency must not be less than 1');
  }
  const plan = body.schedulePlan;
  if (plan !== undefined && (!isPlainObject(plan) || typeof plan.earliestAt !== 'string' || Number.isNaN(Date.parse(plan.earliestAt)))) {
    problems.push('schedulePlan.earliestAt must be a valid ISO 8601 date string');
  }
  return problems;
}

let created = 0;

/** The campaign a create makes: scheduled for a start later than now, else in progress at once. */
export function createCampaign(body: Record<string, unknown>, orgId: string): { record: VapiCampaignRecord; answer: Record<string, unknown> } {
  created += 1;
  const now = new Date();
  const customers = body.customers as unknown[];
  const earliestAt = (body.schedulePlan as { earliestAt?: string } | undefined)?.earliestAt;
  const later = earliestAt !== undefined && Date.parse(earliestAt) > now.getTime();
  const record: VapiCampaignRecord = {
    id: `00000000-0000-4000-8000-${created.toString(16).padStart(12, '0')}`,
    orgId,
    name: body.name as string,
    status: later ? 'scheduled' : 'in-progress',
    ...Object.fromEntries(idFields.filter((name) => body[name] !== undefined).map((name) => [name, body[name]])),
    phoneNumberId: body.phoneNumberId,
    schedulePlan: { earliestAt: earliestAt ?? now.toISOString() },
    maxConcurrency: body.maxConcurrency ?? 10,
    contactCounters: { pending: customers.length, dispatched: 0, completed: 0, failed: 0, skipped: 0, predialFailed: 0 },
    callMetrics: { dialed: 0, connected: 0 },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return { record, answer: { ...campaignAnswer(record), customers } };
}

/** The fuller `Campaign` that create and PATCH answer: the summary without counters, plus the call counters. */
export function campaignAnswer(record: VapiCampaignRecord): Record<string, unknown> {
  const { contactCounters, callMetrics: _metrics, ...rest } = record;
  const counters = contactCounters as { pending: number; completed: number; failed: number } | undefined;
  return {
    ...rest,
    calls: {},
    callsCounterScheduled: counters?.pending ?? 0,
    callsCounterQueued: 0,
    callsCounterInProgress: 0,
    callsCounterEndedVoicemail: 0,
    callsCounterEnded: (counters?.completed ?? 0) + (counters?.failed ?? 0),
  };
}
