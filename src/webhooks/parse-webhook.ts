import { describeValue } from '../core/kit/describe-value.js';
import { InvalidRequestError, WebhookPayloadError } from '../core/errors.js';
import { normalizeCountry } from '../core/kit/e164.js';
import type { ParseWebhookOptions, WebhookEvent, WebhookProvider, WebhookRequestParts } from './call-event.js';
import { detectProvider } from './detect-provider.js';
import { blandEvent } from './events/bland.js';
import { elevenLabsEvent } from './events/elevenlabs.js';
import type { EventContext } from './events/event-context.js';
import { retellEvent } from './events/retell.js';
import { vapiEvent } from './events/vapi.js';
import { checkBodySize, defaultMaxBodyBytes, readRequestBody } from './read-body.js';
import { bodyBytes, currentTimeMs } from './request-parts.js';
import { verifyRequest } from './verify-request.js';

const readers: Record<WebhookProvider, (body: Record<string, unknown>, context: EventContext) => WebhookEvent | Promise<WebhookEvent>> = {
  vapi: vapiEvent,
  retell: retellEvent,
  elevenlabs: elevenLabsEvent,
  bland: blandEvent,
};

function checkOptions(options: ParseWebhookOptions | undefined): ParseWebhookOptions {
  if (typeof options !== 'object' || options === null || typeof options.secrets !== 'object' || options.secrets === null) {
    throw new InvalidRequestError(
      `parseWebhook takes options { secrets: { vapi?, retell?, elevenlabs?, bland? }, ... }; got ${describeValue(options)}. Pass secrets: {} with allowUnsigned to accept unsigned platforms.`,
    );
  }
  const limit = options.maxBodyBytes;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new InvalidRequestError(`options.maxBodyBytes must be a whole number of bytes, 1 or more; got ${describeValue(limit)}.`);
  }
  return options;
}

/**
 * Verifies a webhook request and reads it as a neutral event. Pass a Fetch API `Request` (Next.js
 * route handlers, Hono, Bun, Deno, workers), or `{ body, headers, path? }` where the framework has
 * read the raw body already (Express with `express.raw()`, Fastify, Node's `http`).
 *
 * The platform is told by `options.provider`, else by a path segment naming it (`/webhooks/retell`),
 * else by its signature header, else it is the only platform configured. Rejects with a
 * `WebhookVerificationError` (answer 401) when the request does not prove its origin, a
 * `WebhookPayloadError` for a body too large (413), not JSON, or not the platform's shape (400),
 * and an `InvalidRequestError` for bad options. An event voiceplane does not map resolves as
 * `{ type: 'unknown' }`. No message carries a secret.
 */
export async function parseWebhook(request: Request | WebhookRequestParts, options: ParseWebhookOptions): Promise<WebhookEvent> {
  const checked = checkOptions(options);
  const limit = checked.maxBodyBytes ?? defaultMaxBodyBytes;
  const allowUnsigned = checked.allowUnsigned ?? [];
  const isFetchRequest = typeof Request !== 'undefined' && request instanceof Request;
  if (!isFetchRequest && (typeof request !== 'object' || request === null)) {
    throw new InvalidRequestError(`parseWebhook takes a Fetch Request or { body, headers, path? }; got ${describeValue(request)}.`);
  }
  const headers = isFetchRequest ? request.headers : (request as WebhookRequestParts).headers;
  const path = isFetchRequest ? new URL(request.url).pathname : (request as WebhookRequestParts).path;
  const provider = detectProvider(checked.provider, path, headers, checked.secrets, allowUnsigned);
  let body: Uint8Array;
  if (isFetchRequest) {
    body = await readRequestBody(provider, request, limit);
  } else {
    const given = (request as WebhookRequestParts).body;
    body = bodyBytes(provider, given);
    checkBodySize(provider, body, limit);
  }
  const receivedAt = new Date(currentTimeMs(provider, checked.now));
  const { verification, signedAt } = await verifyRequest(provider, body, headers, checked);
  const parsed = parseJson(provider, body);
  const context: EventContext = { verification, signedAt, receivedAt, defaultCountry: normalizeCountry(checked.defaultCountry, provider) };
  return readers[provider](parsed, context);
}

function parseJson(provider: WebhookProvider, body: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    throw new WebhookPayloadError(`The ${provider} webhook body is not JSON (${body.length} bytes that do not parse). Answer 400.`, {
      provider,
      reason: 'invalid-json',
      cause: error,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WebhookPayloadError(`The ${provider} webhook body is JSON but not an object. Answer 400.`, { provider, reason: 'invalid-payload' });
  }
  return value as Record<string, unknown>;
}
