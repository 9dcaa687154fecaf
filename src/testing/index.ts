/**
 * `voiceplane/testing`: a local sandbox of the four platforms, for your own tests and demos.
 * The msw handlers over the same core are in `voiceplane/testing/msw`, so that this entry never
 * loads msw.
 */
export { startSandbox } from './server.js';
export { sandboxSeed } from './seed/index.js';
export type { SandboxSeed } from './seed/index.js';
export type { VoxAgentReferenceWire, VoxCampaignWire, VoxPhoneNumberWire, VoxSeed } from './seed/vox.js';
export type { VogentBatchDialJobWire, VogentPhoneNumberWire, VogentSeed } from './seed/vogent.js';
export type { GenericPhoneNumberWire, GenericSeed } from './seed/generic.js';
export type { NumbersAssignmentSeed, NumbersAssignmentWire } from './seed/numbers-assignment.js';
export { sandboxProviders } from './types.js';
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
