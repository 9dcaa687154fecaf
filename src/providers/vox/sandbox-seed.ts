import { createRandom, daysAfter, momentBetween, seedNow, seedStart, shuffledShares, unique } from '../../provider.js';
import type { Random } from '../../provider.js';
import { voxCallsSeed, type VoxAgentRecord, type VoxCallRecord } from './sandbox-calls-seed.js';

/** vox's agent reference: `{ agent_id, agent_version }`, version `current`, `production` or `v{n}`. */
export interface VoxAgentReferenceWire {
  agent_id: string;
  agent_version: string;
}

/** A vox organization telephone number as the v3 API answers it (timestamps in unix ms). */
export interface VoxPhoneNumberWire {
  id: string;
  number: string;
  provider: 'vox' | 'custom';
  status: 'active' | 'scheduled' | 'cancel_requested' | 'expired';
  start_at: number;
  created_at: number;
  updated_at: number;
  monthly_fee: number;
  address: string | null;
  inbound_trunk_id: string | null;
  outbound_trunk_id: string | null;
  inbound_agent: VoxAgentReferenceWire | null;
  outbound_agent: VoxAgentReferenceWire | null;
  memo: string | null;
  end_at: number | null;
  cancel_requested_at: number | null;
}

/** A vox v3 campaign. */
export interface VoxCampaignWire {
  id: string;
  name: string;
  status: 'draft' | 'pending' | 'ongoing' | 'paused' | 'success' | 'fail' | 'canceled';
  agent: VoxAgentReferenceWire;
  from_number: string;
  total_calls: number;
  completed_calls: number;
  failed_calls: number;
  concurrency: number;
  active_concurrency: number;
  created_at: number;
  presentation_number: string | null;
  scheduled_at: number;
  finished_at: number | null;
  paused_at: number | null;
  paused_by: 'user' | 'system' | null;
  call_time_window: {
    windows: { start_min: number; end_min: number; days: string[] }[];
    timezone: string;
    auto_resume: boolean;
  } | null;
}

export interface VoxSeed {
  phoneNumbers: VoxPhoneNumberWire[];
  campaigns: VoxCampaignWire[];
  /** The agents the numbers and campaigns name. */
  agents: VoxAgentRecord[];
  /** Calls in every status and end-reason family; most belong to a started campaign. */
  calls: VoxCallRecord[];
}

const memos = ['고객센터 대표번호', '영업팀', '예약 안내', '배송 문의', '야간 상담', '이벤트 응모', '테스트 번호', '본사 교환'];
const campaignNames = ['정기 결제 안내', '배송 지연 안내', '고객 만족도 설문', '예약 확인 전화', '미납 요금 안내', '신규 가입 환영', '이벤트 당첨 안내'];
const versions = ['current', 'production', 'v2', 'v5', 'v12'];

/** A domestic Korean number as vox writes it: digits only, no hyphens. */
function koreanNumber(random: Random, provider: 'vox' | 'custom'): string {
  if (provider === 'vox') return random.chance(0.6) ? `070${random.digits(8)}` : `02${random.integer(2, 9)}${random.digits(7)}`;
  const kind = random.integer(0, 3);
  if (kind === 0) return `010${random.integer(2, 9)}${random.digits(7)}`;
  if (kind === 1) return `1588${random.digits(4)}`;
  if (kind === 2) return `031${random.integer(2, 9)}${random.digits(6)}`;
  return `02${random.integer(2, 9)}${random.digits(7)}`;
}

function agentReference(random: Random, agents: readonly string[]): VoxAgentReferenceWire {
  return { agent_id: random.pick(agents), agent_version: random.pick(versions) };
}

