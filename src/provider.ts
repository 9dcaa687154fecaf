/**
 * `voiceplane/provider`: what it takes to add a platform, yours or ours. A provider is one definition
 * (`defineProvider`): its auth headers, error reader, options, operations built over the kit (one
 * transport, checked answers, the pagination kinds) and, for tests, its sandbox double. Pass a
 * definition to `createClient({ provider: definition, ... })` or to `startSandbox({ providers })`.
 * See docs/adding-a-platform.md.
 */
export { defineProvider, operationNames, providerContractVersion } from './core/contract/provider-contract.js';
export { operationRow, resourceNames, resourceTable } from './core/contract/resource-table.js';
export type { ProviderDeclaration, ProviderFunction } from './core/contract/provider-contract.js';
export { createProviderClient } from './core/client/create-provider-client.js';
export { describeValue } from './core/kit/describe-value.js';
export { isPlainObject } from './core/kit/is-plain-object.js';
export { daysAfter, e164, isoSeconds, momentBetween, seedNow, seedStart, shuffledShares, unique } from './core/sandbox/seed-helpers.js';
export type {
  Checked,
  CheckedResponse,
  Expectation,
  ListOperation,
  OperationName,
  OptionDescriptor,
  ProviderDefinition,
  ProviderKit,
  ProviderOperations,
  ProviderOptionValues,
  TypedProviderDefinition,
  WireCheckOptions,
  WireIssue,
  WireResult,
  WireSchema,
} from './core/contract/provider-contract.js';
export type { PageData } from './core/pages/page.js';
export type { HttpRequest, HttpResponse, QueryValue, ReportedFailure } from './core/transport/types.js';
export type { E164Formatter } from './core/kit/e164.js';
export { withE164Formatter } from './core/kit/e164.js';
export { cursorPages, offsetPages, pageNumberPages } from './core/kit/pagination.js';
export { timeKeysetPages } from './core/kit/time-keyset-pagination.js';
export type { TimeKey, TimeKeysetPaging } from './core/kit/time-keyset-pagination.js';
export type {
  CursorPaging,
  CursorStep,
  OffsetPaging,
  PageNumberPaging,
  PagePosition,
  PageReading,
  PageSize,
  SizedParams,
} from './core/kit/pagination.js';
export { chainListings } from './core/kit/chain-listings.js';
export type { ChainedListing } from './core/kit/chain-listings.js';
export { noteUncertainWrite } from './core/kit/write-outcome.js';
export type { OperationFunction, OperationsByName } from './core/kit/operations-by-name.js';
export { checkCampaignInput } from './core/kit/campaign-input.js';
export type { CampaignInputRules, CheckedCampaignInput, CheckedRecipient, ConcurrencyRange } from './core/kit/campaign-input.js';
export { checkCallInput, checkCallWindow, startedInWindow } from './core/kit/call-input.js';
export { givenPatchFields } from './core/kit/number-patch.js';
export { checkLimit } from './core/kit/list-limit.js';
export type { CheckedCallInput } from './core/kit/call-input.js';
export { lazy } from './core/kit/validate.js';
export { path } from './core/kit/path.js';
export { inRequestedStatus, lookupWire, mapStatus, wireStatusesFor, withOneStatus } from './core/kit/status.js';
export { endedCallStatus } from './core/kit/ended-call-status.js';
export type { StatusFilter, WithStatus } from './core/kit/status.js';
export { dateFromIso, dateFromMilliseconds } from './core/kit/dates.js';
export { refuse, refuser } from './core/kit/refuse.js';
// A sandbox double's building blocks (used by `voiceplane/testing` to serve it).
export type { SandboxDouble, SandboxPlatform, SandboxPlatformSettings } from './core/sandbox/double.js';
export { bearerToken, compareBy, dispatch, refuseApiKeyHeader } from './core/sandbox/routes.js';
export type { Handler, Route } from './core/sandbox/routes.js';
export { empty, json, readJson } from './core/sandbox/responses.js';
export { decodeCursor, encodeCursor, wholeNumber } from './core/sandbox/cursors.js';
export { createRandom } from './core/sandbox/random.js';
export type { Random } from './core/sandbox/random.js';
export * from './shared-exports.js';
