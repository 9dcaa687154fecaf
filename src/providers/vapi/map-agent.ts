import { dateFromIso } from '../../provider.js';
import type { Agent } from '../../provider.js';
import type { VapiAssistantWire } from './calls-wire.js';
import { promptSeparator, providerId, type VapiId } from './wire-assumptions.js';

/** A Vapi assistant in the neutral shape; its prompt is on it (the model's system messages). */
export function mapVapiAgent(wire: VapiAssistantWire, raw: Record<string, unknown>): Agent<VapiId> {
  const model = wire.model;
  const system = (model?.messages ?? [])
    .filter((message) => message.role === 'system' && typeof message.content === 'string')
    .map((message) => message.content as string);
  return {
    provider: providerId,
    id: wire.id,
    name: wire.name ?? null,
    voice: wire.voice ? { provider: wire.voice.provider ?? null, voiceId: wire.voice.voiceId ?? null } : null,
    model: model ? { provider: model.provider ?? null, name: model.model ?? null } : null,
    prompt: system.length > 0 ? system.join(promptSeparator) : null,
    promptRef: null,
    version: wire.latestVersion ?? null,
    createdAt: dateFromIso(wire.createdAt),
    updatedAt: dateFromIso(wire.updatedAt),
    raw,
  };
}
