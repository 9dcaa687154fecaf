import type { OperationName, ProviderOperations } from '../provider-contract.js';

/** The function of one operation, as `ProviderOperations` declares it: `'campaigns.create'` gives the create. */
export type OperationFunction<P extends string, Name extends OperationName> = Name extends `${infer Resource}.${infer Operation}`
  ? Resource extends keyof ProviderOperations<P>
    ? Operation extends keyof ProviderOperations<P>[Resource]
      ? NonNullable<ProviderOperations<P>[Resource][Operation]>
      : never
    : never
  : never;

/** Some of a provider's operations, each under its name: `{ 'campaigns.create': ..., 'campaigns.pause': ... }`. */
export type OperationsByName<P extends string, Name extends OperationName> = { [Each in Name]: OperationFunction<P, Each> };
