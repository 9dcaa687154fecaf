import { describeValue } from '../kit/describe-value.js';
import { InvalidRequestError } from '../errors.js';
import { normalizeCountry } from '../kit/e164.js';
import type { ProviderDefinition, ProviderOptionValues } from '../contract/provider-contract.js';
import { checkFetchOptions } from '../transport/fetch-options.js';
import { checkHeadersOption, headerValue } from '../transport/header-text.js';
import { createRequestLog, type LogLevel, type RequestLog } from '../transport/logger.js';
import type { Fetch } from '../transport/types.js';
import type { Limiter } from '../transport/limiter.js';
import { createLimiter } from '../transport/pacer.js';
import type { CallSlots } from '../call-slots/call-slots.js';
import { createCallSlots } from './call-slots-gate.js';
import { checkRetries, checkTimeout } from '../transport/transport-errors.js';
import { normalizeBaseUrl } from './base-url.js';
import type { CommonClientOptions } from './client-types.js';
import { defaultUserAgent } from './user-agent.js';

/** The names of the options every provider takes. */
export const commonOptionNames = [
  'provider',
  'apiKey',
  'baseUrl',
  'timeoutMs',
  'maxRetries',
  'maxResponseBytes',
  'fetch',
  'fetchOptions',
  'headers',
  'requestsPerSecond',
  'maxConcurrentRequests',
  'limiter',
  'maxConcurrentCalls',
  'callSlots',
  'logger',
  'logLevel',
  'defaultCountry',
] as const;

const defaults = { timeoutMs: 30_000, maxRetries: 2, maxResponseBytes: 10 * 1024 * 1024 };

/** The process environment, where there is one (not in a browser or a worker). */
export function environment(): Record<string, string | undefined> {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
}

/** A client's options after every check, with defaults filled in: what the transport and the kit are built from. */
export interface ResolvedOptions {
  provider: string;
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  fetch: Fetch | undefined;
  fetchOptions: Readonly<Record<string, unknown>> | undefined;
  pacer: Limiter;
  /** The places of calls in flight (`maxConcurrentCalls` or `callSlots`); `undefined` when neither is set. */
  callSlots: CallSlots | undefined;
  log: RequestLog;
  /** The provider's own options (see `OptionDescriptor`), given or from the environment. */
  providerOptions: ProviderOptionValues;
  /** The country of national numbers. */
  defaultCountry: string | null;
  /** Returns the API key, reading the environment at the first call; throws `InvalidRequestError` when there is none. */
  apiKey: () => string;
  /** Where the key comes from, for messages: "options.apiKey or VOX_API_KEY". */
  keyHint: string;
}

/**
 * Checks a client's options against the common rules and the provider's own descriptors, before
 * any request: an unknown option, a missing or plain-http `baseUrl`, a header a request cannot
 * carry, an out-of-range number are each an `InvalidRequestError`. The key is read later, at the
 * first request.
 */
export function resolveOptions(
  definition: ProviderDefinition<string>,
  options: CommonClientOptions & Record<string, unknown>,
): ResolvedOptions {
  const provider = definition.id;
  const descriptors = definition.options ?? [];
  const known = new Set<string>([...commonOptionNames, ...descriptors.map((descriptor) => descriptor.name)]);
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
  const userAgent = defaultUserAgent();
  // The caller's own User-Agent (any case: names are lower-cased) replaces the SDK's.
  const headers = { ...(userAgent ? { 'user-agent': userAgent } : {}), ...checkHeadersOption(options.headers, provider) };
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
  const keyVariable = `${prefix}_API_KEY`;
  return {
    provider,
    baseUrl,
    headers,
    timeoutMs: options.timeoutMs ?? defaults.timeoutMs,
    maxRetries: options.maxRetries ?? defaults.maxRetries,
    maxResponseBytes,
    fetch: options.fetch,
    fetchOptions: checkFetchOptions(options.fetchOptions, provider),
    pacer: createLimiter(options, provider),
    callSlots: createCallSlots(options, provider),
    log: createRequestLog({ logger: options.logger, logLevel: options.logLevel ?? environmentLogLevel(env) }, provider),
    providerOptions: resolveProviderOptions(definition, options, env),
    defaultCountry: normalizeCountry(options.defaultCountry, provider) ?? definition.defaultCountry ?? null,
    apiKey: apiKeyReader(provider, options.apiKey, keyVariable),
    keyHint: `options.apiKey or ${keyVariable}`,
  };
}

const logLevels: readonly string[] = ['debug', 'info', 'warn', 'error', 'off'];
let warnedAboutLogVariable = false;

/**
 * `VOICEPLANE_LOG` (as `OPENAI_LOG`, `RETELL_LOG`): the log level when `logLevel` is not given, so
 * that logging can be turned on without a code change. A value that is not a level is ignored with
 * one warning, rather than failing every client of a running service over an environment typo.
 */
function environmentLogLevel(env: Record<string, string | undefined>): LogLevel | undefined {
  const value = env['VOICEPLANE_LOG']?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (logLevels.includes(value)) return value as LogLevel;
  if (!warnedAboutLogVariable) {
    warnedAboutLogVariable = true;
    console.warn(`[voiceplane] VOICEPLANE_LOG=${JSON.stringify(value.slice(0, 20))} is not a log level (${logLevels.join(', ')}); ignored.`);
  }
  return undefined;
}

/** Each of the provider's own options: given, else its environment variable; refused when required and missing. */
function resolveProviderOptions(
  definition: ProviderDefinition<string>,
  options: Record<string, unknown>,
  env: Record<string, string | undefined>,
): ProviderOptionValues {
  const provider = definition.id;
  const values: Record<string, string | undefined> = {};
  for (const descriptor of definition.options ?? []) {
    const variable = descriptor.environmentSuffix ? `${definition.environmentPrefix}_${descriptor.environmentSuffix}` : undefined;
    const source = variable ? `${descriptor.name} or ${variable}` : descriptor.name;
    const value: unknown = options[descriptor.name] ?? (variable ? env[variable] : undefined);
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
      if (descriptor.required) {
        const setting = variable ? `, or set ${variable}` : '';
        throw new InvalidRequestError(
          `${provider}: no ${descriptor.label}. Pass ${descriptor.name} to createClient${setting}; ${descriptor.description}`,
          { provider },
        );
      }
      continue;
    }
    if (typeof value !== 'string') {
      throw new InvalidRequestError(`${provider}: ${descriptor.name} must be a string (got ${describeValue(value)}).`, { provider });
    }
    // Checked here, not left to fetch, whose TypeError would fail every request as a connection error.
    const sendable = descriptor.inHeader ? headerValue(value) : value;
    if (sendable === null) {
      throw new InvalidRequestError(
        `${provider}: the ${descriptor.label} (from ${source}) holds characters a header cannot carry; use the value exactly as the platform shows it.`,
        { provider },
      );
    }
    values[descriptor.name] = sendable;
  }
  return Object.freeze(values);
}

/** Reads the key once, at the first request, from the option or the environment, and checks it can be sent. */
function apiKeyReader(provider: string, given: unknown, keyVariable: string): () => string {
  let apiKey: string | undefined;
  return () => {
    if (apiKey !== undefined) return apiKey;
    const value: unknown = given ?? environment()[keyVariable];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InvalidRequestError(`${provider}: no API key. Pass apiKey to createClient, or set ${keyVariable}.`, { provider });
    }
    // Never quoted: the message names where the key came from and what is wrong with it, not the key.
    const sendable = headerValue(value);
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
}
