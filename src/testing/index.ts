/**
 * `voiceplane/testing`: a local sandbox of every platform, for your own tests and demos.
 * The msw handlers over the same core are in `voiceplane/testing/msw`, so that this entry never
 * loads msw.
 */
export { startSandbox } from './server.js';
export { sandboxSeed } from './seed.js';
export type { SandboxSeed } from './seed.js';
export type { SandboxDouble, SandboxPlatform, SandboxPlatformSettings } from '../core/sandbox/double.js';
export { sandboxProviders } from './types.js';
export type { SandboxWebhookDelivery, SandboxWebhookProvider } from './webhooks/sender.js';
export type {
  FaultOptions,
  RateLimitOptions,
  Sandbox,
  SandboxClientOptions,
  SandboxControls,
  SandboxCoreOptions,
  SandboxOptions,
  SandboxProvider,
  SandboxRequest,
} from './types.js';
