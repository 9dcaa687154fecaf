// Node's own HTTP server: the handler reads the raw body itself (at most 5 MB).
import { createServer, type Server } from 'node:http';
import { createNodeWebhookHandler, type CallEvent } from 'voiceplane/webhooks';
import { webhookSecrets } from './webhooks-secrets.js';

export function webhookServer(onCallEvent: (event: CallEvent) => Promise<void>): Server {
  // Mount it on /webhooks/vapi, /webhooks/retell, ...: the path names the platform.
  return createServer(
    createNodeWebhookHandler({ secrets: webhookSecrets() }, async (event) => {
      if (event.type !== 'unknown') await onCallEvent(event);
    }),
  );
}
