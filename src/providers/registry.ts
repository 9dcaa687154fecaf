import { genericProvider } from './generic/index.js';
import { vogentProvider } from './vogent/index.js';
import { numbersAssignmentProvider } from './numbers-assignment/index.js';
import { voxProvider } from './vox/index.js';
import { vapiProvider } from './vapi/index.js';
import { blandProvider } from './bland/index.js';
import { retellProvider } from './retell/index.js';
import { elevenLabsProvider } from './elevenlabs/index.js';

/** Every platform the SDK speaks: adding one is one folder under providers/ and one line here. */
export const providers = {
  vox: voxProvider,
  vogent: vogentProvider,
  generic: genericProvider,
  'numbers-assignment': numbersAssignmentProvider,
  vapi: vapiProvider,
  bland: blandProvider,
  retell: retellProvider,
  elevenlabs: elevenLabsProvider,
} as const;