function phoneNumbers(random: Random, agents: readonly string[]): VoxPhoneNumberWire[] {
  const statuses = shuffledShares(random, [
    ['active', 150],
    ['scheduled', 25],
    ['cancel_requested', 25],
    ['expired', 30],
  ] as const);
  const providers = statuses.map((): 'vox' | 'custom' => (random.chance(0.7) ? 'vox' : 'custom'));
  const taken = new Set<string>();
  return statuses.map((status, index) => {
    const provider = providers[index]!;
    const number = unique(taken, () => koreanNumber(random, provider));
    const createdAt = momentBetween(random, seedStart, seedNow - 20 * 86_400_000);
    const startAt = status === 'scheduled' ? daysAfter(random, seedNow, 1, 30) : daysAfter(random, createdAt, 0, 2);
    const cancelRequestedAt = status === 'cancel_requested' || status === 'expired' ? daysAfter(random, startAt, 1, 120) : null;
    const endAt =
      status === 'cancel_requested' ? daysAfter(random, seedNow, 1, 30) : status === 'expired' ? Math.min(daysAfter(random, cancelRequestedAt!, 1, 30), seedNow) : null;
    const inService = status !== 'expired';
    return {
      id: random.uuid(),
      number,
      provider,
      status,
      start_at: startAt,
      created_at: createdAt,
      updated_at: status === 'expired' ? endAt! : Math.max(createdAt, cancelRequestedAt ?? daysAfter(random, createdAt, 0, 15)),
      monthly_fee: provider === 'vox' ? random.pick([3300, 5500, 11000]) : 0,
      address: provider === 'custom' ? `sip:${number}@pbx${random.integer(1, 4)}.example.co.kr` : null,
      inbound_trunk_id: inService ? `ST_${random.hex(12)}` : null,
      outbound_trunk_id: inService ? `ST_${random.hex(12)}` : null,
      inbound_agent: inService && random.chance(0.75) ? agentReference(random, agents) : null,
      outbound_agent: inService && random.chance(0.45) ? agentReference(random, agents) : null,
      memo: random.chance(0.6) ? random.pick(memos) : null,
      end_at: endAt,
      cancel_requested_at: cancelRequestedAt,
    };
  });
}

function campaign(random: Random, status: VoxCampaignWire['status'], agents: readonly string[], fromNumbers: readonly string[], index: number): VoxCampaignWire {
  const createdAt = momentBetween(random, seedStart, seedNow - 10 * 86_400_000);
  const started = status !== 'draft' && status !== 'pending';
  const finished = status === 'success' || status === 'fail' || status === 'canceled';
  const totalCalls = random.integer(40, 2_000);
  const done = finished ? (status === 'canceled' ? random.integer(0, totalCalls) : totalCalls) : started ? random.integer(1, totalCalls - 1) : 0;
  const failed = status === 'fail' ? random.integer(Math.ceil(done / 2), done) : Math.floor(done * random.next() * 0.2);
  const concurrency = random.pick([1, 5, 10, 20, 50]);
  const scheduledAt = status === 'draft' ? daysAfter(random, seedNow, 1, 20) : daysAfter(random, createdAt, 0, 3);
  const paused = status === 'paused';
  return {
    id: random.uuid(),
    name: `${campaignNames[index % campaignNames.length]} ${index + 1}차`,
    status,
    agent: agentReference(random, agents),
    from_number: random.pick(fromNumbers),
    total_calls: totalCalls,
    completed_calls: done - failed,
    failed_calls: failed,
    concurrency,
    active_concurrency: status === 'ongoing' ? random.integer(1, concurrency) : 0,
    created_at: createdAt,
    presentation_number: random.chance(0.4) ? `1588${random.digits(4)}` : null,
    scheduled_at: scheduledAt,
    finished_at: finished ? daysAfter(random, scheduledAt, 0, 5) : null,
    paused_at: paused ? daysAfter(random, scheduledAt, 0, 2) : null,
    paused_by: paused ? random.pick(['user', 'system'] as const) : null,
    call_time_window: random.chance(0.7)
      ? {
          windows: [{ start_min: 540, end_min: random.pick([1080, 1200]), days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] }],
          timezone: 'Asia/Seoul',
          auto_resume: random.chance(0.5),
        }
      : null,
  };
}

/** 230 numbers in every status and both providers, and two campaigns in each of the 7 statuses. */
export function voxSeed(): VoxSeed {
  const random = createRandom(0x766f78);
  const agents = Array.from({ length: 8 }, () => random.uuid());
  const numbers = phoneNumbers(random, agents);
  const fromNumbers = numbers.filter((item) => item.status === 'active' && item.provider === 'vox').map((item) => item.number);
  const statuses: VoxCampaignWire['status'][] = ['draft', 'pending', 'ongoing', 'paused', 'success', 'fail', 'canceled'];
  const campaigns = [...statuses, ...statuses].map((status, index) => campaign(random, status, agents, fromNumbers, index));
  return { phoneNumbers: numbers, campaigns, ...voxCallsSeed(agents, numbers, campaigns) };
}
