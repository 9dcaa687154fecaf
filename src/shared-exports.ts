// What every one-provider entry point (`voiceplane/vox`, ...) exports beside its factory: the error
// classes, which are the same objects as those of `voiceplane`, and the provider-neutral types.
export type { KindOf, OperationKind, OperationName, OperationOf, OperationRow, ResourceName, ResourceRow, ResourceTable } from './core/contract/resource-table.js';
export type {
  ExtraSignature,
  InputSignature,
  ListingSignature,
  OperationSignatures,
  ResultSignature,
  SignatureOf,
} from './core/contract/operation-signatures.js';
export type {
  ClientMethod,
  ClientOf,
  ClientWith,
  CommonClientOptions,
  ListParamsByOperation,
  OfferedBy,
  ParamsBy,
  ProviderClient,
  Supporting,
} from './core/client/client-types.js';
export type { Logger, LogLevel } from './core/transport/logger.js';
export type { Limiter, Release } from './core/transport/limiter.js';
export type { SingleProviderOptions } from './core/client/create-provider-client.js';
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  CampaignStartError,
  ConcurrencyLimitError,
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
  WebhookPayloadError,
  WebhookVerificationError,
} from './core/errors.js';
export type { ValidationIssue, WebhookPayloadReason, WebhookVerificationReason } from './core/errors.js';
export type {
  Agent,
  AgentListParams,
  Call,
  CallCost,
  CallEndReason,
  CallListParams,
  CallRecording,
  CallStatus,
  CreateCallInput,
  GetAgentOptions,
  PromptReference,
  Turn,
} from './core/call-types.js';
export type { Page } from './core/pages/page.js';
export type { PagePromise } from './core/pages/page-promise.js';
export type { APIPromise, APIResponse } from './core/client/api-promise.js';
export type { ClientOptionsOverride } from './core/client/client-types.js';
export type { Fetch, FetchInit, FetchOptions, FetchResponse } from './core/transport/types.js';
export type {
  Campaign,
  CampaignListParams,
  CampaignRecipient,
  CampaignStatus,
  CreateCampaignInput,
  CreatePhoneNumberInput,
  ListParams,
  ListRequestOptions,
  MappedStatus,
  RawRecord,
  PhoneNumber,
  PhoneNumberListParams,
  PhoneNumberStatus,
  RequestOptions,
  UpdatePhoneNumberInput,
} from './core/types.js';
