import { createRandom, e164, momentBetween, seedNow, seedStart } from '../../provider.js';
import type { Random } from '../../provider.js';
import type { BlandBatchWire, BlandNumberWire } from './sandbox-seed.js';

/** A pathway as `GET /v1/pathway/{id}` answers it, plus the `id` the list gives each item. */
export interface BlandPathwayRecord {
  id: string;
  name: string;
  description: string;
  nodes: { id: string; type: string; data: { name: string; text?: string; prompt?: string; globalPrompt?: string; isStart?: boolean } }[];
  edges: { id: string; source: string; target: string; label: string }[];
  created_at: string;
  updated_at: string;
}

/** A call as `GET /v1/calls/{id}` answers it (the list answers a subset of these fields). */
export interface BlandCallRecord {
  call_id: string;
  c_id: string;
  batch_id: string | null;
  pathway_id: string | null;
  to: string;
  from: string;
  inbound: boolean;
  created_at: string;
  started_at: string | null;
  end_at: string | null;
  call_length: number | null;
  max_duration: number;
  queue_status: string;
  completed: boolean;
  status: string;
  answered_by: string | null;
  call_ended_by: string | null;
  error_message: string | null;
  transferred_to: string | null;
  transferred_at: string | null;
  variables: Record<string, unknown>;
  request_data: Record<string, string> | null;
  metadata: Record<string, unknown> | null;
  summary: string | null;
  record: boolean;
  recording_url: string | null;
  price: number | null;
  concatenated_transcript: string;
  transcripts: { id: number; created_at: string; text: string; user: string }[];
  /** The double's own: when a created call was accepted, so its status can move on the double's clock. */
  created_by_api_at?: number;
}

/** One end the double seeds: `[queue_status, completed, answered_by, call_ended_by, error, transferred]`. */
type End = readonly [string, boolean, string | null, string | null, boolean, boolean];

/** Every end family Bland's fields can tell apart (end reasons are derived from four fields). */
const ends: readonly End[] = [
  ['completed', true, 'human', 'USER', false, false],
  ['completed', true, 'human', 'ASSISTANT', false, false],
  ['complete', true, 'human', 'ASSISTANT', false, true],
  ['completed', true, 'voicemail', 'ASSISTANT', false, false],
  ['completed', true, 'no-answer', null, false, false],
  ['completed', true, 'human', null, false, false],
  ['completed', true, null, null, true, false],
  ['call_error', true, null, null, true, false],
  ['queued', false, null, null, false, false],
  ['new', false, null, null, false, false],
  ['started', false, null, null, false, false],
];
const finishedEnds = ends.filter(([, completed]) => completed);
const queuedEnd = ends.find(([status]) => status === 'queued')!;

const pathwayNames = ['Dental front desk', 'Order status', 'Solar qualifier', 'After-hours messages', 'Renewals', 'Survey', 'Payments', 'Lead intake'];
const lines: readonly (readonly [string, string])[] = [
  ['assistant', 'Hi, this is Riley from Brightside Dental. Is this a good time?'],
  ['user', 'Sure, go ahead.'],
  ['agent-action', 'Looked up the appointment.'],
  ['assistant', 'You are booked for Thursday at ten. Does that still work?'],
  ['user', 'Yes, thanks.'],
];

function pathway(random: Random, id: string, index: number): BlandPathwayRecord {
  const created = momentBetween(random, seedStart, seedNow - 60 * 86_400_000);
  const name = pathwayNames[index % pathwayNames.length]!;
  // One pathway without a global prompt: its neutral prompt is then null.
  const globalPrompt = index === 3 ? undefined : `You are the ${name.toLowerCase()} agent. Be brief and polite.`;
  return {
    id,
    name,
    description: `${name} pathway`,
    nodes: [
      { id: '1', type: 'Default', data: { name: 'Start', text: 'Hello, how can I help?', isStart: true, ...(globalPrompt ? { globalPrompt } : {}) } },
      { id: '2', type: 'Default', data: { name: 'Answer', prompt: 'Answer the question from the knowledge base.' } },
      { id: '3', type: 'End Call', data: { name: 'Goodbye', text: 'Thanks for calling, goodbye.' } },
    ],
    edges: [
      { id: 'e1', source: '1', target: '2', label: 'caller has a question' },
      { id: 'e2', source: '2', target: '3', label: 'question answered' },
    ],
    created_at: new Date(created).toISOString(),
    updated_at: new Date(momentBetween(random, created, seedNow)).toISOString(),
  };
}

/** What a call places: the pathway, the caller and callee, and the batch it came from. */
interface Placement {
  pathwayId: string | null;
  from: string;
  to: string;
  inbound: boolean;
  batchId: string | null;
  requestData: Record<string, string> | null;
  record: boolean;
}

