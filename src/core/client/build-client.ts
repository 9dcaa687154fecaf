import {
  operationNames,
  type AdapterOperations,
  type NumberTools,
  type OperationName,
  type ProviderDefinition,
} from '../provider-contract.js';
import { normalizeBaseUrl } from './base-url.js';
import type { CommonClientOptions, NeutralClient } from './client-types.js';
import { loadE164Formatter, normalizeCountry } from '../kit/e164.js';
import { InvalidRequestError, UnsupportedOperationError } from '../errors.js';
import { checkHeadersOption, headerValue } from '../transport/header-text.js';
import { Transport } from '../transport/transport.js';
import { logUnusableResponses } from '../log-unusable.js';
import { createRequestLog } from '../transport/logger.js';
import { createPacer } from '../transport/pacer.js';
import { checkListParams, checkRequestOptions, type ListRequestOptionsChecked } from './check-input.js';
import { fetchChainPage, type PageData, type PageChain } from '../pages/page.js';
import { PagePromise } from '../pages/page-promise.js';
import { assertId } from '../kit/path.js';
import { checkRetries, checkTimeout } from '../transport/transport-errors.js';
import type { RequestOptions } from '../types.js';

const commonOptionNames = [
  'provider',
  'apiKey',
  'baseUrl',
  'timeoutMs',
  'maxRetries',
  'maxResponseBytes',
  'fetch',
  'headers',
  'requestsPerSecond',
  'maxConcurrentRequests',
  'logger',
  'logLevel',
  'defaultCountry',
];

const defaults = { timeoutMs: 30_000, maxRetries: 2, maxResponseBytes: 10 * 1024 * 1024 };

function environment(): Record<string, string | undefined> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

/** Builds the neutral client for one provider definition. Options are checked here, before any request. */
export function buildClient<P extends string, Context>(
  definition: ProviderDefinition<P, Context>,
  options: CommonClientOptions & Record<string, unknown>,
): NeutralClient<P> {
  const provider = definition.id;
  const known = new Set([...commonOptionNames, ...definition.extraOptions]);
  for (const name of Object.keys(options)) {
    if (!known.has(name)) {
      throw new InvalidRequestError(
        `${provider}: unknown option "${name}". Options for ${provider}: ${[...known].filter((n) => n !== 'provider').join(', ')}.`,
        { provider },
      );
    }
  }
  const env = environment();
  const prefix = definition.environmentPrefix;
  const baseUrlSource = options.baseUrl ?? env[`${prefix}_BASE_URL`] ?? definition.defaultBaseUrl;
  if (baseUrlSource === null || baseUrlSource === undefined) {
    throw new InvalidRequestError(
      `${provider}: baseUrl is required (the platform publishes no default address). Pass baseUrl to createClient, or set ${prefix}_BASE_URL.`,
      { provider },
    );
  }
  const baseUrl = normalizeBaseUrl(baseUrlSource, provider);
  const headers = checkHeadersOption(options.headers, provider);
  // Checked here as well as per call, so that a bad client-wide value fails at createClient.
  if (options.timeoutMs !== undefined) checkTimeout(options.timeoutMs, provider);
  if (options.maxRetries !== undefined) checkRetries(options.maxRetries, provider);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new InvalidRequestError(`${provider}: fetch must be a function with the signature of the global fetch.`, { provider });
  }
  const maxResponseBytes = options.maxResponseBytes ?? defaults.maxResponseBytes;
  if (!Number.isInteger(maxResponseBytes) || maxResponseBytes <= 0) {
    throw new InvalidRequestError(`${provider}: maxResponseBytes must be a positive whole number of bytes.`, { provider });
  }
  const pacer = createPacer(options, provider);
  const log = createRequestLog(options, provider);
  const extra: Record<string, unknown> = {};
  for (const name of definition.extraOptions) extra[name] = options[name];
  const context = definition.context({ options: extra, environment: env });

  const keyVariable = `${prefix}_API_KEY`;
  let apiKey: string | undefined;
  const resolveApiKey = (): string => {
    if (apiKey !== undefined) return apiKey;
    const given: unknown = options.apiKey ?? environment()[keyVariable];
    if (typeof given !== 'string' || given.trim() === '') {
      throw new InvalidRequestError(`${provider}: no API key. Pass apiKey to createClient, or set ${keyVariable}.`, {
        provider,
      });
    }
    // Never quoted: the message names where the key came from and what is wrong with it, not the key.
    const sendable = headerValue(given);
    if (sendable === null) {
      throw new InvalidRequestError(
        `${provider}: the API key (from options.apiKey or ${keyVariable}) holds a character a request header cannot carry ` +
          '(a line break inside it, a control character, or a character outside ASCII). Copy the key again exactly as the platform shows it.',
        { provider },
      );
    }
    apiKey = sendable;
    return apiKey;
  };

  const transport = new Transport({
    provider,
    baseUrl,
    apiKey: resolveApiKey,
    authHeaders: (key) => definition.authHeaders(key, context),
    keyHint: `options.apiKey or ${keyVariable}`,
    headers,
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    maxRetries: options.maxRetries ?? defaults.maxRetries,
    maxResponseBytes,
    fetch: options.fetch,
    errorDetail: (body) => definition.errorDetail(body),
    reportedFailure: definition.reportedFailure,
    pacer,
    log,
  });
  const country = normalizeCountry(options.defaultCountry, provider) ?? definition.defaultCountry ?? null;
  const numbers: NumberTools = { e164Formatter: () => loadE164Formatter(country) };
  const operations = logUnusableResponses(definition.operations(transport, context, numbers), transport);
  return assembleClient(definition, operations, baseUrl);
}

