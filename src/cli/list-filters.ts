import type { FlagValues } from './args.js';
import { filterFlags } from './command-details.js';
import type { CommandSpec } from './commands-spec.js';
import { UsageError } from './usage-error.js';

/** A list's filters beyond --status, as the SDK names them (`agentId`, `campaignId`, `startedAfter`, `startedBefore`). */
export type ListFilters = Record<string, string | Date>;

/** The filters whose value is an instant. */
const timeFilters = new Set(['startedAfter', 'startedBefore']);

/**
 * A date (`2026-03-01`, midnight UTC) or a time with its offset (`2026-03-01T09:00:00+09:00`): a
 * bare local time would mean different moments on different machines.
 */
function instantOf(spec: CommandSpec, flag: string, value: string): Date {
  const text = value.trim();
  const shaped = /^\d{4}-\d{2}-\d{2}$/.test(text) || /^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const date = shaped ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(
      `--${flag} takes a date such as 2026-03-01 (midnight UTC) or an ISO 8601 time with its offset such as 2026-03-01T09:00:00+09:00 (got "${value}").`,
      { spec },
    );
  }
  return date;
}

/** The filter flags of a list subcommand, checked and named as the SDK takes them; `{}` for any other subcommand. */
export function listFiltersOf(spec: CommandSpec, flags: FlagValues): ListFilters {
  if (spec.action !== 'list') return {};
  const filters: ListFilters = {};
  for (const [name, { flag }] of Object.entries(filterFlags)) {
    if (!spec.flags.includes(flag)) continue;
    const value = flags[flag];
    if (typeof value !== 'string') continue;
    if (value.trim() === '') throw new UsageError(`--${flag} needs a value.`, { spec });
    filters[name] = timeFilters.has(name) ? instantOf(spec, flag, value) : value;
  }
  const { startedAfter, startedBefore } = filters;
  if (startedAfter instanceof Date && startedBefore instanceof Date && startedAfter.getTime() > startedBefore.getTime()) {
    throw new UsageError(`--since (${startedAfter.toISOString()}) is later than --until (${startedBefore.toISOString()}): no call can match.`, {
      spec,
    });
  }
  return filters;
}
