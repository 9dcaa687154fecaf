import { dateFromMilliseconds } from '../../provider.js';
import type { Agent } from '../../provider.js';
import type { VoxAgentWire } from './call-wire.js';

/**
 * A vox v3 agent (a list summary, or the get with `data`) -> the neutral `Agent`. The prompt lives on
 * the agent (`data.prompt.prompt`), so `promptRef` is always null; a `flow` agent's behaviour is in
 * `flow_data` and its prompt may be empty, which maps to `null`.
 */
export function mapVoxAgent(wire: VoxAgentWire, raw: Record<string, unknown>): Agent<'vox'> {
  const data = wire.data;
  const prompt = data?.prompt?.prompt;
  const version = wire.version ?? wire.production_version;
  return {
    provider: 'vox',
    id: wire.agent_id,
    name: wire.name ?? null,
    voice: data?.voice ? { provider: data.voice.provider ?? null, voiceId: data.voice.id ?? null } : null,
    model: data?.llm ? { provider: null, name: data.llm.model ?? null } : null,
    prompt: typeof prompt === 'string' && prompt !== '' ? prompt : null,
    promptRef: null,
    version: version === null || version === undefined ? null : String(version),
    createdAt: dateFromMilliseconds(wire.created_at),
    updatedAt: dateFromMilliseconds(wire.updated_at),
    raw,
  };
}
