import { genericSeed, type GenericSeed } from './generic.js';
import { numbersAssignmentSeed, type NumbersAssignmentSeed } from './numbers-assignment.js';
import { vogentSeed, type VogentSeed } from './vogent.js';
import { voxSeed, type VoxSeed } from './vox.js';

/** The records every sandbox starts with (and returns to on `reset()`), per platform, as each platform's wire. */
export interface SandboxSeed {
  vox: VoxSeed;
  vogent: VogentSeed;
  generic: GenericSeed;
  'numbers-assignment': NumbersAssignmentSeed;
}

let generated: SandboxSeed | undefined;

/**
 * A fresh copy of the seed data: 230 vox numbers and 14 campaigns, 180 Vogent numbers and 15 batch
 * dial jobs, 150 generic numbers, 140 numbers-assignment assignments. The same on every run (a
 * seeded generator), so tests can assert counts and look up ids here.
 */
export function sandboxSeed(): SandboxSeed {
  generated ??= {
    vox: voxSeed(),
    vogent: vogentSeed(),
    generic: genericSeed(),
    'numbers-assignment': numbersAssignmentSeed(),
  };
  return structuredClone(generated);
}
