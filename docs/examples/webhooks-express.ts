// Express: the raw body on the webhook route (express.json() would lose the signed bytes).
import express, { type Express } from 'express';
import { createNodeWebhookHandler, type CallEvent } from 'voiceplane/webhooks';
import { webhookSecrets } from './webhooks-secrets.js';

export function webhookApp(onCallEvent: (event: CallEvent) => Promise<void>): Express {
  const app = express();
  app.post(
    '/webhooks/:provider',
    express.raw({ type: '*/*', limit: '5mb' }),
    createNodeWebhookHandler({ secrets: webhookSecrets() }, async (event) => {
      if (event.type !== 'unknown') await onCallEvent(event);
    }),
  );
  return app;
}
