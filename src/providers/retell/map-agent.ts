import { dateFromMilliseconds, lookupWire } from '../../provider.js';
import type { Agent } from '../../provider.js';
import type { RetellAgentWire, RetellLlmWire } from './calls-wire.js';
import { providerId, type RetellId } from './provider-id.js';
import { promptHolders } from './wire-assumptions.js';

/**
 * A Retell agent in the neutral shape. Its prompt is not on it: `promptRef` names the Retell LLM (or
 * the conversation flow) that holds it, and `llm`, when fetched, fills `prompt` and the model.
 */
export function mapRetellAgent(wire: RetellAgentWire, raw: Record<string, unknown>, llm?: RetellLlmWire): Agent<RetellId> {
  const engine = wire.response_engine;
  const kind = lookupWire(promptHolders, engine?.type);
  const holder = kind === 'llm' ? engine?.llm_id : kind === 'flow' ? engine?.conversation_flow_id : null;
  return {
    provider: providerId,
    id: wire.agent_id,
    name: wire.agent_name ?? null,
    voice: wire.voice_id ? { provider: null, voiceId: wire.voice_id } : null,
    model: llm?.model ? { provider: null, name: llm.model } : null,
    prompt: llm?.general_prompt ?? null,
    promptRef: kind && holder ? { kind, id: holder } : null,
    version: wire.version === null || wire.version === undefined ? null : String(wire.version),
    createdAt: null,
    updatedAt: dateFromMilliseconds(wire.last_modification_timestamp ?? wire.user_modified_timestamp),
    raw,
  };
}
