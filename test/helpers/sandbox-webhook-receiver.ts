import { vi } from 'vitest';
import { webhookServer } from '../../docs/examples/webhooks-node.js';
import type { CallEvent } from '../../src/webhooks/index.js';
import { listenOnLoopback } from './loopback-server.js';

/** The secrets the sandbox webhook tests sign with, one per platform. */
export const sandboxWebhookSecrets = { vapi: 'vapi_sandbox_secret', retell: 'key_sandbox_webhook', elevenlabs: 'wsec_sandbox', bland: 'bland_sandbox_secret' };

/**
 * The docs' Node handler (docs/examples/webhooks-node.ts) on loopback, with `given` in the
 * environment its example reads; `closers` gets its close.
 */
export async function docsReceiver(
  given: Record<keyof typeof sandboxWebhookSecrets, string>,
  closers: Array<() => Promise<void>>,
): Promise<{ url: string; events: CallEvent[] }> {
  vi.stubEnv('VAPI_SERVER_SECRET', given.vapi);
  vi.stubEnv('RETELL_API_KEY', given.retell);
  vi.stubEnv('ELEVENLABS_WEBHOOK_SECRET', given.elevenlabs);
  vi.stubEnv('BLAND_WEBHOOK_SECRET', given.bland);
  const events: CallEvent[] = [];
  const { url, close } = await listenOnLoopback(webhookServer(async (event) => void events.push(event)));
  closers.push(close);
  return { url, events };
}

/** Waits (on real timers) until `done()` holds; fails after two seconds. */
export async function until(done: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 2000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
