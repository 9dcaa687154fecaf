import { createRandom, e164, isoSeconds, momentBetween, seedNow } from '../../provider.js';
import type { Random } from '../../provider.js';
import type { VogentBatchDialJobWire, VogentPhoneNumberWire } from './sandbox-seed.js';

/** A Vogent agent, as a dial embeds it (`GET /agents` is second-hand, so the double serves no agent route). */
export interface VogentAgentRecord {
  id: string;
  name: string;
  language: string;
  metadata: Record<string, unknown>;
  defaultVoiceId: string;
  defaultVersionedPromptId: string;
  defaultExtractorId: string | null;
  maxDurationSeconds: number;
}

/** One transcript item of a dial, as `GET /dials/{id}` answers it. */
export interface VogentTranscriptItem {
  text: string;
  speaker: 'AI' | 'HUMAN';
  detailType: 'function' | null;
  functionCallId: string | null;
  startTimeMs: number;
  endTimeMs: number;
  functionCalls: unknown[];
  nodeTransition: null;
}

/** A Vogent dial as the double stores it; `agent` is embedded when it is served. */
export interface VogentDialRecord {
  id: string;
  toNumber: string;
  fromNumberId: string;
  dialTaskId: string;
  status: 'queued' | 'ringing' | 'in-progress' | 'completed' | 'failed' | 'canceled' | 'busy' | 'no-answer';
  systemResultType: string | null;
  startedAt: string | null;
  endedAt: string | null;
  createdAt: string;
  updatedAt: string;
  durationSeconds: number | null;
  recordings: { url: string }[];
  transcript: VogentTranscriptItem[];
  aiResult: Record<string, unknown> | null;
  inputs: Record<string, string> | null;
  voiceId: string;
  versionedPromptId: string;
  /** The double's own: the agent the dial runs (served as the embedded `agent` object). */
  callAgentId: string;
  /** The double's own: the batch dial job that placed the dial, null for a dial placed with `POST /dials`. */
  batchDialJobId: string | null;
  /** The double's own: when a created dial was accepted, so its status can move on the double's clock. */
  createdByApiAt?: number;
}

/** Every end of a dial the double seeds: each status, and `systemResultType` where Vogent reports one. */
const ends: ReadonlyArray<readonly [VogentDialRecord['status'], string | null]> = [
  ['completed', null],
  ['completed', 'VOICEMAIL'],
  ['completed', 'BUSY'],
  ['busy', 'BUSY'],
  ['no-answer', null],
  ['failed', null],
  ['canceled', null],
  ['queued', null],
  ['ringing', null],
  ['in-progress', null],
];
const finished: ReadonlySet<string> = new Set(['completed', 'failed', 'canceled', 'busy', 'no-answer']);

const agentNames = ['Appointment Reminder', 'Lead Qualifier', 'Renewal Agent', 'Survey Caller', 'Collections', 'Front Desk'];
const lines = ['Hi, this is Sam calling from Brightside Dental.', 'Oh hi, yes.', 'I am calling to confirm your appointment on Thursday.', 'Yes, that works.', 'Great, see you then.'];

/** The dial statuses whose dials are over (a job lists only those, documented as "completed dials"). */
export function isFinishedDial(status: string): boolean {
  return finished.has(status);
}

function transcriptOf(random: Random): VogentTranscriptItem[] {
  let at = 400;
  const turns: VogentTranscriptItem[] = lines.map((text, index) => {
    const length = random.integer(900, 3200);
    const item: VogentTranscriptItem = {
      text,
      speaker: index % 2 === 0 ? 'AI' : 'HUMAN',
      detailType: null,
      functionCallId: null,
      startTimeMs: at,
      endTimeMs: at + length,
      functionCalls: [],
      nodeTransition: null,
    };
    at += length + random.integer(200, 800);
    return item;
  });
  // A function result, as Vogent records it between turns.
  turns.splice(3, 0, { text: '{"confirmed":true}', speaker: 'AI', detailType: 'function', functionCallId: `fc_${random.hex(10)}`, startTimeMs: at, endTimeMs: at, functionCalls: [], nodeTransition: null });
  return turns;
}

