import { checkHeaderName, checkSecret, mismatch, readHeader, type WebhookHeaders } from './request-parts.js';
import { tokensEqual } from './web-crypto.js';

/**
 * A header of your own that the platform sends with every webhook (a custom header set on the
 * webhook, or on a proxy in front of it): the only proof of origin where a platform signs nothing.
 */
export interface SharedSecretHeader {
  /** The header's name, e.g. `x-webhook-token`. */
  header: string;
  /** Its value. Compared in time that depends on neither value. */
  secret: string;
}

/** Checks the shared-secret header; rejects with a `WebhookVerificationError` when it is missing or wrong. */
export async function verifySharedSecret(provider: string, headers: WebhookHeaders, shared: SharedSecretHeader): Promise<void> {
  const name = checkHeaderName(provider, 'sharedSecret.header', shared.header);
  const secret = checkSecret(provider, 'sharedSecret.secret', shared.secret, 'the value of your own secret header');
  const received = readHeader(provider, headers, name);
  if (!(await tokensEqual(provider, secret, received))) {
    throw mismatch(provider, `the ${name} header does not carry the shared secret; check options.sharedSecret.`);
  }
}
