import { ResponseValidationError, path } from '../../provider.js';
import type { OperationsByName, ProviderKit } from '../../provider.js';
import { oneAssignment } from './one-assignment.js';
import { providerId } from './provider-id.js';
import { unwrapEntity } from './wire-assumptions.js';
import { createBody, updateBody } from './write-body.js';

/** The operations of numbers-assignment that change something. */
export type NumbersAssignmentWrites = OperationsByName<'numbers-assignment', 'phoneNumbers.create' | 'phoneNumbers.update' | 'phoneNumbers.delete'>;

/**
 * The assignment a write answered with. A write that succeeded but answered without it: say so
 * plainly, since the change was probably made and a blind retry could make it twice.
 */
function writtenAssignment(outcome: string): (body: unknown) => unknown {
  return (body) => {
    if (body === undefined) {
      throw new ResponseValidationError(
        `${providerId} answered the request with an empty body, so there is no phone number to return; ${outcome}`,
        { provider: providerId, issues: [{ path: '', message: 'empty body' }] },
      );
    }
    return unwrapEntity(body);
  };
}

/** numbers-assignment's writes: an assignment's create, change and removal. */
export function numbersAssignmentWrites(kit: ProviderKit): NumbersAssignmentWrites {
  return {
    // POST is never retried by the transport: a second attempt could assign the number twice.
    'phoneNumbers.create': (input, request) =>
      oneAssignment(
        kit,
        { method: 'POST', path: '/numbers', body: createBody(input) },
        request,
        'the created phone number',
        writtenAssignment('the number was probably assigned: list the numbers to find it rather than creating it again.'),
      ),
    'phoneNumbers.update': (id, patch, request) =>
      oneAssignment(
        kit,
        { method: 'PUT', path: path`/numbers/${id}`, body: updateBody(patch) },
        request,
        'the updated phone number',
        writtenAssignment(`the change was probably applied: get('${id}') to read it.`),
      ),
    async 'phoneNumbers.delete'(id, request) {
      // 200 with no content is documented, 204 accepted; a body, if any, carries nothing to return.
      await kit.send({ method: 'DELETE', path: path`/numbers/${id}` }, request);
    },
  };
}
