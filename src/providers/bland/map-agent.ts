import { dateFromIso } from '../../provider.js';
import type { Agent } from '../../provider.js';
import { promptKind } from './wire-assumptions.js';
import type { BlandPathwayWire } from './call-wire.js';

/**
 * A Bland pathway -> the neutral `Agent` (a pathway is what a Bland number or call runs). `id` is the
 * id it was asked by where the answer carries none. The prompt: the start node's `globalPrompt`, else
 * another node's, else null; `promptRef` names the pathway, whose nodes hold the prompts. Voice and
 * model are not pathway fields.
 */
export function mapBlandPathway(wire: BlandPathwayWire, raw: Record<string, unknown>, id: string): Agent<'bland'> {
  const nodes = wire.nodes ?? [];
  const start = nodes.find((node) => node.data?.isStart === true);
  const prompt = start?.data?.globalPrompt || nodes.find((node) => node.data?.globalPrompt)?.data?.globalPrompt || null;
  return {
    provider: 'bland',
    id,
    name: wire.name ?? null,
    voice: null,
    model: null,
    prompt,
    promptRef: { kind: promptKind, id },
    version: wire.version_number === null || wire.version_number === undefined ? null : String(wire.version_number),
    createdAt: dateFromIso(wire.created_at),
    updatedAt: dateFromIso(wire.updated_at),
    raw,
  };
}
