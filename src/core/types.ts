/**
 * The provider-neutral model. Nothing here knows a platform: adapters map their wire objects onto
 * these types, and `P` is the id of the provider that produced a value.
 */

/** A wire object as the platform sent it, untouched: what every neutral object keeps in `raw`. */
export type RawRecord = Record<string, unknown>;

/** A status mapped onto the SDK's unified set, with the platform's own value kept beside it. */
export interface MappedStatus<Unified extends string> {
  /** The unified value; `'unknown'` when the platform sent a value the SDK does not know. */
  unified: Unified;
  /** The value exactly as the platform sent it; `null` when the platform reports none. */
  raw: string | null;
}

/** A phone number's unified status: in service, being set up, being cancelled, out of service, or not known. */
export type PhoneNumberStatus = 'active' | 'pending' | 'canceling' | 'inactive' | 'unknown';

/**
 * A campaign's unified status. `draft`: created, will not run until started; `scheduled`: created,
 * waiting for its start time, and will start by itself.
 */
export type CampaignStatus =
  | 'draft'
  | 'scheduled'
  | 'pending'
  | 'running'
  | 'paused'
  | 'completed'
  | 'failed'
  | 'canceled'
  | 'unknown';

/** A phone number on one platform, in the SDK's neutral shape; `P` is the platform's id. */
export interface PhoneNumber<P extends string = string> {
  /** The platform this number lives on. */
  provider: P;
  /** The platform's id for the number (pass it to `get`, `update`, `delete`). */
  id: string;
  /** The number as the platform gives it: E.164, domestic digits, or a SIP username. */
  number: string;
  /** The number in E.164 form where one can be derived; `null` for SIP usernames and unparseable numbers. */
  e164: string | null;
  /** The number's status, unified, with the platform's own value beside it (`null` where the platform reports none). */
  status: MappedStatus<PhoneNumberStatus>;
  /** The agent that answers calls to this number. */
  agentId: string | null;
  /** The agent that places outbound calls from this number, where the platform has one. */
  outboundAgentId: string | null;
  /** A human label: vox `memo`, numbers-assignment `friendlyName`. */
  label: string | null;
  /** `pstn` for a number on the telephone network, `sip` for a SIP line or username; `null` where the platform does not say. */
  type: 'pstn' | 'sip' | null;
  /** Who provides the line: vox `provider` (vox | custom), generic `provider` (twilio | sip). */
  carrier: string | null;
  /** Whether the number takes inbound calls, where the platform says. */
  inbound: boolean | null;
  /** Whether the number places outbound calls, where the platform says. */
  outbound: boolean | null;
  /** When the number was added. */
  createdAt: Date | null;
  /** When the number last changed. */
  updatedAt: Date | null;
  /** The wire object exactly as the platform sent it. */
  raw: Record<string, unknown>;
}

/** A campaign (a batch of outbound calls) on one platform, in the SDK's neutral shape; `P` is the platform's id. */
export interface Campaign<P extends string = string> {
  /** The platform this campaign runs on. */
  provider: P;
  /** The platform's id for the campaign (pass it to `get`, `pause`, `cancel`, ...). */
  id: string;
  /** The campaign's name. */
  name: string;
  /** The campaign's status, unified, with the platform's own value beside it. */
  status: MappedStatus<CampaignStatus>;
  /** The agent that places the calls. */
  agentId: string | null;
  /** The caller number, as the platform gives it. */
  fromNumber: string | null;
  /** Calls the campaign will place in all, where the platform says. */
  totalCalls: number | null;
  /** Calls finished so far. */
  completedCalls: number | null;
  /** Calls that failed so far. */
  failedCalls: number | null;
  /** The most calls the campaign may have in flight at once. */
  concurrency: number | null;
  /** The calls in flight right now. */
  activeConcurrency: number | null;
  /** When the campaign was created. */
  createdAt: Date | null;
  /** When it starts (or started), where it was scheduled. */
  scheduledAt: Date | null;
  /** When it ended. */
  finishedAt: Date | null;
  /** When it was paused, while it is. */
  pausedAt: Date | null;
  /** The wire object exactly as the platform sent it. */
  raw: Record<string, unknown>;
}

/** Parameters every list takes, whatever the platform. */
export interface ListParams<Status extends string = string> {
  /** Items per page. Each platform has its own range; a value outside it is refused before any request. */
  limit?: number | undefined;
  /** The `nextCursor` of a previous page, passed back verbatim. */
  cursor?: string | undefined;
  /** Only items in this unified status (or any of these). */
  status?: Status | readonly Status[] | undefined;
}

/** Parameters of `phoneNumbers.list`, whatever the platform. */
export type PhoneNumberListParams = ListParams<PhoneNumberStatus>;
/** Parameters of `campaigns.list`, whatever the platform. */
export type CampaignListParams = ListParams<CampaignStatus>;

/** Input of `phoneNumbers.create`. */
export interface CreatePhoneNumberInput {
  /** The phone number to add, as the platform accepts it. */
  number: string;
  /** The agent that will answer calls to the number. */
  agentId: string;
  /** A human label for the number. */
  label?: string | undefined;
}

/** Patch of `phoneNumbers.update`: an omitted field is kept; `null` clears it. */
export interface UpdatePhoneNumberInput {
  /** The agent to link; `null` unlinks the current agent. */
  agentId?: string | null | undefined;
  /** A human label; `null` clears it. */
  label?: string | null | undefined;
  /** The unified status to set, where the platform lets a number's status be changed. */
  status?: PhoneNumberStatus | undefined;
}

/** One person a campaign calls. */
export interface CampaignRecipient {
  /** The number to call: E.164, or national with the client's `defaultCountry`. */
  number: string;
  /** Values the agent's prompt can use for this call (platform "dynamic variables"). */
  variables?: Record<string, string> | undefined;
}

/** Input of `campaigns.create`. */
export interface CreateCampaignInput {
  /** The campaign's name, as the platform shows it. */
  name: string;
  /** The agent that places the calls. */
  agentId: string;
  /** `PhoneNumber.id` of the number the calls come from, on the same platform. */
  fromNumberId: string;
  /** Who to call: one or more. */
  recipients: readonly CampaignRecipient[];
  /** When to start; as soon as possible when omitted. */
  scheduledAt?: Date | undefined;
  /** Calls in flight at once, where the platform takes it. */
  concurrency?: number | undefined;
}

/** The last, optional argument of every operation. */
export interface RequestOptions {
  /** Aborts the request (and any retry still to come). */
  signal?: AbortSignal | undefined;
  /** Time allowed for each attempt, in milliseconds. Overrides the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** How often a failed idempotent request is tried again. Overrides the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /**
   * Headers for this call only, over the client's `headers` (a `User-Agent` here replaces the
   * SDK's). The auth headers cannot be overridden.
   */
  headers?: Record<string, string> | undefined;
}

/** Options of a list call: `RequestOptions` plus how many pages to fetch ahead while iterating. */
export interface ListRequestOptions extends RequestOptions {
  /**
   * While iterating, keep up to this many following pages in flight while the caller works on the
   * current one. 0 (the default) fetches a page only when the previous one is used up.
   */
  prefetch?: number | undefined;
}
