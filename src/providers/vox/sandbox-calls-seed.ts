import { createRandom, momentBetween, seedNow, seedStart } from '../../provider.js';
import type { Random } from '../../provider.js';
import type { VoxCampaignWire, VoxPhoneNumberWire } from './sandbox-seed.js';

/** A vox v3 call as the double stores it (the list leaves `transcript` out). */
export interface VoxCallRecord {
  id: string;
  agent: { agent_id: string; agent_version: string } | null;
  call_type: 'outbound' | 'inbound' | 'web' | 'api';
  status: 'queued' | 'ongoing' | 'ended' | 'error' | 'canceled' | 'not_connected';
  from_number: string | null;
  to_number: string | null;
  presentation_number: string | null;
  disconnection_reason: string | null;
  start_at: number | null;
  end_at: number | null;
  recording_url: string | null;
  metadata: Record<string, unknown> | null;
  dynamic_variables: Record<string, unknown> | null;
  call_analysis: { summary: string | null; user_sentiment: string | null; custom_analysis_data: unknown[] } | null;
  call_cost: { total_cost: string } | null;
  transcript: { role: string; content: string; start_at: number; end_at: number }[];
  /** The double's own: the campaign that placed the call (vox's call object does not name it). */
  campaign_id?: string | null;
  /** The double's own: when a created call was accepted, so its status can move on the double's clock. */
  created_by_api_at?: number;
}

/** A vox v3 agent as `GET /v3/agents/{id}` answers it (the list answers the summary fields). */
export interface VoxAgentRecord {
  agent_id: string;
  name: string;
  type: 'single_prompt' | 'flow';
  created_at: number;
  updated_at: number;
  production_version: number;
  data: {
    prompt: { prompt: string; firstLine: string };
    llm: { model: string };
    voice: { id: string; provider: string; model: string; language: string; speed: number };
    callSettings: { callTimeoutInSeconds: number; silenceCallTimeoutInSeconds: number };
  };
  flow_data: Record<string, unknown> | null;
}

/** Every end of a call the double seeds: each status and end-reason family. */
const ends: ReadonlyArray<readonly [VoxCallRecord['status'], string | null]> = [
  ['ended', 'user_hangup'],
  ['ended', 'agent_hangup'],
  ['ended', 'call_transfer'],
  ['ended', 'voicemail_reached'],
  ['ended', 'dial_no_answer'],
  ['ended', 'dial_busy'],
  ['ended', 'dial_declined'],
  ['ended', 'dial_failed'],
  ['ended', 'max_duration_reached'],
  ['ended', 'inactivity'],
  ['ended', 'concurrency_limit_reached'],
  ['ended', 'insufficient_balance'],
  ['error', 'error_voxai'],
  ['not_connected', 'dial_no_answer'],
  ['canceled', null],
  ['queued', null],
  ['ongoing', null],
];

const agentNames = ['예약 안내 봇', '배송 문의 봇', '설문 봇', '결제 안내 봇', '상담 연결 봇', '이벤트 봇', '야간 응대 봇', '테스트 봇'];

function transcriptOf(random: Random, start: number, connected: boolean): VoxCallRecord['transcript'] {
  if (!connected) return [];
  const lines = ['안녕하세요, 고객센터입니다.', '네, 안녕하세요.', '예약 확인 차 연락드렸습니다.', '네 맞아요.', '감사합니다. 좋은 하루 되세요.'];
  let at = start + 500;
  return lines.map((content, index) => {
    const length = random.integer(800, 3000);
    const turn = { role: index % 2 === 0 ? 'agent' : 'user', content, start_at: at, end_at: at + length };
    at += length + random.integer(200, 900);
    return turn;
  });
}

/** The seeded agents (ids as the numbers and campaigns name them) and calls: each end family, campaigns' calls among them. */
export function voxCallsSeed(agentIds: readonly string[], numbers: readonly VoxPhoneNumberWire[], campaigns: readonly VoxCampaignWire[]) {
  const random = createRandom(0x63616c6c);
  const agents: VoxAgentRecord[] = agentIds.map((agentId, index) => {
    const created = momentBetween(random, seedStart, seedNow - 30 * 86_400_000);
    return {
      agent_id: agentId,
      name: agentNames[index % agentNames.length]!,
      type: index === agentIds.length - 1 ? 'flow' : 'single_prompt',
      created_at: created,
      updated_at: momentBetween(random, created, seedNow),
      production_version: random.integer(1, 12),
      data: {
        prompt: { prompt: index === agentIds.length - 1 ? '' : `당신은 ${agentNames[index % agentNames.length]}입니다. 정중하게 안내하세요.`, firstLine: '안녕하세요.' },
        llm: { model: random.pick(['gpt-4.1', 'gpt-4o-mini', 'claude-sonnet-4']) },
        voice: { id: `voice-${random.hex(6)}`, provider: random.pick(['elevenlabs', 'supertone']), model: 'default', language: 'ko', speed: 1 },
        callSettings: { callTimeoutInSeconds: 900, silenceCallTimeoutInSeconds: 30 },
      },
      flow_data: index === agentIds.length - 1 ? { nodes: [], edges: [] } : null,
    };
  });
  const fromNumbers = numbers.filter((number) => number.status === 'active').map((number) => number.number);
  const calls: VoxCallRecord[] = [];
  // Three rounds over every end; the started campaigns' calls among them, each from its campaign's number and agent.
  const started = campaigns.filter((campaign) => campaign.status !== 'draft' && campaign.status !== 'pending');
  for (let round = 0; round < 3; round++) {
    for (const [status, reason] of ends) {
      const campaign = round === 0 ? null : random.pick(started);
      const start = momentBetween(random, seedNow - 60 * 86_400_000, seedNow);
      const connected = status === 'ended' && !reason!.startsWith('dial_') && reason !== 'concurrency_limit_reached' && reason !== 'insufficient_balance';
      const over = status !== 'queued' && status !== 'ongoing';
      const inbound = round === 0 && random.chance(0.3);
      const customer = `010${random.integer(2, 9)}${random.digits(7)}`;
      const ours = campaign?.from_number ?? random.pick(fromNumbers);
      calls.push({
        id: random.uuid(),
        agent: campaign ? campaign.agent : { agent_id: random.pick(agentIds), agent_version: 'production' },
        call_type: inbound ? 'inbound' : 'outbound',
        status,
        from_number: inbound ? customer : ours,
        to_number: inbound ? ours : customer,
        presentation_number: null,
        disconnection_reason: reason,
        start_at: status === 'queued' ? null : start,
        end_at: over && status !== 'canceled' ? start + (connected ? random.integer(20, 600) * 1000 : random.integer(5, 40) * 1000) : null,
        recording_url: connected ? `https://storage.tryvox.co/recordings/${random.hex(16)}.wav` : null,
        metadata: null,
        dynamic_variables: { customer_name: random.pick(['김민수', '이서연', '박지훈']) },
        call_analysis: over ? { summary: connected ? '예약을 확인했습니다.' : null, user_sentiment: null, custom_analysis_data: [] } : null,
        call_cost: over ? { total_cost: (random.integer(0, 900) / 10).toFixed(1) } : null,
        transcript: transcriptOf(random, start, connected),
        campaign_id: campaign?.id ?? null,
      });
    }
  }
  return { agents, calls };
}
