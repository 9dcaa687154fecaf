// The main entry: everything a one-provider entry point exports (error classes and provider-neutral
// types), plus createClient, the hub and each provider's typed client.
export * from './shared-exports.js';
export { createClient } from './client.js';
export { createHub } from './hub/create-hub.js';
export { HubError } from './hub/hub-error.js';
export type { HubFailure } from './hub/hub-error.js';
export type {
  Hub,
  HubAgents,
  HubCalls,
  HubCampaigns,
  HubFindResult,
  HubItem,
  HubListing,
  HubListParams,
  HubListParamsOf,
  HubOptions,
  HubPhoneNumbers,
  HubPlatforms,
  HubResourceName,
  HubResources,
  HubResult,
} from './hub/types.js';
export type { Client, ClientFor, ClientOptions, ClientOptionsFor, ProviderId } from './client.js';
// Each provider's types, as its entry point exports them (written by scripts/sync-package-exports.mjs):
export type { BlandClient, BlandClientOptions } from './providers/bland/client.js';
export type { BlandCampaignListParams, BlandPhoneNumberListParams } from './providers/bland/list-params.js';
export type { ElevenLabsClient, ElevenLabsClientOptions } from './providers/elevenlabs/client.js';
export type { ElevenLabsCampaignListParams, ElevenLabsPhoneNumberListParams } from './providers/elevenlabs/list-params.js';
export type { GenericClient, GenericClientOptions } from './providers/generic/client.js';
export type { GenericPhoneNumberListParams } from './providers/generic/list-params.js';
export type { NumbersAssignmentClient, NumbersAssignmentClientOptions } from './providers/numbers-assignment/client.js';
export type { NumbersAssignmentPhoneNumberListParams } from './providers/numbers-assignment/list-params.js';
export type { RetellClient, RetellClientOptions } from './providers/retell/client.js';
export type { RetellPhoneNumberListParams } from './providers/retell/list-params.js';
export type { VapiClient, VapiClientOptions } from './providers/vapi/client.js';
export type { VapiCampaignListParams, VapiPhoneNumberListParams } from './providers/vapi/list-params.js';
export type { VogentClient, VogentClientOptions } from './providers/vogent/client.js';
export type { VogentCampaignListParams, VogentPhoneNumberListParams } from './providers/vogent/list-params.js';
export type { VoxClient, VoxClientOptions } from './providers/vox/client.js';
export type { VoxPhoneNumberListParams } from './providers/vox/list-params.js';
export type { VoxCampaignListParams } from './providers/vox/campaign-list-params.js';
// End of the providers' types.
