// The four platforms' wire formats, for the loopback server (which pages to serve) and for the
// raw fetch loop (how to follow the pages without the SDK). Items are shaped like the fixtures.

export type PlatformId = 'vox' | 'vogent' | 'generic' | 'numbers-assignment';

export const platformIds: readonly PlatformId[] = ['vox', 'vogent', 'generic', 'numbers-assignment'];

/** Every listing of the benchmark asks for pages of this many items. */
export const pageSize = 100;

/** Where a raw client goes next: the query of the following page, or `null` after the last one. */
export type NextQuery = (body: unknown, pageSize: number) => Record<string, string> | null;

export interface BenchPlatform {
  id: PlatformId;
  /** The list path, after the base URL. */
  listPath: string;
  /** Options of `createClient` beyond `provider`, `apiKey` and `baseUrl`. */
  extraOptions: Record<string, string>;
  /** The auth headers a raw client sends, as the SDK does. */
  authHeaders: (apiKey: string) => Record<string, string>;
  /** One realistic wire object; `index` makes it distinct. */
  item: (index: number) => Record<string, unknown>;
  /** The 0-based page a request asks for. */
  pageIndexOf: (query: URLSearchParams) => number;
  /** The page body around its pre-serialized items array. */
  envelope: (page: { index: number; count: number; size: number; total: number }) => { head: string; tail: string };
  /** The phone number of a wire item, as the mapping hands it to the E.164 formatter; `null` where it does not. */
  numberOf: (item: Record<string, unknown>) => string | null;
  /** The country the adapter reads national spellings as. */
  defaultCountry: string | null;
  /** The array of items inside a parsed body. */
  itemsOf: (body: unknown) => unknown[];
  nextQuery: NextQuery;
}

type Body = Record<string, any>;

const cursorFor = (pageIndex: number) => Buffer.from(`{"offset":${pageIndex}}`).toString('base64url');
const pageFromCursor = (cursor: string | null) =>
  cursor === null ? 0 : Number(/\d+/.exec(Buffer.from(cursor, 'base64url').toString())?.[0] ?? 0);

const hex = (value: number, width: number) => (value >>> 0).toString(16).padStart(width, '0').slice(-width);
const uuid = (index: number, salt: number) =>
  `${hex(index * 2654435761 + salt, 8)}-${hex(index, 4)}-4${hex(salt, 3)}-8${hex(index >> 4, 3)}-${hex(index * 40503, 12)}`;
const digits = (index: number, width: number) => String(index % 10 ** width).padStart(width, '0');
const isoAt = (index: number) => new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString();

const voxStatuses = ['active', 'active', 'active', 'scheduled', 'cancel_requested', 'expired'];

const vox: BenchPlatform = {
  id: 'vox',
  listPath: '/v3/organization-telephone-numbers',
  extraOptions: {},
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  item: (index) => {
    const custom = index % 4 === 3;
    const number = index % 2 === 0 ? `02${digits(10_000_000 + index, 8)}` : `010${digits(20_000_000 + index, 8)}`;
    const createdAt = 1_730_419_200_000 + index * 60_000;
    return {
      id: uuid(index, 1),
      number,
      provider: custom ? 'custom' : 'vox',
      status: voxStatuses[index % voxStatuses.length],
      start_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt + 86_400_000,
      monthly_fee: custom ? 0 : 3000,
      address: `sip:${number}@${custom ? 'pbx.example.kr' : 'trunk.tryvox.co'}`,
      inbound_trunk_id: `trk_in_${digits(index, 2)}`,
      outbound_trunk_id: custom ? null : `trk_out_${digits(index, 2)}`,
      inbound_agent: index % 5 === 4 ? null : { agent_id: uuid(index % 50, 2), agent_version: 'current' },
      outbound_agent: index % 3 === 0 ? { agent_id: uuid(index % 50, 3), agent_version: 'production' } : null,
      memo: index % 2 === 0 ? `Front desk ${index}` : null,
      end_at: null,
      cancel_requested_at: null,
    };
  },
  pageIndexOf: (query) => pageFromCursor(query.get('cursor')),
  envelope: ({ index, count, total }) => ({
    head: '{"items":',
    tail: `,"total_count":${total},"next_cursor":${index + 1 < count ? JSON.stringify(cursorFor(index + 1)) : 'null'}}`,
  }),
  numberOf: (item) => item.number as string,
  defaultCountry: 'KR',
  itemsOf: (body) => (body as Body).items,
  nextQuery: (body, pageSize) => {
    const cursor = (body as Body).next_cursor;
    return cursor ? { limit: String(pageSize), cursor } : null;
  },
};

