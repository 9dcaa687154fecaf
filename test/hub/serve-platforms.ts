import type { PhoneNumber } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { http, HttpResponse, server } from '../helpers/msw.js';

/** The options of a hub over the four platforms, each at the address `servePlatforms` answers. */
export const platforms = {
  vox: { apiKey: 'vox_key' },
  vogent: { apiKey: 'vogent_key' },
  generic: { apiKey: 'generic_key', baseUrl: 'https://generic.test', organizationId: 'org_1' },
  'numbers-assignment': { apiKey: 'na_key', baseUrl: 'https://na.test' },
};

type Page = Record<string, unknown> & { data?: unknown[]; items?: unknown[] };

const voxStatuses = ['active', 'scheduled', 'cancel_requested', 'expired'];
const voxNumbers = () =>
  ['phone-numbers-page-1', 'phone-numbers-page-2'].flatMap((name) => fixture<{ items: { id: string; status: string }[] }>('vox', name).items);

/**
 * Serves every platform's fixtures; `failing` platforms answer 401. The `held` platforms answer
 * nothing until `release()` is called: a test decides when a slow platform is let through,
 * instead of hoping a delay is long enough on a loaded machine.
 */
export function servePlatforms(options: { held?: string[]; failing?: string[] } = {}): { release(): void } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const answer = async (provider: string, body: () => unknown) => {
    if (options.held?.includes(provider)) await released;
    if (options.failing?.includes(provider)) {
      return HttpResponse.json({ success: false, error: { code: 'unauthorized', message: 'bad key' } }, { status: 401 });
    }
    return HttpResponse.json(body() as Record<string, unknown>);
  };
  const second = (request: Request, name: string) => new URL(request.url).searchParams.has(name);
  server.use(
    http.get('https://client-api.tryvox.co/v3/organization-telephone-numbers', ({ request }) => answer('vox', () => voxPage(request))),
    http.get('https://api.vogent.ai/api/phone_numbers', ({ request }) =>
      answer('vogent', () => fixture('vogent', second(request, 'cursor') ? 'phone-numbers-page-2' : 'phone-numbers-page-1')),
    ),
    http.get('https://api.vogent.ai/api/batch_dial_jobs', ({ request }) =>
      answer('vogent', () => fixture('vogent', second(request, 'cursor') ? 'batch-dial-jobs-page-2' : 'batch-dial-jobs-page-1')),
    ),
    http.get('https://generic.test/api/phone-numbers', () => answer('generic', () => fixture('generic', 'phone-numbers'))),
    http.get('https://na.test/numbers', ({ request }) =>
      answer('numbers-assignment', () =>
        fixture('numbers-assignment', new URL(request.url).searchParams.get('page') === '2' ? 'phone-numbers-page-2' : 'phone-numbers-page-1'),
      ),
    ),
  );
  return { release };
}

/** The ids of the items of some fixture pages, in order. */
export const idsOf = (provider: string, pages: string[]) =>
  pages.flatMap((name) => {
    const page = fixture<Page>(provider, name);
    return ((page.items ?? page.data) as { id?: string; phone_number_id?: string }[]).map((item) => item.id ?? item.phone_number_id);
  });

/** Every number id of each platform's fixtures, in the platform's order. */
export const expectedIds = {
  // One status after another: vox is asked for each of its statuses in turn.
  vox: voxStatuses.flatMap((status) => voxNumbers().filter((item) => item.status === status).map((item) => item.id)),
  vogent: idsOf('vogent', ['phone-numbers-page-1', 'phone-numbers-page-2']),
  generic: idsOf('generic', ['phone-numbers']),
  'numbers-assignment': idsOf('numbers-assignment', ['phone-numbers-page-1', 'phone-numbers-page-2']),
};

/**
 * vox's numbers list as documented: one `status` value (default `active`; of a repeated one the
 * last counts), the fixtures' numbers of that status, `limit` (50) at a time from an offset cursor.
 */
function voxPage(request: Request) {
  const query = new URL(request.url).searchParams;
  const status = query.getAll('status').at(-1) ?? 'active';
  const limit = Number(query.get('limit') ?? 50);
  const offset = Number(query.get('cursor') ?? 0);
  const matching = voxNumbers().filter((item) => item.status === status);
  const next = offset + limit < matching.length ? String(offset + limit) : null;
  return { items: matching.slice(offset, offset + limit), total_count: matching.length, next_cursor: next };
}

/** The ids of some items grouped by platform, each group in the order it came. */
export const byProvider = (items: PhoneNumber[]) => {
  const groups: Record<string, string[]> = {};
  for (const item of items) (groups[item.provider] ??= []).push(item.id);
  return groups;
};
