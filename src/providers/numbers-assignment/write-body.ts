import { describeValue, InvalidRequestError, isPlainObject, wireStatusesFor } from '../../provider.js';
import { providerId } from './provider-id.js';
import { assignmentStatuses, clearedValue } from './wire-assumptions.js';

// Request body names are documented: POST { phoneNumber, friendlyName, agentId }, PUT { friendlyName, agentId, status }.

const createFields = ['number', 'agentId', 'label'];
const updateFields = ['agentId', 'label', 'status'];

function failure(operation: string, message: string): InvalidRequestError {
  return new InvalidRequestError(`${providerId}: ${operation}: ${message}`, { provider: providerId });
}

/** The given entries (an `undefined` value counts as omitted); a name outside `accepted` is refused. */
function givenEntries(input: unknown, accepted: readonly string[], operation: string, shape: string): Record<string, unknown> {
  if (!isPlainObject(input)) throw failure(operation, `needs an object ${shape}.`);
  const given: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (!accepted.includes(name)) throw failure(operation, `does not take "${name}"; it takes ${accepted.join(', ')}.`);
    given[name] = value;
  }
  return given;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** The POST body of `create`; says what is missing or wrong before any request. */
export function createBody(input: unknown): Record<string, unknown> {
  const operation = 'phoneNumbers.create';
  const given = givenEntries(input, createFields, operation, '{ number, agentId, label? }');
  const problems: string[] = [];
  for (const [name, meaning] of [
    ['number', 'the phone number to assign'],
    ['agentId', 'the agent to assign it to'],
  ] as const) {
    const value = given[name];
    if (value === undefined || value === null) problems.push(`${name} is missing (${meaning})`);
    else if (typeof value !== 'string') problems.push(`${name} must be a string (got ${describe(value)})`);
    else if (value.trim() === '') problems.push(`${name} is empty (${meaning})`);
  }
  if (given.label !== undefined && typeof given.label !== 'string') {
    problems.push(`label must be a string when given (got ${describe(given.label)})`);
  }
  if (problems.length > 0) throw failure(operation, `${problems.join('; ')}. Nothing was sent.`);
  return {
    phoneNumber: given.number,
    agentId: given.agentId,
    ...(given.label === undefined ? {} : { friendlyName: given.label }),
  };
}

/** The PUT body of `update`: only the fields given; `null` for agentId or label is sent as the cleared value. */
export function updateBody(patch: unknown): Record<string, unknown> {
  const operation = 'phoneNumbers.update';
  const given = givenEntries(patch, updateFields, operation, '{ agentId?, label?, status? }');
  if (Object.keys(given).length === 0) {
    throw failure(operation, `the patch is empty; give at least one of ${updateFields.join(', ')}. Nothing was sent.`);
  }
  const body: Record<string, unknown> = {};
  if ('label' in given) {
    if (given.label !== null && typeof given.label !== 'string') {
      throw failure(operation, `label must be a string, or null to clear it (got ${describe(given.label)}).`);
    }
    body.friendlyName = given.label ?? clearedValue;
  }
  if ('agentId' in given) {
    const agentId = given.agentId;
    if (agentId !== null && (typeof agentId !== 'string' || agentId.trim() === '')) {
      throw failure(operation, `agentId must be a non-empty string, or null to unlink the agent (got ${describeValue(agentId)}).`);
    }
    body.agentId = agentId ?? clearedValue;
  }
  if ('status' in given) {
    const wire = typeof given.status === 'string' ? wireStatusesFor(given.status, assignmentStatuses) : [];
    if (wire.length === 0) {
      const known = [...new Set(Object.values(assignmentStatuses))].join(' or ');
      throw failure(operation, `status must be ${known} on numbers-assignment (got ${describeValue(given.status)}).`);
    }
    body.status = wire[0];
  }
  return body;
}
