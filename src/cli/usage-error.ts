import type { CommandSpec, Resource } from './commands-spec.js';

/** A mistake on the command line: exit code 2, the mistake named, then the short usage of the command typed. */
export class UsageError extends Error {
  readonly resource: Resource | undefined;
  readonly spec: CommandSpec | undefined;

  constructor(message: string, context: { resource?: Resource | undefined; spec?: CommandSpec | undefined } = {}) {
    super(message);
    this.name = 'UsageError';
    this.resource = context.resource;
    this.spec = context.spec;
  }
}
