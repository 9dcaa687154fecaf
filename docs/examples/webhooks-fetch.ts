// A Fetch API route: Next.js (app/api/webhooks/[provider]/route.ts: `export const POST = webhookRoute(...)`),
// Hono (`app.post('/webhooks/:provider', (c) => route(c.req.raw))`), Bun.serve, Deno.serve, workers.
import { createWebhookHandler, type CallEvent } from 'voiceplane/webhooks';
import { webhookSecrets } from './webhooks-secrets.js';

export function webhookRoute(onCallEvent: (event: CallEvent) => Promise<void>): (request: Request) => Promise<Response> {
  return createWebhookHandler({ secrets: webhookSecrets() }, async (event) => {
    if (event.type === 'unknown') return; // a tool call, a transcript chunk...: not a call event
    await onCallEvent(event); // event.call is the same Call that calls.get returns
  });
}
