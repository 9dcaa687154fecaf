import type { ClientOf, CommonClientOptions } from '../../provider.js';
import type { voxProvider } from './index.js';

/** Options of `createClient({ provider: 'vox', ... })`. The key falls back to `VOX_API_KEY`. */
export interface VoxClientOptions extends CommonClientOptions {
  /** The platform: `'vox'`. */
  provider: 'vox';
}

/** A vox.ai client: only the operations vox offers can be called. */
export type VoxClient = ClientOf<typeof voxProvider>;
