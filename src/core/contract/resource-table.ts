import { callStatuses, campaignStatuses, phoneNumberStatuses } from './statuses.js';

/*
 * Every resource and operation of the neutral API, named once. The provider contract's operation
 * names and function types, the client's dispatch and typing, `supports()`, the hub's listings, the
 * command line's help and the README's platform table all follow from these rows. Adding a resource
 * is a row here, its neutral types and the row's signature in `operation-signatures.ts`.
 */

/**
 * How an operation is called, which decides its dispatch and its types:
 * - `list`: `(params?, options?)`, a page of items;
 * - `listBy`: `(ownerId, params?, options?)`, a page of the items of one owner (an agent's numbers);
 * - `byId`: `(id, options?)`, one object or an action on it;
 * - `byIdWith`: `(id, extra?, options?)`, as `byId` with options of its own before the request options;
 * - `create`: `(input, options?)`, never retried;
 * - `update`: `(id, patch, options?)`.
 */
export type OperationKind = 'list' | 'listBy' | 'byId' | 'byIdWith' | 'create' | 'update';

/** One operation of the table. */
export interface OperationRow {
  /** How it is called. */
  readonly kind: OperationKind;
  /** One line: what it does, for the command line's help and the docs. */
  readonly summary: string;
  /** For a list: the unified statuses its `status` filter takes; absent where it takes no `status`. */
  readonly statuses?: readonly string[];
  /** For a list: the neutral filters it takes beyond `limit`, `cursor` and `status`. */
  readonly filters?: readonly string[];
  /** For `listBy`: what the owner's id is, for messages ("agent id"). */
  readonly owner?: string;
  /**
   * For a list the hub merges by time: the item's date fields, the first one set wins. The hub then
   * gives every platform's items newest first; a list without it is merged as pages arrive.
   */
  readonly newestFirstBy?: readonly string[];
}

/** One resource of the table: its name in words and its operations. */
export interface ResourceRow {
  /** One object of the resource, in words, for messages: "phone number". */
  readonly noun: string;
  /** The resource's operations, by name. */
  readonly operations: Readonly<Record<string, OperationRow>>;
}

// The literal keeps its own type (resource and operation names, each operation's kind) for
// `ResourceTable`; the exported value is typed by the documented row interfaces, so the reference
// describes a row once instead of every nested literal member.
const table = {
  phoneNumbers: {
    noun: 'phone number',
    operations: {
      list: {
        kind: 'list',
        summary: 'A page of phone numbers; iterating it yields every number, page after page.',
        statuses: phoneNumberStatuses,
      },
      get: { kind: 'byId', summary: 'One phone number by its platform id.' },
      create: { kind: 'create', summary: 'Adds a number and links it to an agent. Never retried.' },
      update: { kind: 'update', summary: "Changes a number's agent (routing), label or status; `agentId: null` unlinks." },
      delete: { kind: 'byId', summary: 'Removes a phone number.' },
      listByAgent: {
        kind: 'listBy',
        summary: 'The phone numbers linked to one agent.',
        statuses: phoneNumberStatuses,
        owner: 'agent id',
      },
    },
  },
  campaigns: {
    noun: 'campaign',
    operations: {
      get: { kind: 'byId', summary: 'One campaign by its platform id.' },
      list: { kind: 'list', summary: 'A page of campaigns; iterating it yields every campaign.', statuses: campaignStatuses },
      create: { kind: 'create', summary: 'Creates a campaign that runs by itself at `scheduledAt` (or now). Never retried.' },
      pause: { kind: 'byId', summary: 'Pauses a running campaign: no new calls until it is resumed.' },
      resume: { kind: 'byId', summary: 'Resumes a paused campaign.' },
      cancel: { kind: 'byId', summary: 'Stops a campaign for good: no further calls are placed.' },
      retry: {
        kind: 'byId',
        summary: 'Calls again the recipients of a finished or failed campaign that were not reached.',
      },
    },
  },
  calls: {
    noun: 'call',
    operations: {
      create: { kind: 'create', summary: 'Places one outbound call. Never retried.' },
      list: {
        kind: 'list',
        summary: 'A page of calls, newest first where the platform says; iterating it yields every call.',
        statuses: callStatuses,
        filters: ['agentId', 'campaignId', 'startedAfter', 'startedBefore'],
        newestFirstBy: ['startedAt', 'createdAt'],
      },
      get: { kind: 'byId', summary: 'One call by its platform id, with its transcript where the platform has one.' },
    },
  },
  agents: {
    noun: 'agent',
    operations: {
      list: { kind: 'list', summary: 'A page of agents; iterating it yields every agent.' },
      get: { kind: 'byIdWith', summary: 'One agent by its platform id; `{ withPrompt: true }` fetches a prompt kept elsewhere.' },
    },
  },
} as const satisfies Readonly<Record<string, ResourceRow>>;

/**
 * The table's literal type: every resource by name, with its operations by short name and each
 * operation's `kind`; the operation names and the client's types are read from it.
 */
export type ResourceTable = typeof table;

/**
 * The table: every resource of the neutral API and its operations, in the order the docs list them.
 * Each entry is a {@link ResourceRow}; its exact names and kinds are in {@link ResourceTable}.
 */
export const resourceTable: { readonly [R in ResourceName]: ResourceRow } = table;

/** A resource of the neutral API: `phoneNumbers`, `campaigns`, `calls`, `agents`. */
export type ResourceName = keyof ResourceTable;

/** The operations of one resource, by their short name: `list`, `get`, ... */
export type OperationOf<R extends ResourceName> = keyof ResourceTable[R]['operations'] & string;

/** Every operation of the neutral API, as `client.supports(...)` names it: `'phoneNumbers.list'`, ... */
export type OperationName = { [R in ResourceName]: `${R}.${OperationOf<R>}` }[ResourceName];

/** The resource of an operation: `'campaigns'` for `'campaigns.get'`. */
export type ResourceOfOperation<Name extends OperationName> = Name extends `${infer R}.${string}` ? R & ResourceName : never;

/** The short name of an operation: `'get'` for `'campaigns.get'`. */
export type ShortName<Name extends OperationName> = Name extends `${string}.${infer O}` ? O : never;

/** The kind of an operation, from the table. */
export type KindOf<Name extends OperationName> = Name extends `${infer R extends ResourceName}.${infer O}`
  ? O extends keyof ResourceTable[R]['operations']
    ? (ResourceTable[R]['operations'][O] & OperationRow)['kind']
    : never
  : never;

/** Every resource name, in the table's order. */
// Marked pure so a bundle that never reads them (the verifier-only webhooks entry) leaves them out.
export const resourceNames = /* @__PURE__ */ Object.keys(resourceTable) as ResourceName[];

/** Every operation name, in the table's order (the order of the README's tables). */
export const operationNames: readonly OperationName[] = /* @__PURE__ */ resourceNames.flatMap((resource) =>
  Object.keys(resourceTable[resource].operations).map((operation) => `${resource}.${operation}` as OperationName),
);

/** The row of one operation. */
export function operationRow(name: OperationName): OperationRow {
  const [resource, operation] = name.split('.') as [ResourceName, string];
  return resourceTable[resource].operations[operation]!;
}
