import type { Agent } from '../../provider.js';
import { providerId, type ElevenLabsId } from './provider-id.js';
import type { ElevenLabsAgentSummaryWire, ElevenLabsAgentWire } from './wire-calls.js';
import { dateFromUnixSeconds } from './wire-assumptions.js';

/** ElevenLabs speaks with its own voices: the voice provider is always ElevenLabs. */
const voiceProvider = 'elevenlabs';

/**
 * Maps an agent as `GET /v1/convai/agents/{id}` answers it: the prompt and model live in
 * `conversation_config.agent.prompt`, the voice in `conversation_config.tts`.
 */
export function mapElevenLabsAgent(wire: ElevenLabsAgentWire, raw: Record<string, unknown>): Agent<ElevenLabsId> {
  const config = wire.conversation_config ?? {};
  const prompt = config.agent?.prompt ?? null;
  const voiceId = config.tts?.voice_id ?? null;
  const llm = prompt?.llm ?? null;
  return {
    provider: providerId,
    id: wire.agent_id,
    name: wire.name ?? null,
    voice: voiceId === null ? null : { provider: voiceProvider, voiceId },
    // ElevenLabs names the model only (`gpt-4o-mini`, `gemini-2.0-flash`, a custom LLM): no provider.
    model: llm === null ? null : { provider: null, name: llm },
    prompt: prompt?.prompt ?? null,
    promptRef: null,
    version: wire.version_id ?? null,
    createdAt: dateFromUnixSeconds(wire.metadata?.created_at_unix_secs),
    updatedAt: dateFromUnixSeconds(wire.metadata?.updated_at_unix_secs),
    raw,
  };
}

/** Maps an agent list item: name, voice and creation time; the prompt and model need `agents.get`. */
export function mapElevenLabsAgentSummary(wire: ElevenLabsAgentSummaryWire, raw: Record<string, unknown>): Agent<ElevenLabsId> {
  const voiceId = wire.voice_id ?? null;
  return {
    provider: providerId,
    id: wire.agent_id,
    name: wire.name ?? null,
    voice: voiceId === null ? null : { provider: voiceProvider, voiceId },
    model: null,
    prompt: null,
    promptRef: null,
    version: null,
    createdAt: dateFromUnixSeconds(wire.created_at_unix_secs),
    updatedAt: null,
    raw,
  };
}
