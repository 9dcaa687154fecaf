import { loadE164Formatter } from '../kit/e164.js';
import { parseWire } from '../kit/validate.js';
import type { Expectation, ProviderKit } from '../provider-contract.js';
import type { Transport } from '../transport/transport.js';
import type { RequestOptions } from '../types.js';
import type { ResolvedOptions } from './resolve-options.js';

/**
 * Where the request options a provider's operation receives carry the operation's name, so that a
 * body the kit finds unusable is logged under it ("vox campaigns.get failed: ..."). A symbol: no
 * caller can set it, and it never reaches the wire.
 */
const operationKey = Symbol('voiceplane.operation');

/** The request options of one call of `operation`. */
export function forOperation<Options extends RequestOptions>(options: Options, operation: string): Options {
  return Object.assign({}, options, { [operationKey]: operation });
}

/**
 * The kit a provider's operations are built over: requests go through the client's one transport,
 * and an answer is checked against the expected shape right there, so a body that does not match
 * is logged once, as the transport logs its own failures, and no adapter parses by hand.
 */
export function createProviderKit(transport: Transport, resolved: ResolvedOptions): ProviderKit {
  const provider = resolved.provider;
  const country = resolved.defaultCountry;
  return {
    provider,
    options: resolved.providerOptions,
    defaultCountry: country,
    e164Formatter: () => loadE164Formatter(country),
    send: (request, options) => transport.request(request, options),
    async request<Value>(
      request: Parameters<Transport['request']>[0],
      options: Parameters<Transport['request']>[1],
      expect: Expectation<Value> | ((body: unknown) => Expectation<Value>),
    ) {
      const response = await transport.request(request, options);
      const expectation = typeof expect === 'function' ? expect(response.data) : expect;
      try {
        const raw = expectation.select ? expectation.select(response.data) : response.data;
        const value = parseWire(expectation.schema(), raw, provider, expectation.what);
        return { value, raw, response };
      } catch (error) {
        const operation = (options as { [operationKey]?: string })[operationKey] ?? `${request.method} ${request.path}`;
        transport.logUnusable(operation, error as never);
        throw error;
      }
    },
  };
}
