import type { AdapterOperations } from './provider-contract.js';
import { ResponseValidationError } from './errors.js';
import type { Transport } from './transport/transport.js';

/**
 * The adapter's operations, each logging at `error` (through the transport's log, key removed) a
 * response it found unusable. Adapters validate and map a body after the transport returned it,
 * so without this such an answer would show in the log only as a debug "-> 200".
 */
export function logUnusableResponses<P extends string>(operations: AdapterOperations<P>, transport: Transport): AdapterOperations<P> {
  return {
    phoneNumbers: logEach(operations.phoneNumbers, 'phoneNumbers', transport),
    campaigns: logEach(operations.campaigns, 'campaigns', transport),
  };
}

function logEach<Group extends object>(group: Group, resource: string, transport: Transport): Group {
  const logged: Record<string, unknown> = {};
  for (const [name, operation] of Object.entries(group)) {
    if (typeof operation !== 'function') continue;
    logged[name] = async (...args: unknown[]) => {
      try {
        return await (operation as (...args: unknown[]) => Promise<unknown>).apply(group, args);
      } catch (error) {
        if (error instanceof ResponseValidationError) transport.logUnusable(`${resource}.${name}`, error);
        throw error;
      }
    };
  }
  return logged as Group;
}
