import type { AdapterSettings } from '../../core/provider-contract.js';
import { InvalidRequestError } from '../../core/errors.js';
import { headerValue } from '../../core/transport/header-text.js';

export const organizationVariable = 'GENERIC_ORGANIZATION_ID';

/** The organization id from `organizationId` or `GENERIC_ORGANIZATION_ID`; refused when neither holds one. */
export function resolveOrganizationId(settings: AdapterSettings): string {
  const value = settings.options.organizationId ?? settings.environment[organizationVariable];
  const fail = (message: string) => new InvalidRequestError(`generic: ${message}`, { provider: 'generic' });
  if (typeof value !== 'string' || value.trim() === '') {
    throw fail(
      `no organization id. Pass organizationId to createClient, or set ${organizationVariable}; ` +
        'the platform needs it in the X-Organization-Id header of every request.',
    );
  }
  // Checked here, not left to fetch, whose TypeError would fail every request as a connection error.
  const sendable = headerValue(value);
  if (sendable === null) {
    throw fail(
      `the organization id (from organizationId or ${organizationVariable}) holds characters a header cannot carry; ` +
        'use the id exactly as the platform shows it.',
    );
  }
  return sendable;
}
