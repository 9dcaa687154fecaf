import type { Agent } from '../../provider.js';
import { promptKind } from './wire-assumptions.js';
import type { VogentAgentWire } from './call-wire.js';

/**
 * A Vogent agent (as embedded in a dial) -> the neutral `Agent`. The prompt is not on the agent: it
 * lives in the versioned prompt named by `defaultVersionedPromptId` (`promptRef`), whose `aiModelId`
 * is also the model, so `model` is null here. The voice is an id only.
 */
export function mapVogentAgent(wire: VogentAgentWire, raw: Record<string, unknown>): Agent<'vogent'> {
  return {
    provider: 'vogent',
    id: wire.id,
    name: wire.name ?? null,
    voice: wire.defaultVoiceId ? { provider: null, voiceId: wire.defaultVoiceId } : null,
    model: null,
    prompt: null,
    promptRef: wire.defaultVersionedPromptId ? { kind: promptKind, id: wire.defaultVersionedPromptId } : null,
    version: null,
    createdAt: null,
    updatedAt: null,
    raw,
  };
}
