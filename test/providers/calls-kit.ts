import { createClient } from '../../src/index.js';
import type { ListOperation, ProviderDefinition, ProviderKit } from '../../src/provider.js';
import { defineProvider } from '../../src/provider.js';
import type { PageData } from '../../src/core/pages/page.js';

/**
 * The kit a provider's operations receive, built by `createClient` exactly as for the client's own
 * operations (transport, auth, retries, checks), for operations not wired into the client yet.
 */
export function kitOf(provider: ProviderDefinition, options: { apiKey: string; baseUrl?: string; maxRetries?: number; timeoutMs?: number; provider?: unknown }): ProviderKit {
  let captured: ProviderKit | undefined;
  const capturing = defineProvider({
    ...provider,
    operations: (kit) => {
      captured = kit;
      return provider.operations(kit);
    },
  });
  createClient({ ...options, provider: capturing });
  if (captured === undefined) throw new Error('createClient built no kit');
  return captured;
}

/** Every page of a list operation, following its cursor as the client's iteration does. */
export async function allPages<T, Params>(list: ListOperation<T, Params>, params: Params): Promise<PageData<T>[]> {
  const pages: PageData<T>[] = [];
  let cursor: string | null = null;
  do {
    const page: PageData<T> = await list(params, cursor, {});
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 1000);
  return pages;
}