/** A call that ended as `end` says, placed at `moment`. */
export function blandCall(random: Random, end: End, placement: Placement, moment: number): BlandCallRecord {
  const [queueStatus, completed, answeredBy, endedBy, failed, transferred] = end;
  const started = queueStatus !== 'queued' && queueStatus !== 'new';
  const connected = completed && answeredBy === 'human' && !failed;
  const startedAt = moment + random.integer(1, 20) * 1000;
  const seconds = !completed ? null : connected ? random.integer(30, 600) : random.integer(3, 45);
  const transcripts = connected
    ? lines.map(([user, text], index) => ({ id: random.integer(1_000_000, 9_999_999), created_at: new Date(startedAt + (index + 1) * 4000).toISOString(), text, user }))
    : [];
  return {
    call_id: random.uuid(),
    c_id: random.uuid(),
    batch_id: placement.batchId,
    pathway_id: placement.pathwayId,
    to: placement.to,
    from: placement.from,
    inbound: placement.inbound,
    created_at: new Date(moment).toISOString(),
    started_at: started ? new Date(startedAt).toISOString() : null,
    // Bland's `end_at` is the max-duration cutoff, not the end.
    end_at: started ? new Date(startedAt + 30 * 60_000).toISOString() : null,
    call_length: seconds === null ? null : Math.round((seconds / 60) * 1e6) / 1e6,
    max_duration: 30,
    queue_status: queueStatus,
    completed,
    status: queueStatus,
    answered_by: answeredBy,
    call_ended_by: endedBy,
    error_message: failed ? random.pick(['Telephony provider error: 503', 'Pathway node failed to respond']) : null,
    transferred_to: transferred ? e164(random, 'US') : null,
    transferred_at: transferred && seconds !== null ? new Date(startedAt + seconds * 1000).toISOString() : null,
    variables: { ...(placement.requestData ?? {}), to: placement.to, from: placement.from },
    request_data: placement.requestData,
    metadata: null,
    summary: connected ? 'The caller confirmed the appointment.' : null,
    record: placement.record,
    recording_url: placement.record && connected ? `https://server.aws.dialpad.com/recordings/${random.hex(24)}.mp3` : null,
    price: completed ? Math.round(((seconds ?? 0) / 60) * 0.09 * 1000) / 1000 : null,
    concatenated_transcript: transcripts.map((turn) => `${turn.user}: ${turn.text}`).join(' \n '),
    transcripts,
  };
}

/**
 * The pathways the numbers and batches name, and calls in every end family: one per end placed
 * alone (some inbound, to a number with a pathway), and one per recipient of every batch. Drawn from
 * a generator of their own, so the numbers and batches stay as they were.
 */
export function blandCallsSeed(pathwayIds: readonly string[], numbers: readonly BlandNumberWire[], batches: readonly BlandBatchWire[]) {
  const random = createRandom(0x63616c);
  const pathways = pathwayIds.map((id, index) => pathway(random, id, index));
  const calls: BlandCallRecord[] = [];
  const routed = numbers.filter((number) => typeof number.pathway_id === 'string');
  for (const end of ends) {
    const inbound = random.chance(0.3);
    const ours = inbound ? random.pick(routed) : random.pick(numbers);
    const customer = e164(random, 'US');
    const placement: Placement = {
      pathwayId: inbound ? ours.pathway_id! : random.pick(pathwayIds),
      from: inbound ? customer : ours.phone_number,
      to: inbound ? ours.phone_number : customer,
      inbound,
      batchId: null,
      requestData: inbound ? null : { first: random.pick(['Ada', 'Grace', 'Alan']) },
      record: ours.record,
    };
    calls.push(blandCall(random, end, placement, momentBetween(random, seedNow - 30 * 86_400_000, seedNow)));
  }
  for (const batch of batches) {
    const global = JSON.parse(batch.base_prompt) as Record<string, unknown>;
    // A batch starts at its `start_time` ("YYYY-MM-DD HH:MM:SS", UTC unless an offset follows) when it has one.
    const startTime = typeof global.start_time === 'string' ? Date.parse(global.start_time.replace(' ', 'T') + (global.start_time.length === 19 ? 'Z' : '')) : Number.NaN;
    const opens = Math.max(Date.parse(batch.created_at), Number.isNaN(startTime) ? 0 : startTime);
    for (const [index, recipient] of batch.call_objects.entries()) {
      const moment = opens + random.integer(60, 3600) * 1000;
      // A batch that has not started yet holds queued calls.
      const end = moment > seedNow ? queuedEnd : finishedEnds[(calls.length + index) % finishedEnds.length]!;
      const placement: Placement = {
        pathwayId: typeof global.pathway_id === 'string' ? global.pathway_id : null,
        from: global.from as string,
        to: recipient.phone_number as string,
        inbound: false,
        batchId: batch.id,
        requestData: (recipient.request_data as Record<string, string> | undefined) ?? null,
        record: global.record === true,
      };
      calls.push(blandCall(random, end, placement, moment));
    }
  }
  calls.sort((left, right) => right.created_at.localeCompare(left.created_at) || left.call_id.localeCompare(right.call_id));
  return { pathways, calls };
}
