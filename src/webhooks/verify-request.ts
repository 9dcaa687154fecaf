import { InvalidRequestError, WebhookVerificationError } from '../core/errors.js';
import type { ParseWebhookOptions, WebhookProvider, WebhookVerification } from './call-event.js';
import { verifyBlandWebhook } from './bland.js';
import { verifyElevenLabsWebhook } from './elevenlabs.js';
import type { WebhookHeaders } from './request-parts.js';
import { verifyRetellWebhook } from './retell.js';
import { verifySharedSecret } from './shared-secret.js';
import { verifyVapiHmacWebhook, verifyVapiWebhook } from './vapi.js';

/** The outcome of the checks: how the origin was proved and when the platform signed. */
export interface Verified {
  verification: WebhookVerification;
  signedAt: Date | null;
}

/**
 * Runs the platform's own check with its configured secret, and the shared-secret header when one
 * is configured. Without either, a platform named in `allowUnsigned` passes as `none`; any other
 * is refused.
 */
export async function verifyRequest(provider: WebhookProvider, body: Uint8Array, headers: WebhookHeaders, options: ParseWebhookOptions): Promise<Verified> {
  const { secrets, sharedSecret, toleranceMs, now } = options;
  const timing = { ...(toleranceMs === undefined ? {} : { toleranceMs }), ...(now === undefined ? {} : { now }) };
  if (sharedSecret !== undefined) await verifySharedSecret(provider, headers, sharedSecret);
  const secret = secrets[provider];
  if (secret === undefined) {
    if (sharedSecret !== undefined) return { verification: 'shared-secret', signedAt: null };
    if (options.allowUnsigned?.includes(provider) === true) return { verification: 'none', signedAt: null };
    throw new WebhookVerificationError(
      `A ${provider} webhook arrived, but options.secrets.${provider} is not set: it cannot be verified. ` +
        `Pass the ${provider} secret, a sharedSecret header, or list '${provider}' in allowUnsigned to accept it unverified.`,
      { provider, reason: 'unknown-provider' },
    );
  }
  switch (provider) {
    case 'retell': {
      const { timestamp } = await verifyRetellWebhook({ body, headers, apiKey: secret as string, ...timing });
      return { verification: 'signature', signedAt: timestamp };
    }
    case 'elevenlabs': {
      const { timestamp } = await verifyElevenLabsWebhook({ body, headers, secret: secret as string, ...timing });
      return { verification: 'signature', signedAt: timestamp };
    }
    case 'bland':
      await verifyBlandWebhook({ body, headers, secret: secret as string });
      return { verification: 'signature', signedAt: null };
    case 'vapi': {
      if (typeof secret === 'string') {
        await verifyVapiWebhook({ headers, secret });
        return { verification: 'token', signedAt: null };
      }
      if (typeof secret === 'object' && secret !== null && 'hmac' in secret) {
        const { hmac: _hmac, ...settings } = secret;
        const { timestamp } = await verifyVapiHmacWebhook({ ...settings, body, headers, ...timing });
        return { verification: 'signature', signedAt: timestamp };
      }
      if (typeof secret === 'object' && secret !== null) {
        await verifyVapiWebhook({ ...secret, headers });
        return { verification: 'token', signedAt: null };
      }
      throw new InvalidRequestError('options.secrets.vapi must be the token, { secret, headerName?, bearerPrefix? }, or { hmac: true, secret, algorithm, ... }.', {
        provider,
      });
    }
  }
}
