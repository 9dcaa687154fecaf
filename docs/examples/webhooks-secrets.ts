import type { WebhookSecrets } from 'voiceplane/webhooks';

/** Each platform's webhook secret, from the environment (leave out the platforms you do not use). */
export function webhookSecrets(): WebhookSecrets {
  return {
    vapi: process.env.VAPI_SERVER_SECRET, // the server URL's secret, sent as X-Vapi-Secret
    retell: process.env.RETELL_API_KEY, // the API key with the webhook badge
    elevenlabs: process.env.ELEVENLABS_WEBHOOK_SECRET, // the webhook's HMAC secret
    bland: process.env.BLAND_WEBHOOK_SECRET, // the webhook signing secret
  };
}
