import type { CampaignsResource, PhoneNumbersResource } from '../../core/client/client-types.js';
import type { OperationName } from '../../core/provider-contract.js';
import type { CommonClientOptions } from '../../core/client/client-types.js';
import type { VoxPhoneNumberListParams } from './list-params.js';

/** Options of `createClient({ provider: 'vox', ... })`. The key falls back to `VOX_API_KEY`. */
export interface VoxClientOptions extends CommonClientOptions {
  provider: 'vox';
}

/** A vox.ai client: only the operations vox offers exist on it. */
export interface VoxClient {
  readonly provider: 'vox';
  supports(operation: OperationName): boolean;
  readonly phoneNumbers: Pick<PhoneNumbersResource<'vox', VoxPhoneNumberListParams>, 'list' | 'get'>;
  readonly campaigns: Pick<CampaignsResource<'vox'>, 'get'>;
}
