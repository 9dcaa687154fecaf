import { describeValue } from './describe-value.js';
import { isPlainObject } from './is-plain-object.js';
import type { ProviderKit } from '../contract/provider-contract.js';
import type { CreateCampaignInput } from '../types.js';
import { checkRecipients, type CheckedRecipient } from './campaign-recipients.js';
import { refuser } from './refuse.js';

export type { CheckedRecipient } from './campaign-recipients.js';

/** What one platform accepts in a campaign create, beyond the neutral rules. */
export interface CampaignInputRules {
  /** The most recipients one create may carry; more is refused, never truncated or split. `null`: no cap. */
  maxRecipients: number | null;
  /** The concurrency range the platform takes; `null` where it takes none, so a `concurrency` is refused. */
  concurrency: ConcurrencyRange | null;
  /** The longest name the platform keeps, where it documents one. */
  maxNameLength?: number;
}

/** The smallest and largest concurrency a platform takes. */
export interface ConcurrencyRange {
  /** The smallest. */
  min: number;
  /** The largest. */
  max: number;
}

/** A campaign create input that passed every check. */
export interface CheckedCampaignInput {
  /** The campaign's name. */
  name: string;
  /** The agent that places the calls. */
  agentId: string;
  /** The `PhoneNumber.id` of the number the calls come from. */
  fromNumberId: string;
  /** Who to call, each number in E.164. */
  recipients: CheckedRecipient[];
  /** `null`: as soon as possible. */
  scheduledAt: Date | null;
  /** `null`: the platform's default. */
  concurrency: number | null;
}

const fields = ['name', 'agentId', 'fromNumberId', 'recipients', 'scheduledAt', 'concurrency'];

/**
 * Checks a `campaigns.create` input before any request: a name, an agent, a from-number id, one or
 * more recipients each readable as a phone number (E.164, or national with the client's
 * `defaultCountry`), a valid `scheduledAt`, a whole `concurrency` in the platform's range. A mistake
 * is an `InvalidRequestError` naming the field (and the recipient's index).
 */
export async function checkCampaignInput(kit: ProviderKit, input: unknown, rules: CampaignInputRules): Promise<CheckedCampaignInput> {
  const fail = refuser(kit.provider, 'campaigns.create');
  if (!isPlainObject(input)) throw fail('input must be an object such as { name, agentId, fromNumberId, recipients }.');
  const unknown = Object.keys(input).filter((name) => !fields.includes(name) && input[name] !== undefined);
  if (unknown.length > 0) throw fail(`does not take ${unknown.map((name) => `"${name}"`).join(', ')}; it takes ${fields.join(', ')}.`);
  const { name, agentId, fromNumberId, recipients, scheduledAt, concurrency } = input as Partial<CreateCampaignInput>;
  const text = (value: unknown, field: string): string => {
    if (typeof value !== 'string' || value.trim() === '') throw fail(`${field} must be a non-empty string (got ${describeValue(value)}).`);
    return value;
  };
  const checkedName = text(name, 'name');
  if (rules.maxNameLength !== undefined && checkedName.length > rules.maxNameLength) {
    throw fail(`name is ${checkedName.length} characters long; ${kit.provider} keeps at most ${rules.maxNameLength}.`);
  }
  const checked: CheckedCampaignInput = {
    name: checkedName,
    agentId: text(agentId, 'agentId'),
    fromNumberId: text(fromNumberId, 'fromNumberId'),
    recipients: [],
    scheduledAt: null,
    concurrency: null,
  };
  if (!Array.isArray(recipients) || recipients.length === 0) {
    throw fail('recipients must be a list of one or more { number, variables? }.');
  }
  if (rules.maxRecipients !== null && recipients.length > rules.maxRecipients) {
    throw fail(
      `${recipients.length} recipients is more than ${kit.provider} takes in one campaign (${rules.maxRecipients}). ` +
        'Nothing was sent: split the list into several campaigns yourself.',
    );
  }
  if (scheduledAt !== undefined) {
    if (!(scheduledAt instanceof Date) || Number.isNaN(scheduledAt.getTime())) {
      throw fail(`scheduledAt must be a valid Date (got ${describeValue(scheduledAt)}); omit it to start as soon as possible.`);
    }
    checkScheduleWindow(scheduledAt, fail);
    checked.scheduledAt = scheduledAt;
  }
  if (concurrency !== undefined) {
    if (rules.concurrency === null) {
      throw fail(`${kit.provider} takes no concurrency for a campaign; leave concurrency out.`);
    }
    const { min, max } = rules.concurrency;
    if (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < min || concurrency > max) {
      throw fail(`concurrency must be a whole number from ${min} to ${max} (got ${describeValue(concurrency)}).`);
    }
    checked.concurrency = concurrency;
  }
  const toE164 = await kit.e164Formatter();
  checked.recipients = checkRecipients(recipients as readonly unknown[], { toE164, defaultCountry: kit.defaultCountry, fail });
  return checked;
}

/** How far in the past a start time may be: the time the request takes to be built and sent. */
const pastAllowanceMs = 60_000;

/**
 * Refuses a start time more than a minute in the past (a platform would start at once, or refuse, or
 * keep a campaign that never runs) or more than a year ahead (a mistyped year, most often).
 */
function checkScheduleWindow(scheduledAt: Date, fail: (message: string) => Error): void {
  const now = Date.now();
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + 1);
  if (scheduledAt.getTime() < now - pastAllowanceMs) {
    throw fail(`scheduledAt ${scheduledAt.toISOString()} is in the past; give a time from now on, or omit it to start as soon as possible.`);
  }
  if (scheduledAt.getTime() > latest.getTime()) {
    throw fail(`scheduledAt ${scheduledAt.toISOString()} is more than a year ahead (after ${latest.toISOString()}); check the year.`);
  }
}
