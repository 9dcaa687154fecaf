import { createProviderKit } from '../../src/core/client/provider-kit.js';
import { resolveOptions } from '../../src/core/client/resolve-options.js';
import { fetchChainPage, type PageData } from '../../src/core/pages/page.js';
import { PagePromise } from '../../src/core/pages/page-promise.js';
import type { ListOperation, ProviderDefinition, ProviderKit } from '../../src/core/contract/provider-contract.js';
import { Transport } from '../../src/core/transport/transport.js';
import type { HttpRequest } from '../../src/core/transport/types.js';
import type { RequestOptions } from '../../src/core/types.js';

/**
 * A provider's kit built exactly as `createClient` builds it (resolved options, the one transport
 * with the definition's auth, error reader and "not found" reading), for operations not yet wired
 * into the client. `sent` records every request the operations hand to the kit, flags included.
 */
export function kitFor(
  definition: ProviderDefinition<string>,
  options: Record<string, unknown>,
): { kit: ProviderKit; sent: HttpRequest[] } {
  const resolved = resolveOptions(definition, { provider: definition.id, ...options });
  const transport = new Transport({
    ...resolved,
    authHeaders: (key) => definition.authHeaders(key, resolved.providerOptions),
    errorDetail: (body) => definition.errorDetail(body),
    reportedFailure: definition.reportedFailure,
    concurrencyLimit: definition.concurrencyLimit ? (body) => definition.concurrencyLimit!(body) : undefined,
    notFound: definition.notFound ? (status, body) => definition.notFound!(status, body) : undefined,
  });
  const inner = createProviderKit(transport, resolved);
  const sent: HttpRequest[] = [];
  const kit: ProviderKit = {
    ...inner,
    request: (request, requestOptions, expect) => (sent.push(request), inner.request(request, requestOptions, expect)),
    send: (request, requestOptions) => (sent.push(request), inner.send(request, requestOptions)),
  };
  return { kit, sent };
}

/** A list operation as the client serves it: awaitable for the first page, iterable over every item, loop guard included. */
export function listWith<T, Params>(
  provider: string,
  operation: ListOperation<T, Params>,
  params: Params,
  request: RequestOptions = {},
): PagePromise<T> {
  const cursor = (params as { cursor?: string }).cursor ?? null;
  return new PagePromise<T>(() =>
    fetchChainPage(
      { provider, prefetch: 0, fetchPage: (next): Promise<PageData<T>> => operation(params, next, request) },
      cursor,
      0,
    ),
  );
}
