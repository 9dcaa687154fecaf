// `voiceplane/webhooks`: checks that a webhook request really comes from the platform, from its raw
// body and headers. Web Crypto only (globalThis.crypto.subtle: Node, Bun, Deno, edge runtimes,
// browsers); no node: module, no client, no HTTP. Every verifier is async: Web Crypto's HMAC is.
export { verifyRetellWebhook, retellSignatureHeader } from './retell.js';
export type { VerifyRetellWebhookOptions } from './retell.js';
export { verifyElevenLabsWebhook, elevenLabsSignatureHeader } from './elevenlabs.js';
export type { VerifiedElevenLabsWebhook, VerifyElevenLabsWebhookOptions } from './elevenlabs.js';
export { verifyVapiHmacWebhook, verifyVapiWebhook, vapiSecretHeader } from './vapi.js';
export type { VerifyVapiHmacWebhookOptions, VerifyVapiWebhookOptions } from './vapi.js';
export type { VerifiedWebhook, WebhookBody, WebhookHeaders } from './request-parts.js';
export { InvalidRequestError, VoiceplaneError, WebhookVerificationError } from '../core/errors.js';
export type { WebhookVerificationReason } from '../core/errors.js';
