import { InvalidRequestError, givenPatchFields } from '../../provider.js';

/**
 * The body of `PUT /phone_numbers/{id}` for a neutral patch. Vogent can only change a number's
 * agent, so any other field is refused rather than dropped; `agentId: null` becomes the empty
 * string, Vogent's way to unlink.
 */
export function vogentUpdateBody(patch: unknown): { agentId: string } {
  const fail = (message: string) =>
    new InvalidRequestError(`vogent: phoneNumbers.update: ${message}`, { provider: 'vogent' });
  const { agentId } = givenPatchFields('vogent', patch, ['agentId']);
  if (agentId === null) return { agentId: '' };
  if (typeof agentId !== 'string' || agentId.trim() === '') {
    throw fail('agentId must be a non-empty agent id, or null to unlink the agent.');
  }
  return { agentId };
}
