import type { CallStatus } from '../call-types.js';
import type { CampaignStatus, PhoneNumberStatus } from '../types.js';

// The unified statuses a filter or an update may name: `unknown` is a reading, never a request.
// One list for the client's checks and the command line's, so that both accept the same words.

export const phoneNumberStatuses = ['active', 'pending', 'canceling', 'inactive'] as const satisfies readonly Exclude<
  PhoneNumberStatus,
  'unknown'
>[];

export const campaignStatuses = [
  'draft',
  'scheduled',
  'pending',
  'running',
  'paused',
  'completed',
  'failed',
  'canceled',
] as const satisfies readonly Exclude<CampaignStatus, 'unknown'>[];

export const callStatuses = [
  'scheduled',
  'queued',
  'ringing',
  'in_progress',
  'completed',
  'not_connected',
  'failed',
  'canceled',
] as const satisfies readonly Exclude<CallStatus, 'unknown'>[];
