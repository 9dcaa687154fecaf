import { withE164Formatter } from '../core/kit/e164.js';
import type { CampaignRecipient, ProviderId } from '../index.js';
import { providers } from '../providers/registry.js';
import type { CommandSpec } from './commands-spec.js';
import { UsageError } from './usage-error.js';

/**
 * Refuses a recipients list that holds one person twice, however each line spells the number
 * (`+14155550100` and `+1 (415) 555-0100`), naming both places: a campaign would call them twice.
 * Numbers are compared in E.164, national spellings read with the platform's own country; a number
 * that cannot be read is left to the SDK, which refuses it by its index.
 */
export async function refuseDuplicateRecipients(
  recipients: readonly CampaignRecipient[],
  positions: readonly string[],
  provider: ProviderId,
  spec: CommandSpec,
): Promise<void> {
  // The formatter answers null for a number it cannot read (and throws only to load its tables).
  const keys = await withE164Formatter(providers[provider].defaultCountry ?? null, (toE164) =>
    recipients.map((recipient) => toE164(recipient.number)),
  );
  const firstAt = new Map<string, number>();
  for (const [index, key] of keys.entries()) {
    if (key === null) continue;
    const first = firstAt.get(key);
    if (first === undefined) {
      firstAt.set(key, index);
      continue;
    }
    throw new UsageError(
      `--recipients: ${positions[index]} ("${recipients[index]!.number}") is the same number as ${positions[first]} ` +
        `("${recipients[first]!.number}"), ${key}: a campaign would call them twice. Remove one of them.`,
      { spec },
    );
  }
}
