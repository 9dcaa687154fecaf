import type { Call } from '../core/call-types.js';
import type { VerifyVapiHmacWebhookOptions } from './vapi.js';
import type { SharedSecretHeader } from './shared-secret.js';

/** The platforms whose webhooks `parseWebhook` reads. */
export type WebhookProvider = 'vapi' | 'retell' | 'elevenlabs' | 'bland';

/** Every platform `parseWebhook` reads, in the order a path segment is matched. */
export const webhookProviders: readonly WebhookProvider[] = ['vapi', 'retell', 'elevenlabs', 'bland'];

/**
 * How the request proved where it came from: the platform's own `signature` (an HMAC over the
 * body), Vapi's `token` (a secret header, no signature), your `shared-secret` header, or `none`
 * (accepted unsigned because `allowUnsigned` names the platform).
 */
export type WebhookVerification = 'signature' | 'token' | 'shared-secret' | 'none';

/** What happened to the call. */
export type CallEventType = 'call.started' | 'call.ended' | 'call.analyzed' | 'call.updated';

/** Fields every event has. */
interface EventBase<P extends WebhookProvider> {
  /** The platform that sent it. */
  provider: P;
  /** How its origin was checked; `verified` is false only for `none`. */
  verification: WebhookVerification;
  /** Whether the platform's signature, token or your shared secret was checked. */
  verified: boolean;
  /** The parsed body, untouched. */
  raw: Record<string, unknown>;
}

/**
 * A call event: `call.started` (connected), `call.ended` (over; analysis may follow),
 * `call.analyzed` (the final record after the platform's post-call processing: transcript,
 * summary, analysis), `call.updated` (any other change: queued, ringing, a transfer).
 */
export interface CallEvent<P extends WebhookProvider = WebhookProvider> extends EventBase<P> {
  /** What happened to the call: started, ended, analysed, or another change. */
  type: CallEventType;
  /** The call, mapped exactly as `calls.get` maps the same wire object. */
  call: Call<P>;
  /** When the platform says the event happened, else when it signed the request, else when it was parsed. */
  occurredAt: Date;
  /** The platform's id of this delivery, for deduplication; `null` where the platform sends none. */
  eventId: string | null;
}

/** An event voiceplane does not map (a tool call, a chat event, an audio upload): kept whole, never an error. */
export interface UnknownWebhookEvent<P extends WebhookProvider = WebhookProvider> extends EventBase<P> {
  /** Always `'unknown'`: check it before reading `call`, which this event does not have. */
  type: 'unknown';
  /** The platform's own name for it (`tool-calls`, `transcript_updated`, ...), where the body gives one. */
  platformType: string | null;
}

/** What `parseWebhook` resolves with. */
export type WebhookEvent<P extends WebhookProvider = WebhookProvider> = CallEvent<P> | UnknownWebhookEvent<P>;

/** Vapi's token scheme (the server `secret`, or a Bearer Token credential). */
export interface VapiTokenSecret {
  /** The token. */
  secret: string;
  /** The header that carries it. Default `x-vapi-secret`. */
  headerName?: string;
  /** Whether the value is `Bearer <token>`. Default false. */
  bearerPrefix?: boolean;
}

/** Vapi's HMAC credential: its settings, as `verifyVapiHmacWebhook` takes them. */
export type VapiHmacSecret = {
  /** Marks the credential as Vapi's HMAC one (rather than its token). */
  hmac: true;
} & Omit<VerifyVapiHmacWebhookOptions, 'body' | 'headers' | 'now' | 'toleranceMs'>;

/** The secret of each platform you receive webhooks from. A platform left out is refused unless `allowUnsigned` names it. */
export interface WebhookSecrets {
  /** Vapi: the `X-Vapi-Secret` token as a string, a token in another header, or an HMAC credential. */
  vapi?: string | VapiTokenSecret | VapiHmacSecret;
  /** Retell: the API key that has the webhook badge. */
  retell?: string;
  /** ElevenLabs: the webhook's HMAC secret. */
  elevenlabs?: string;
  /** Bland: the account's webhook signing secret. */
  bland?: string;
}

/** Options of `parseWebhook`. */
export interface ParseWebhookOptions {
  /** The secret of each platform. */
  secrets: WebhookSecrets;
  /** A header of your own checked on every request, in addition to the platform's scheme (or instead of it, where none is configured). */
  sharedSecret?: SharedSecretHeader;
  /** Platforms accepted without any check (their events say `verified: false`). Default none. */
  allowUnsigned?: readonly WebhookProvider[];
  /** The platform, when neither the path nor the headers tell it (a Vapi Bearer token in `Authorization`). */
  provider?: WebhookProvider;
  /** The largest body read, in bytes. Default 5 MB. */
  maxBodyBytes?: number;
  /** How far a signed timestamp may be from the clock. Default: each platform's own window. */
  toleranceMs?: number;
  /** The clock, for tests. Default: now. */
  now?: Date | number;
  /** The country of numbers a platform gives without a country code (Bland), as `createClient`'s `defaultCountry`. */
  defaultCountry?: string;
}

/** A request whose body the framework has already read: the raw body, the headers, and the path it came in on. */
export interface WebhookRequestParts {
  /** The raw body as received: a string or the bytes (a `Buffer` is a `Uint8Array`). */
  body: string | Uint8Array;
  /** The request's headers (a Fetch `Headers`, or Node's `request.headers`). */
  headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The path the request came in on (e.g. `/webhooks/retell`), when the platform is told by it. */
  path?: string;
}
