import { loadE164Formatter } from '../kit/e164.js';
import { parseWire } from '../kit/validate.js';
import { markUnknownWriteOutcome } from '../kit/write-outcome.js';
import { requestIdOf } from '../transport/request-id-and-error-code.js';
import type { Expectation, ProviderKit } from '../contract/provider-contract.js';
import type { Transport } from '../transport/transport.js';
import type { HttpResponse } from '../transport/types.js';
import type { RequestOptions } from '../types.js';
import type { ResponseRecord } from './api-promise.js';
import type { ResolvedOptions } from './resolve-options.js';

/**
 * Where the request options a provider's operation receives carry the operation's name, so that a
 * body the kit finds unusable is logged under it ("vox campaigns.get failed: ..."). A symbol: no
 * caller can set it, and it never reaches the wire.
 */
const operationKey = Symbol('voiceplane.operation');

/**
 * Where the request options carry the record of the responses one call received, for
 * `withResponse()` and `Page.requestId`. A symbol too: adapters pass the options through untouched.
 */
const recordKey = Symbol('voiceplane.responses');

/** The request options of one call of `operation`. */
export function forOperation<Options extends RequestOptions>(options: Options, operation: string): Options {
  return Object.assign({}, options, { [operationKey]: operation });
}

/** The request options with the record that the responses of this call go into. */
export function recordingInto<Options extends RequestOptions>(options: Options, record: ResponseRecord): Options {
  return Object.assign({}, options, { [recordKey]: record });
}

/** Notes a response in the record its call's options carry, if any. */
function recordResponse(options: RequestOptions | undefined, response: HttpResponse): void {
  const record = (options as { [recordKey]?: ResponseRecord } | undefined)?.[recordKey];
  if (record) record.last = response;
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
    timeoutMs: resolved.timeoutMs,
    e164Formatter: () => loadE164Formatter(country),
    async send(request, options) {
      const response = await transport.request(request, options);
      recordResponse(options, response);
      return response;
    },
    async request<Value>(
      request: Parameters<Transport['request']>[0],
      options: Parameters<Transport['request']>[1],
      expect: Expectation<Value> | ((body: unknown) => Expectation<Value>),
    ) {
      const response = await transport.request(request, options);
      // Before the body is checked, so that `asResponse()` can show a body that failed the check.
      recordResponse(options, response);
      const expectation = typeof expect === 'function' ? expect(response.data) : expect;
      try {
        const raw = expectation.select ? expectation.select(response.data) : response.data;
        const value = parseWire(expectation.schema(), raw, provider, expectation.what);
        return { value, raw, response };
      } catch (error) {
        const operation = (options as { [operationKey]?: string })[operationKey] ?? `${request.method} ${request.path}`;
        transport.logUnusable(operation, error as never);
        // A write answered 2xx with a body that cannot be read took effect, most likely: say so, with the campaign it names.
        if (request.method === 'POST' || request.method === 'PATCH') {
          const id = (response.data as { id?: unknown } | null | undefined)?.id;
          markUnknownWriteOutcome(error as never, {
            method: request.method,
            path: request.path,
            requestId: requestIdOf(response.headers, []),
            campaignId: operation.startsWith('campaigns.') && typeof id === 'string' && id !== '' ? id : null,
          });
        }
        throw error;
      }
    },
  };
}
