import { InvalidRequestError, VoiceplaneError } from '../core/errors.js';
import type { PhoneNumber, RequestOptions } from '../core/types.js';
import type { Client, ProviderId } from '../client.js';
import type { OperationName } from '../core/contract/resource-table.js';
import { HubError } from './hub-error.js';
import type { HubFindResult } from './types.js';

/**
 * `hub.phoneNumbers.route`: finds a number on whichever platform holds it and links it to an agent
 * there. It changes nothing unless the search is certain: the number found exactly once, and every
 * platform searched (one that could not be searched might hold the number too).
 */
export async function routeNumber(
  find: (number: string, options: RequestOptions & { defaultCountry?: string }) => Promise<HubFindResult>,
  client: (provider: ProviderId) => Client<OperationName>,
  providers: readonly ProviderId[],
  number: string,
  agentId: string,
  options: RequestOptions & { defaultCountry?: string } = {},
): Promise<PhoneNumber> {
  if (typeof agentId !== 'string' || agentId.trim() === '') {
    throw new InvalidRequestError('hub.phoneNumbers.route: agentId must be a non-empty agent id. Nothing was searched or changed.');
  }
  const { e164, matches, errors } = await find(number, options);
  if (errors.length > 0) {
    const failed = errors.map((failure) => failure.provider).join(', ');
    throw new VoiceplaneError(
      `hub.phoneNumbers.route: ${failed} could not be searched, so ${e164} may be there too; nothing was changed. ` +
        'Try again, or route it on its platform with hub.client(provider).phoneNumbers.update(id, { agentId }).',
      { cause: new HubError(errors, providers.length) },
    );
  }
  if (matches.length === 0) {
    throw new InvalidRequestError(`hub.phoneNumbers.route: no platform of this hub (${providers.join(', ')}) holds ${e164}; nothing was changed.`);
  }
  if (matches.length > 1) {
    const where = matches.map((match) => `${match.provider} (id ${match.id})`).join(', ');
    throw new InvalidRequestError(
      `hub.phoneNumbers.route: ${e164} is on more than one platform: ${where}; nothing was changed. ` +
        'Route it on the one you mean with hub.client(provider).phoneNumbers.update(id, { agentId }).',
    );
  }
  const match = matches[0]!;
  const { defaultCountry: _country, ...request } = options;
  return client(match.provider as ProviderId).phoneNumbers.update(match.id, { agentId }, request);
}
