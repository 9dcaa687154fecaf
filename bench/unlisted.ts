// Whether a platform lists a kind of record account-wide, asked of the SDK in the measuring process.
import { createBenchClient, type Listing, type RecordedPage, type Sdk } from './listings.js';
import { pageSize, type PlatformId } from './platforms.js';

/**
 * Why `listing` cannot be listed account-wide on the platform, `null` when it can: the operation is
 * missing from the provider's operations, or the SDK refuses a listing without a narrowing parameter
 * before any request (a platform that lists calls per campaign only). Read from the SDK, not from a
 * list of platforms, so a new provider is judged by its own definition.
 */
export async function unlisted(sdk: Sdk, platform: PlatformId, baseUrl: string, listing: Listing): Promise<string | null> {
  const pages: RecordedPage[] = [];
  const client = createBenchClient(sdk, platform, baseUrl, pages);
  if (!client.supports(`${listing}.list`)) return `the platform offers no ${listing}.list (the provider's operations have none)`;
  try {
    for await (const _item of client[listing].list!({ limit: pageSize })) break;
    return null;
  } catch (error) {
    if (pages.length > 0 || !(error instanceof sdk.VoiceplaneError)) throw error;
    // The message's first sentence says why; the rest is what a caller should do instead.
    return `the SDK refuses an account-wide ${listing}.list before any request (${error.message.split(/(?<=\.)\s/)[0]!.replace(/\.$/, '')})`;
  }
}
