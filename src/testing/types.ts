import type { ProviderId } from '../client.js';
import type { ProviderDefinition } from '../core/contract/provider-contract.js';
import { providers } from '../providers/registry.js';
import type { SandboxWebhookDelivery, SandboxWebhookProvider } from './webhooks/sender.js';

/**
 * The platforms the sandbox speaks: every provider id `createClient` takes, each served by the
 * sandbox double in its provider's folder.
 */
export type SandboxProvider = ProviderId;

/** Every platform of the sandbox, in the registry's order. */
export const sandboxProviders = Object.keys(providers) as readonly SandboxProvider[];

/** Answer some requests with 429 and a `Retry-After`, as a platform past its rate does. */
export interface RateLimitOptions {
  /** Every `every`-th request to a platform is a 429 (`1`: every request). Counted per platform. */
  every: number;
  /** The `Retry-After` sent, in seconds. Default 1. */
  retryAfterSeconds?: number | undefined;
}

/**
 * Faults to test your own error handling. They apply before the credentials are checked, in this
 * order: the latency, then the rate limit, then the random failure.
 */
export interface FaultOptions {
  /** Added to every answer, in milliseconds. Default 0. */
  latencyMs?: number | undefined;
  /** Share of answers (0 to 1) that are a 500 in the platform's error envelope. Default 0. */
  failureRate?: number | undefined;
  /** Seed of the random draws behind `failureRate`: the same seed and requests fail the same way. Default 1. */
  seed?: number | undefined;
  /** 429s with `Retry-After`. Off by default. */
  rateLimit?: RateLimitOptions | undefined;
}

/** Credentials and faults, shared by `startSandbox` and `createSandboxHandlers`. */
export interface SandboxCoreOptions extends FaultOptions {
  /** The key each platform accepts. Defaults: `sandbox-vox-key`, `sandbox-vogent-key`, `sandbox-generic-key`, `sandbox-numbers-assignment-key`. */
  apiKeys?: Partial<Record<SandboxProvider, string>> | undefined;
  /** The organization id the generic platform (any provider with an `organizationId` option) accepts. Default `org_sandbox`. */
  organizationId?: string | undefined;
  /**
   * The providers to serve, each by the sandbox double its definition loads. Default: every provider
   * of the registry. A provider of your own (`defineProvider`) with a `sandbox` loader can be served too.
   */
  providers?: readonly ProviderDefinition<string>[] | undefined;
}

/** Options of `startSandbox`. */
export interface SandboxOptions extends SandboxCoreOptions {
  /** The port on 127.0.0.1. Default 0: a free port, chosen by the system. */
  port?: number | undefined;
  /**
   * Where to post webhooks for the calls the sandbox places, by `calls.create` and by campaign starts (Vapi, Retell, ElevenLabs and Bland, each
   * in its own shape and signature, as `parseWebhook` reads them). `{provider}` is replaced by the
   * platform's id, e.g. `http://127.0.0.1:3000/webhooks/{provider}`. Off by default.
   */
  webhookUrl?: string | undefined;
  /** The secret each platform's webhooks are signed with; a platform left out gets a generated one (see `sandbox.webhookSecrets`). */
  webhookSecrets?: Partial<Record<SandboxWebhookProvider, string>> | undefined;
}

/** One request the sandbox answered. Headers are not kept: they carry the API key. */
export interface SandboxRequest {
  /** The platform it was sent to. */
  provider: SandboxProvider;
  /** The HTTP method. */
  method: string;
  /** The path under the platform's base URL, e.g. `/v3/organization-telephone-numbers`. */
  path: string;
  /** The query, each parameter with all its values (vox repeats `status`). */
  query: Record<string, string[]>;
  /** The status the sandbox answered with. */
  status: number;
}

/**
 * What `createClient` needs to reach one platform of a sandbox: its key, its base URL and its own
 * required options. `provider` is the id of a built-in provider, or the definition of one of yours.
 */
export type SandboxClientOptions<P extends string> = {
  /** The platform: its id, or its definition where it is not one of the SDK's. */
  provider: P extends SandboxProvider ? P : ProviderDefinition<P>;
  /** The key the sandbox accepts for it. */
  apiKey: string;
  /** Where the sandbox serves it. */
  baseUrl: string;
} & (P extends 'generic'
  ? {
      /** The organization id the sandbox accepts. */
      organizationId: string;
    }
  : Record<never, never>);

/** What a running sandbox and a set of sandbox msw handlers both offer. */
export interface SandboxControls {
  /** The key each platform accepts. */
  readonly apiKeys: Readonly<Record<SandboxProvider, string>> & Readonly<Record<string, string>>;
  /** The organization id the generic platform accepts. */
  readonly organizationId: string;
  /** Every request answered since the start or the last `reset()`, in order. */
  readonly requests: readonly SandboxRequest[];
  /** How many requests a platform (or, without an argument, the whole sandbox) answered. */
  requestCount(provider?: SandboxProvider | (string & {})): number;
  /** The base URL of one platform, for `createClient({ baseUrl })`. */
  baseUrl(provider: SandboxProvider | (string & {})): string;
  /** `{ provider, apiKey, baseUrl, organizationId? }`, ready for `createClient`. */
  clientOptions<P extends SandboxProvider | (string & {})>(provider: P): SandboxClientOptions<P>;
  /** Replaces the fault options (those left out are off) and restarts their counters and random draws. */
  setFaults(faults: FaultOptions): void;
  /** Puts every platform back to the seed data and forgets the requests seen; faults restart too. */
  reset(): void;
}

/** A running sandbox: a real HTTP server on 127.0.0.1 that speaks every platform's wire format. */
export interface Sandbox extends SandboxControls {
  /** `http://127.0.0.1:<port>`; each platform lives under its own prefix, e.g. `${url}/vox`. */
  readonly url: string;
  /** The port on 127.0.0.1. */
  readonly port: number;
  /** The secrets the webhooks are signed with (given or generated), or `null` without a `webhookUrl`. */
  readonly webhookSecrets: Readonly<Record<SandboxWebhookProvider, string>> | null;
  /** Every webhook posted so far, in order, with the endpoint's status. */
  readonly webhookDeliveries: readonly SandboxWebhookDelivery[];
  /** Stops the server, closes every open connection and stops posting webhooks (posts under way are aborted). */
  close(): Promise<void>;
}
