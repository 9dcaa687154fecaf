import type { OperationName, ProviderFunction } from '../contract/provider-contract.js';

/** The function of one operation, as `ProviderOperations` declares it: `'campaigns.create'` gives the create. */
export type OperationFunction<P extends string, Name extends OperationName> = ProviderFunction<P, Name>;

/** Some of a provider's operations, each under its name: `{ 'campaigns.create': ..., 'campaigns.pause': ... }`. */
export type OperationsByName<P extends string, Name extends OperationName> = { [Each in Name]: OperationFunction<P, Each> };