/** A dial in one status; `moment` is when it was placed. */
export function vogentDial(
  random: Random,
  [status, result]: readonly [VogentDialRecord['status'], string | null],
  agent: VogentAgentRecord,
  fromNumberId: string,
  jobId: string | null,
  moment: number,
): VogentDialRecord {
  const ringing = status !== 'queued' && status !== 'canceled';
  const connected = status === 'completed' && result !== 'BUSY' || status === 'in-progress';
  const start = moment + random.integer(2, 30) * 1000;
  const duration = connected ? random.integer(20, 400) : random.integer(5, 40);
  const over = finished.has(status) && status !== 'canceled';
  return {
    id: random.uuid(),
    toNumber: e164(random, 'US'),
    fromNumberId,
    dialTaskId: random.uuid(),
    status,
    systemResultType: result,
    startedAt: ringing ? isoSeconds(start) : null,
    endedAt: over ? isoSeconds(start + duration * 1000) : null,
    createdAt: isoSeconds(moment),
    updatedAt: isoSeconds(over ? start + duration * 1000 : moment),
    durationSeconds: over ? duration : null,
    recordings: connected && over ? [{ url: `https://api.vogent.ai/api/recordings/${random.uuid()}.mp3` }] : [],
    transcript: connected && over && result === null ? transcriptOf(random) : [],
    aiResult: connected && over ? { appointmentConfirmed: random.chance(0.7) } : null,
    inputs: { firstName: random.pick(['Ada', 'Grace', 'Alan', 'Linus']) },
    voiceId: agent.defaultVoiceId,
    versionedPromptId: agent.defaultVersionedPromptId,
    callAgentId: agent.id,
    batchDialJobId: jobId,
  };
}

/**
 * The agents the numbers and jobs name, and dials in every status: two per end for each job that
 * has started (its agent, from its numbers), and one per end placed directly. Drawn from a generator
 * of their own, so the numbers and jobs stay as they were.
 */
export function vogentCallsSeed(agentIds: readonly string[], numbers: readonly VogentPhoneNumberWire[], jobs: readonly VogentBatchDialJobWire[]) {
  const random = createRandom(0x646961);
  const agents: VogentAgentRecord[] = agentIds.map((id, index) => ({
    id,
    name: agentNames[index % agentNames.length]!,
    language: 'en',
    metadata: {},
    defaultVoiceId: random.uuid(),
    defaultVersionedPromptId: random.uuid(),
    defaultExtractorId: random.chance(0.5) ? random.uuid() : null,
    maxDurationSeconds: 10800,
  }));
  const agentOf = (id: string) => agents.find((agent) => agent.id === id)!;
  const pstnIds = numbers.filter((item) => item.type === 'PSTN').map((item) => item.id);
  const dials: VogentDialRecord[] = [];
  for (const end of ends) dials.push(vogentDial(random, end, random.pick(agents), random.pick(pstnIds), null, momentBetween(random, seedNow - 30 * 86_400_000, seedNow)));
  for (const job of jobs.filter((item) => item.status !== 'INIT')) {
    const from = job.fromPhoneNumberIds.length > 0 ? job.fromPhoneNumberIds : pstnIds;
    // A finished job has no dial still under way.
    const jobEnds = job.status === 'COMPLETE' || job.status === 'CANCELLED' ? ends.filter(([status]) => finished.has(status)) : ends;
    for (const end of [...jobEnds, ...jobEnds]) {
      const moment = momentBetween(random, Date.parse(job.createdAt), seedNow);
      dials.push(vogentDial(random, end, agentOf(job.callAgentId), random.pick(from), job.id, moment));
    }
  }
  return { agents, dials };
}
