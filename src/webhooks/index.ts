// `voiceplane/webhooks`: checks that a webhook request really comes from the platform, from its raw
// body and headers, and reads it as a neutral call event whose `call` is mapped as `calls.get`
// maps it. Web Crypto only (globalThis.crypto.subtle: Node, Bun, Deno, edge runtimes, browsers); no
// node: module, no client, no HTTP. Every verifier is async: Web Crypto's HMAC is.
export { parseWebhook } from './parse-webhook.js';
export { createNodeWebhookHandler, createWebhookHandler, refusalStatus } from './adapters.js';
export type { NodeWebhookHandlerOptions, NodeWebhookRequest, NodeWebhookResponse, WebhookEventHandler } from './adapters.js';
export { webhookProviders } from './call-event.js';
export type {
  CallEvent,
  CallEventType,
  ParseWebhookOptions,
  UnknownWebhookEvent,
  VapiHmacSecret,
  VapiTokenSecret,
  WebhookEvent,
  WebhookProvider,
  WebhookRequestParts,
  WebhookSecrets,
  WebhookVerification,
} from './call-event.js';
export { defaultMaxBodyBytes } from './read-body.js';
export type { SharedSecretHeader } from './shared-secret.js';
export { verifyBlandWebhook, blandSignatureHeader } from './bland.js';
export type { VerifiedBlandWebhook } from './bland.js';
export type { VerifyBlandWebhookOptions } from './bland.js';
export { verifyRetellWebhook, retellSignatureHeader } from './retell.js';
export type { VerifyRetellWebhookOptions } from './retell.js';
export { verifyElevenLabsWebhook, elevenLabsSignatureHeader } from './elevenlabs.js';
export type { VerifiedElevenLabsWebhook, VerifyElevenLabsWebhookOptions } from './elevenlabs.js';
export { verifyVapiHmacWebhook, verifyVapiWebhook, vapiSecretHeader } from './vapi.js';
export type { VerifyVapiHmacWebhookOptions, VerifyVapiWebhookOptions } from './vapi.js';
export type { VerifiedWebhook, WebhookBody, WebhookHeaders } from './request-parts.js';
export { InvalidRequestError, VoiceplaneError, WebhookPayloadError, WebhookVerificationError } from '../core/errors.js';
export type { WebhookPayloadReason, WebhookVerificationReason } from '../core/errors.js';
export type { Call } from '../core/call-types.js';
