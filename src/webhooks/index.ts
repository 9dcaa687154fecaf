// `voiceplane/webhooks`: checks that a webhook request really comes from the platform, from its raw
// body and headers. Node's crypto only (node:crypto, as in Node, Bun and Deno); no client, no HTTP.
export { verifyRetellWebhook, retellSignatureHeader } from './retell.js';
export type { VerifyRetellWebhookOptions } from './retell.js';
export { verifyElevenLabsWebhook, elevenLabsSignatureHeader } from './elevenlabs.js';
export type { VerifiedElevenLabsWebhook, VerifyElevenLabsWebhookOptions } from './elevenlabs.js';
export { verifyVapiHmacWebhook, verifyVapiWebhook, vapiSecretHeader } from './vapi.js';
export type { VerifyVapiHmacWebhookOptions, VerifyVapiWebhookOptions } from './vapi.js';
export type { VerifiedWebhook, WebhookBody, WebhookHeaders } from './request-parts.js';
export { InvalidRequestError, VoiceplaneError, WebhookVerificationError } from '../core/errors.js';
export type { WebhookVerificationReason } from '../core/errors.js';
