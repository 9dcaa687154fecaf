import { WebhookVerificationError } from '../core/errors.js';
import { webhookProviders, type WebhookProvider, type WebhookSecrets } from './call-event.js';
import type { WebhookHeaders } from './request-parts.js';

// Which platform sent a request, in this order: the one named by the caller, a path segment that
// names a platform (`/webhooks/retell`), the platform's own signature header, and last the one
// platform configured when only one is. A request that matches none is refused: acting on a body
// whose sender is unknown is what verification exists to prevent.

const signatureHeaders: ReadonlyArray<readonly [string, WebhookProvider]> = [
  ['x-retell-signature', 'retell'],
  ['elevenlabs-signature', 'elevenlabs'],
  ['x-vapi-secret', 'vapi'],
  ['x-vapi-signature', 'vapi'],
  ['x-webhook-signature', 'bland'],
];

function hasHeader(headers: WebhookHeaders, name: string): boolean {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) !== null;
  return Object.keys(headers).some((key) => key.toLowerCase() === name && (headers as Record<string, unknown>)[key] !== undefined);
}

/** The platform named by a path segment, e.g. `/api/webhooks/vapi` or `/hooks/retell/` . */
export function providerFromPath(path: string | undefined): WebhookProvider | null {
  if (path === undefined) return null;
  const pathname = path.split('?')[0]!;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  for (const segment of segments.reverse()) {
    const name = decodeURIComponent(segment).toLowerCase();
    if ((webhookProviders as readonly string[]).includes(name)) return name as WebhookProvider;
  }
  return null;
}

/** The platform of a request, or a `WebhookVerificationError` (reason `unknown-provider`). */
export function detectProvider(given: WebhookProvider | undefined, path: string | undefined, headers: WebhookHeaders, secrets: WebhookSecrets, allowUnsigned: readonly WebhookProvider[]): WebhookProvider {
  if (given !== undefined) return given;
  const fromPath = providerFromPath(path);
  if (fromPath !== null) return fromPath;
  for (const [name, provider] of signatureHeaders) if (hasHeader(headers, name)) return provider;
  const configured = webhookProviders.filter((provider) => secrets[provider] !== undefined || allowUnsigned.includes(provider));
  if (configured.length === 1) return configured[0]!;
  throw new WebhookVerificationError(
    'Cannot tell which platform sent this webhook: it carries no platform signature header and its path names no platform. ' +
      `Mount the handler on a path ending in the platform's name (e.g. /webhooks/vapi; one of ${webhookProviders.join(', ')}), or pass options.provider.`,
    { provider: 'unknown', reason: 'unknown-provider' },
  );
}