function assembleClient<P extends string>(
  definition: ProviderDefinition<P, unknown>,
  operations: AdapterOperations<P>,
  baseUrl: string,
): NeutralClient<P> {
  const provider = definition.id;
  const phoneNumbers = operations.phoneNumbers;
  const campaigns = operations.campaigns;
  const supported = new Set<OperationName>(
    operationNames.filter((name) => {
      const [resource, operation] = name.split('.') as ['phoneNumbers' | 'campaigns', string];
      return typeof (operations[resource] as Record<string, unknown>)[operation] === 'function';
    }),
  );

  const unsupported = (operation: OperationName) =>
    new UnsupportedOperationError(
      `${provider} does not offer ${operation}; nothing was sent. Check client.supports('${operation}') first. ` +
        `${provider} offers: ${[...supported].join(', ')}.`,
      { provider, operation },
    );

  /** Runs a single-result operation: checks happen inside the promise, so every failure is a rejection. */
  const single = <T>(operation: OperationName, run: (request: RequestOptions) => Promise<T>, options: unknown) =>
    (async () => {
      if (!supported.has(operation)) throw unsupported(operation);
      return run(checkRequestOptions(options, provider));
    })();

  const list = <T, Params>(
    operation: OperationName,
    fetch: ((params: Params, cursor: string | null, request: RequestOptions) => Promise<PageData<T>>) | undefined,
    params: unknown,
    options: unknown,
    check: () => void = () => {},
  ) =>
    new PagePromise<T>(async () => {
      if (!fetch) throw unsupported(operation);
      check();
      const checked = checkListParams(params, operation, provider, definition.listFilters[operation] ?? []);
      const request: ListRequestOptionsChecked = checkRequestOptions(options, provider, true);
      const chain: PageChain<T> = {
        provider,
        prefetch: request.prefetch ?? 0,
        fetchPage: async (cursor, signal) => {
          if (!signal) return fetch(checked as Params, cursor, request);
          const combined = combineSignals(request.signal, signal);
          try {
            return await fetch(checked as Params, cursor, { ...request, signal: combined.signal });
          } finally {
            combined.dispose();
          }
        },
      };
      return fetchChainPage(chain, checked.cursor ?? null, 0);
    });

  const client: NeutralClient<P> = {
    provider,
    supports: (operation) => supported.has(operation),
    phoneNumbers: {
      list: (params, options) => list('phoneNumbers.list', phoneNumbers.list, params, options),
      get: (id, options) =>
        single('phoneNumbers.get', (request) => (assertId(id, 'phone number id', provider), phoneNumbers.get!(id, request)), options),
      create: (input, options) => single('phoneNumbers.create', (request) => phoneNumbers.create!(input, request), options),
      update: (id, patch, options) =>
        single(
          'phoneNumbers.update',
          (request) => (assertId(id, 'phone number id', provider), phoneNumbers.update!(id, patch, request)),
          options,
        ),
      delete: (id, options) =>
        single('phoneNumbers.delete', (request) => (assertId(id, 'phone number id', provider), phoneNumbers.delete!(id, request)), options),
      listByAgent: (agentId, params, options) =>
        list(
          'phoneNumbers.listByAgent',
          phoneNumbers.listByAgent &&
            ((checked: Record<string, unknown>, cursor: string | null, request: RequestOptions) =>
              phoneNumbers.listByAgent!(agentId, checked, cursor, request)),
          params,
          options,
          () => assertId(agentId, 'agent id', provider),
        ),
    },
    campaigns: {
      get: (id, options) =>
        single('campaigns.get', (request) => (assertId(id, 'campaign id', provider), campaigns.get!(id, request)), options),
      list: (params, options) => list('campaigns.list', campaigns.list, params, options),
    },
  };
  const description = { provider, baseUrl };
  Object.defineProperty(client, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => `VoiceplaneClient ${JSON.stringify(description)}`,
  });
  Object.defineProperty(client, 'toJSON', { value: () => description });
  return client;
}

/**
 * One signal that aborts when either does, and a way to let go of both (AbortSignal.any is missing
 * from early Node 20 releases, and its listeners would outlive a long iteration).
 */
function combineSignals(first: AbortSignal | undefined, second: AbortSignal): { signal: AbortSignal; dispose(): void } {
  if (!first) return { signal: second, dispose: () => {} };
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (first.aborted || second.aborted) controller.abort();
  first.addEventListener('abort', abort, { once: true });
  second.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      first.removeEventListener('abort', abort);
      second.removeEventListener('abort', abort);
    },
  };
}
