import * as z from 'zod/mini';
import type { Agent, Call } from '../../src/index.js';
import { cursorPages, defineProvider, lazy, providerContractVersion, type ProviderKit } from '../../src/provider.js';

// Platforms of the neutral contract for the hub's tests of calls and agents: alpha and beta list
// calls at /calls and agents at /agents (an opaque cursor, a 401 when their key is refused), gamma
// offers nothing. Defined through the public provider contract only.

/** A call or agent as the fake platforms send it. */
export interface WireCall {
  id: string;
  started: string | null;
  created: string;
}

const page = z.object({
  items: z.array(z.object({ id: z.string(), started: z.nullable(z.string()), created: z.string() })),
  next: z.nullable(z.string()),
});

function callOf(provider: string, wire: WireCall, raw: Record<string, unknown>): Call {
  return {
    provider,
    id: wire.id,
    direction: 'outbound',
    status: { unified: 'completed', raw: 'ended' },
    endReason: null,
    agentId: null,
    campaignId: null,
    phoneNumberId: null,
    from: null,
    to: null,
    customerE164: null,
    createdAt: new Date(wire.created),
    startedAt: wire.started === null ? null : new Date(wire.started),
    endedAt: null,
    durationSeconds: null,
    cost: null,
    recording: null,
    transcript: null,
    summary: null,
    variables: null,
    raw,
  };
}

function agentOf(provider: string, wire: WireCall, raw: Record<string, unknown>): Agent {
  return { provider, id: wire.id, name: null, voice: null, model: null, prompt: null, promptRef: null, version: null, createdAt: null, updatedAt: null, raw };
}

/** A platform that lists calls at /calls and agents at /agents, by an opaque cursor. */
export function listingPlatform(id: string) {
  const listOf = <T>(kit: ProviderKit, path: string, operation: string, map: (wire: WireCall, raw: Record<string, unknown>) => T) =>
    cursorPages(kit, {
      operation,
      expect: { schema: lazy(() => page), what: `a page of ${path}` },
      items: (body: z.infer<typeof page>) => body.items,
      map,
      request: (_params: unknown, cursor: string | null) => ({ method: 'GET' as const, path: `/${path}`, query: { cursor } }),
      next: (body) => ({ cursor: body.next, totalCount: null }),
    });
  return defineProvider({
    specificationVersion: providerContractVersion,
    id,
    defaultBaseUrl: `https://${id}.test`,
    environmentPrefix: id.toUpperCase(),
    authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
    errorDetail: (body) => (body as { message?: string } | null)?.message ?? null,
    operations: (kit) => ({
      calls: { list: listOf(kit, 'calls', 'calls.list', (wire, raw) => callOf(id, wire, raw)) },
      agents: { list: listOf(kit, 'agents', 'agents.list', (wire, raw) => agentOf(id, wire, raw)) },
    }),
  });
}

/** A platform that offers no operation at all. */
export const gamma = defineProvider({
  specificationVersion: providerContractVersion,
  id: 'gamma',
  defaultBaseUrl: 'https://gamma.test',
  environmentPrefix: 'GAMMA',
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  errorDetail: () => null,
  operations: () => ({}),
});
