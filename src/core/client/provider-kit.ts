import { loadE164Formatter } from '../kit/e164.js';
import { parseWire } from '../kit/validate.js';
import { markUnknownWriteOutcome } from '../kit/write-outcome.js';
import type { Expectation, ProviderKit } from '../contract/provider-contract.js';
import type { Transport } from '../transport/transport.js';
import type { HttpResponse } from '../transport/types.js';
import type { RequestOptions } from '../types.js';
import type { ResponseRecord } from './api-promise.js';
import type { ResolvedOptions } from './resolve-options.js';

/** What the client knows of one call of an operation, beyond what its request options say. */
interface CallContext {
  /** The operation's name, under which a body the kit finds unusable is logged ("vox campaigns.get failed: ..."). */
  operation: string;
  /** Where the call's responses go, for `withResponse()` and a hand-built page's request id. */
  record: ResponseRecord | undefined;
}

/**
 * The context of each call, keyed by the request options object the client hands the operation.
 * Adapters pass those options on as they are, so the kit finds the context by identity; nothing
 * is added to the options themselves, and the entry goes with them.
 */
const callContexts = new WeakMap<RequestOptions, CallContext>();

/**
 * The request options of one call of `operation`: a copy of `options`, known to the kit, whose
 * responses go into `record` where one is given.
 */
export function forCall<Options extends RequestOptions>(options: Options, operation: string, record?: ResponseRecord): Options {
  const own = { ...options };
  callContexts.set(own, { operation, record });
  return own;
}

/** Notes a response in the record of the call its options stand for, if any. */
function recordResponse(options: RequestOptions | undefined, response: HttpResponse): void {
  const record = options ? callContexts.get(options)?.record : undefined;
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
        const operation = (options && callContexts.get(options)?.operation) ?? `${request.method} ${request.path}`;
        transport.logUnusable(operation, error as never);
        // A write answered 2xx with a body that cannot be read took effect, most likely: say so, with the campaign it names.
        if (request.method === 'POST' || request.method === 'PATCH') {
          const id = (response.data as { id?: unknown } | null | undefined)?.id;
          markUnknownWriteOutcome(error as never, {
            method: request.method,
            path: request.path,
            requestId: response.requestId,
            campaignId: operation.startsWith('campaigns.') && typeof id === 'string' && id !== '' ? id : null,
          });
        }
        throw error;
      }
    },
  };
}
