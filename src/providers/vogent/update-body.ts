import { InvalidRequestError } from '../../provider.js';

/**
 * The body of `PUT /phone_numbers/{id}` for a neutral patch. Vogent can only change a number's
 * agent, so any other field is refused rather than dropped; `agentId: null` becomes the empty
 * string, Vogent's way to unlink.
 */
export function vogentUpdateBody(patch: unknown): { agentId: string } {
  const fail = (message: string) =>
    new InvalidRequestError(`vogent: phoneNumbers.update: ${message}`, { provider: 'vogent' });
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw fail('the patch must be an object such as { agentId: "..." } or { agentId: null }.');
  }
  const given = Object.entries(patch).filter(([, value]) => value !== undefined);
  const others = given.map(([name]) => name).filter((name) => name !== 'agentId');
  if (others.length > 0) {
    throw fail(
      `Vogent can only change a number's agent, not ${others.map((name) => `"${name}"`).join(', ')}; ` +
        'send { agentId } alone. Nothing was sent.',
    );
  }
  if (given.length === 0) {
    throw fail('the patch is empty; pass { agentId: "..." } to link an agent or { agentId: null } to unlink it.');
  }
  const agentId = (patch as { agentId?: unknown }).agentId;
  if (agentId === null) return { agentId: '' };
  if (typeof agentId !== 'string' || agentId.trim() === '') {
    throw fail('agentId must be a non-empty agent id, or null to unlink the agent.');
  }
  return { agentId };
}
