// Which of a double's seed lists a listing lists. A calls listing made long by repeating every seed
// list can explode: a double that derives its calls from its campaigns (each campaign's dialled
// contacts get a call) derives, from ten thousand campaign copies, millions of calls, more than a
// server's heap holds. So a calls listing makes long only the seed list its pages come from, found by
// matching the records of a first page, answered over the seed as it is, with the seed's records;
// when they come from none (the double derives its calls), no list is made long, and the listing
// reads as many of the double's own calls as it has, up to its total.
import { itemsOf } from './listings.js';

/** A field named as an identifier: `id`, `call_id`, `conversationId`. */
const idName = /(^id|_id|Id)$/;

/**
 * The name of the seed list whose records the page `body` holds: the list with an identifying field
 * (named as an id, a different text on each record) whose values most of the page's items share
 * under the same name, the most distinct of them winning (a call names its agent, but a page of
 * calls names fewer agents than calls). `null` when no list holds half of the page's items.
 */
export function listedSeedList(seed: Readonly<Record<string, unknown>>, body: unknown): string | null {
  const items = itemsOf(body).filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
  if (items.length === 0) return null;
  let best: { name: string; matched: number } | null = null;
  for (const [name, value] of Object.entries(seed)) {
    if (!Array.isArray(value)) continue;
    const records = value.filter((record): record is Record<string, unknown> => typeof record === 'object' && record !== null);
    if (records.length === 0) continue;
    const fields = new Set(records.flatMap((record) => Object.keys(record).filter((field) => idName.test(field))));
    for (const field of fields) {
      const values = new Set<unknown>(records.map((record) => record[field]).filter((id) => typeof id === 'string'));
      if (values.size !== records.length) continue;
      const matched = new Set(items.map((item) => item[field]).filter((id) => values.has(id))).size;
      if (matched * 2 >= items.length && (best === null || matched > best.matched)) best = { name, matched };
    }
  }
  return best?.name ?? null;
}
