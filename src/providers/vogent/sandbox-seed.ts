import { createRandom, e164, isoSeconds, momentBetween, seedNow, seedStart, shuffledShares, unique } from '../../provider.js';
import type { Random } from '../../provider.js';
import { vogentCallsSeed, type VogentAgentRecord, type VogentDialRecord } from './sandbox-calls-seed.js';

/** A Vogent phone number. `type` is left out on the older records, as older responses do. */
export interface VogentPhoneNumberWire {
  id: string;
  number: string;
  type?: 'PSTN' | 'SIP_USERNAME';
  agentId: string | null;
}

/** A Vogent batch dial job (its campaigns); `createdAt` is ISO 8601. */
export interface VogentBatchDialJobWire {
  id: string;
  name: string;
  status: 'INIT' | 'ACTIVE' | 'PAUSED' | 'COMPLETE' | 'CANCELLED';
  callAgentId: string;
  maxConcurrentDials: number;
  createdAt: string;
  fromPhoneNumberIds: string[];
  schedule: {
    days: { dayOfWeek: string; timeSlots: { startTime: string; endTime: string }[] }[];
    timezone: string;
  } | null;
}

export interface VogentSeed {
  phoneNumbers: VogentPhoneNumberWire[];
  batchDialJobs: VogentBatchDialJobWire[];
  /** The agents the numbers, jobs and dials name (embedded in each dial). */
  agents: VogentAgentRecord[];
  /** Dials in every status; most belong to a job that has started. */
  dials: VogentDialRecord[];
}

const sipNames = ['support', 'sales', 'billing', 'frontdesk', 'dispatch', 'afterhours', 'intake', 'outreach', 'renewals'];
const jobNames = ['Appointment reminders', 'Lead follow-up', 'Renewal outreach', 'Survey wave', 'Past-due notices'];
const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

function phoneNumbers(random: Random, agents: readonly string[]): VogentPhoneNumberWire[] {
  const kinds = shuffledShares(random, [
    ['PSTN', 120],
    ['SIP_USERNAME', 45],
    ['untyped', 15],
  ] as const);
  const taken = new Set<string>();
  return kinds.map((kind) => {
    const number =
      kind === 'SIP_USERNAME'
        ? unique(taken, () => `${random.pick(sipNames)}-${random.digits(3)}`)
        : unique(taken, () => e164(random, 'US'));
    const id = random.uuid();
    const agentId = random.chance(0.7) ? random.pick(agents) : null;
    return kind === 'untyped' ? { id, number, agentId } : { id, number, type: kind, agentId };
  });
}

function batchDialJob(
  random: Random,
  status: VogentBatchDialJobWire['status'],
  agents: readonly string[],
  pstnIds: readonly string[],
  index: number,
): VogentBatchDialJobWire {
  const startHour = random.pick(['08', '09', '10']);
  return {
    id: random.uuid(),
    name: `${jobNames[index % jobNames.length]} #${index + 1}`,
    status,
    callAgentId: random.pick(agents),
    maxConcurrentDials: random.pick([1, 5, 10, 25]),
    createdAt: isoSeconds(momentBetween(random, seedStart, seedNow)),
    fromPhoneNumberIds: Array.from({ length: random.integer(1, 3) }, () => random.pick(pstnIds)).filter(
      (id, position, all) => all.indexOf(id) === position,
    ),
    schedule: random.chance(0.8)
      ? {
          days: weekdays.map((dayOfWeek) => ({ dayOfWeek, timeSlots: [{ startTime: `${startHour}:00`, endTime: '17:00' }] })),
          timezone: random.pick(['America/New_York', 'America/Chicago', 'America/Los_Angeles']),
        }
      : null,
  };
}

/** 180 numbers (PSTN, SIP usernames, and older ones without `type`), three batch dial jobs per status, their agents and dials. */
export function vogentSeed(): VogentSeed {
  const random = createRandom(0x766f67);
  const agents = Array.from({ length: 6 }, () => random.uuid());
  const numbers = phoneNumbers(random, agents);
  const pstnIds = numbers.filter((item) => item.type === 'PSTN').map((item) => item.id);
  const statuses: VogentBatchDialJobWire['status'][] = ['INIT', 'ACTIVE', 'PAUSED', 'COMPLETE', 'CANCELLED'];
  const jobs = [...statuses, ...statuses, ...statuses].map((status, index) => batchDialJob(random, status, agents, pstnIds, index));
  // Newest first, as a feed of jobs reads.
  jobs.sort((left, right) => right.createdAt.localeCompare(left.createdAt));
  return { phoneNumbers: numbers, batchDialJobs: jobs, ...vogentCallsSeed(agents, numbers, jobs) };
}