const vogent: BenchPlatform = {
  id: 'vogent',
  listPath: '/phone_numbers',
  extraOptions: {},
  authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
  item: (index) => {
    const sip = index % 10 === 9;
    return {
      id: uuid(index, 4),
      number: sip ? `frontdesk-sip-${index}` : `+1${index % 2 === 0 ? '415' : '212'}${600 + (index % 300)}${digits(index, 4)}`,
      type: sip ? 'SIP_USERNAME' : 'PSTN',
      agentId: index % 3 === 2 ? null : uuid(index % 50, 5),
    };
  },
  pageIndexOf: (query) => pageFromCursor(query.get('cursor')),
  envelope: ({ index, count }) => ({
    head: '{"data":',
    tail: `,"cursor":${index + 1 < count ? JSON.stringify(cursorFor(index + 1)) : 'null'}}`,
  }),
  numberOf: (item) => (item.type === 'SIP_USERNAME' ? null : (item.number as string)),
  defaultCountry: null,
  itemsOf: (body) => (body as Body).data,
  nextQuery: (body, pageSize) => {
    const cursor = (body as Body).cursor;
    return cursor ? { limit: String(pageSize), cursor } : null;
  },
};

const generic: BenchPlatform = {
  id: 'generic',
  listPath: '/api/phone-numbers',
  extraOptions: { organizationId: 'org_bench' },
  authHeaders: (apiKey) => ({ 'x-api-key': apiKey, 'x-organization-id': 'org_bench' }),
  item: (index) => ({
    phone_number_id: `phon_${hex(index * 2654435761, 8)}${hex(index, 4)}`,
    phone_number: index % 10 === 7 ? `+4420${7000 + (index % 1000)}${digits(index, 4)}` : `+1646${300 + (index % 600)}${digits(index * 7, 4)}`,
    provider: index % 4 === 3 ? 'sip' : 'twilio',
    status: index % 3 === 0 ? 'free' : 'assigned',
    supports_inbound: true,
    supports_outbound: index % 5 !== 4,
    assigned_agent_id: index % 3 === 0 ? null : `agent_${hex(index % 50, 12)}`,
    created_at: isoAt(index),
  }),
  pageIndexOf: (query) => pageFromCursor(query.get('cursor')),
  envelope: ({ index, count, size, total }) => {
    const more = index + 1 < count;
    return {
      head: '{"success":true,"data":',
      tail:
        `,"pagination":{"next_cursor":${more ? JSON.stringify(cursorFor(index + 1)) : 'null'},` +
        `"has_more":${more},"page_size":${size},"total_count":${total}}}`,
    };
  },
  numberOf: (item) => item.phone_number as string,
  defaultCountry: null,
  itemsOf: (body) => (body as Body).data,
  nextQuery: (body, pageSize) => {
    const { has_more: more, next_cursor: cursor } = (body as Body).pagination;
    return more && cursor ? { limit: String(pageSize), cursor } : null;
  },
};

const numbersAssignment: BenchPlatform = {
  id: 'numbers-assignment',
  listPath: '/numbers',
  extraOptions: {},
  authHeaders: (apiKey) => ({ 'x-api-key': apiKey }),
  item: (index) => ({
    id: `pn_${hex(index * 2654435761, 8).toUpperCase()}${digits(index, 4)}`,
    phoneNumber: `+1${index % 3 === 0 ? '312' : '617'}${200 + (index % 700)}${digits(index * 13, 4)}`,
    friendlyName: index % 2 === 0 ? `Line ${index}` : null,
    agentId: index % 4 === 3 ? null : `agt_${digits(index % 50, 3)}`,
    status: index % 5 === 4 ? 'inactive' : 'active',
    createdAt: isoAt(index),
    updatedAt: isoAt(index + 24),
    webhookUrl: `https://hooks.example.com/calls/${index}`,
  }),
  pageIndexOf: (query) => Number(query.get('page') ?? 1) - 1,
  envelope: ({ index, count, size, total }) => ({
    head: '{"data":',
    tail: `,"pagination":{"page":${index + 1},"limit":${size},"total":${total},"totalPages":${count}}}`,
  }),
  numberOf: (item) => item.phoneNumber as string,
  defaultCountry: null,
  itemsOf: (body) => (body as Body).data,
  nextQuery: (body, pageSize) => {
    const { page, totalPages } = (body as Body).pagination;
    return page < totalPages ? { page: String(page + 1), limit: String(pageSize) } : null;
  },
};

export const platforms: Readonly<Record<PlatformId, BenchPlatform>> = {
  vox,
  vogent,
  generic,
  'numbers-assignment': numbersAssignment,
};

/** The first page's query, as the SDK sends it for `list({ limit })`. */
export function firstQuery(platform: BenchPlatform, pageSize: number): Record<string, string> {
  return platform.id === 'numbers-assignment' ? { page: '1', limit: String(pageSize) } : { limit: String(pageSize) };
}
