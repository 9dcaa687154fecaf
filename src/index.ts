export { createClient } from './client.js';
export { createHub } from './hub/create-hub.js';
export { HubError } from './hub/hub-error.js';
export type { HubFailure } from './hub/hub-error.js';
export type {
  Hub,
  HubCampaigns,
  HubFindResult,
  HubListParams,
  HubOptions,
  HubPhoneNumbers,
  HubPlatforms,
  HubResult,
} from './hub/types.js';
export type { Client, ClientFor, ClientOptions, ClientOptionsFor, ProviderId } from './client.js';
export type { OperationName } from './core/adapter.js';
export type {
  CampaignsResource,
  CommonClientOptions,
  NeutralClient,
  PhoneNumbersResource,
} from './core/client-types.js';
export type { Logger, LogLevel } from './core/logger.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
  UnsupportedOperationError,
  VoiceplaneError,
} from './core/errors.js';
export type { ValidationIssue } from './core/errors.js';
export type { Page } from './core/page.js';
export type { PagePromise } from './core/page-promise.js';
export type {
  Campaign,
  CampaignListParams,
  CampaignStatus,
  CreatePhoneNumberInput,
  ListParams,
  ListRequestOptions,
  MappedStatus,
  PhoneNumber,
  PhoneNumberListParams,
  PhoneNumberStatus,
  RequestOptions,
  UpdatePhoneNumberInput,
} from './core/types.js';
export type { VoxClient, VoxClientOptions } from './providers/vox/client.js';
export type { VoxPhoneNumberListParams } from './providers/vox/list-params.js';
export type { VogentClient, VogentClientOptions } from './providers/vogent/client.js';
export type { VogentCampaignListParams, VogentPhoneNumberListParams } from './providers/vogent/list-params.js';
export type { GenericClient, GenericClientOptions } from './providers/generic/client.js';
export type { GenericPhoneNumberListParams } from './providers/generic/list-params.js';
export type { NumbersAssignmentClient, NumbersAssignmentClientOptions } from './providers/numbers-assignment/client.js';
export type { NumbersAssignmentPhoneNumberListParams } from './providers/numbers-assignment/list-params.js';
