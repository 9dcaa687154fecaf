import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createClient,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseValidationError,
  UnprocessableEntityError,
  type Client,
  type ProviderId,
} from '../../src/index.js';
import { startFaultServer, type FaultServer } from './fault-server.js';

/** What the loopback server answers next: every request gets it until the next `serve`. */
export interface Answer {
  status: number;
  /** The body as sent; `undefined` sends an empty body. */
  text: string | undefined;
}

export type JsonObject = Record<string, unknown>;

/** One operation of an adapter under test, with what it takes to check its answer. */
export interface OperationUnderTest {
  name: string;
  call: (client: Client) => Promise<unknown>;
  /** A realistic body for this operation, from the fixtures: the base of near-valid mutations. */
  fixture: () => unknown;
  /** The wire objects a body carries (the items of a page, or the one object), as the mapping must keep them in `raw`. */
  rawObjects: (body: unknown) => unknown[];
  /** The mapped objects a result holds (a page's items, or the one result). */
  results: (result: unknown) => { raw: unknown }[];
}

export interface AdapterUnderTest {
  provider: ProviderId;
  options?: Record<string, unknown>;
  operations: OperationUnderTest[];
  /** Whether a 2xx body is the platform's own failure report, which the adapter raises as an `APIError`. */
  reportsFailure?: (body: unknown) => boolean;
}

export const numRuns = 100;
/** Property runs make real requests; give them room on a busy machine. */
export const propertyTimeout = 120_000;

/** A loopback server and a client for one test file; `serve` sets what it answers. */
export function usePropertyServer(adapter: Pick<AdapterUnderTest, 'provider' | 'options'>) {
  let server: FaultServer;
  let answer: Answer = { status: 200, text: '{}' };
  const state = {
    client: undefined as unknown as Client,
    serve(next: Answer) {
      answer = next;
    },
  };
  beforeAll(async () => {
    server = await startFaultServer((_request, response) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (answer.text !== undefined) headers['content-length'] = String(Buffer.byteLength(answer.text));
      response.writeHead(answer.status, headers);
      response.end(answer.text);
    });
    state.client = createClient({
      provider: adapter.provider,
      apiKey: 'PROPERTY_TEST_KEY_0123456789',
      baseUrl: server.url,
      maxRetries: 0,
      ...adapter.options,
    } as never) as Client;
  });
  afterAll(async () => {
    await server.close();
  });
  return state;
}

/** Serializes any value as a wire body would carry it; a value JSON cannot hold becomes an empty body. */
export function wireText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * The contract for any 2xx body: the call resolves, keeping every wire object in `raw` exactly as
 * received, or rejects with `ResponseValidationError` (or `APIError` where the body is the platform's
 * own failure report). Anything else, a TypeError above all, is thrown to fail the property.
 */
function checkOutcome(outcome: Outcome, text: string | undefined, adapter: AdapterUnderTest, operation: OperationUnderTest) {
  const received: unknown = text === undefined || text.trim() === '' ? undefined : JSON.parse(text);
  if (outcome.ok) {
    const raws = operation.results(outcome.value).map((result) => result.raw);
    expect(raws).toEqual(operation.rawObjects(received));
    return;
  }
  if (outcome.error instanceof ResponseValidationError) return;
  if (outcome.error instanceof APIError && adapter.reportsFailure?.(received)) return;
  throw outcome.error;
}

const classByStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Every path into a JSON value (object keys and array indexes), the value itself excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

const replacementKinds = ['delete', 'null', 'number', 'string', 'boolean', 'array', 'object', 'any'] as const;

/** One small change to a real body: a field removed, or given a value of another type. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom(...replacementKinds),
  value: fc.jsonValue({ maxDepth: 2 }),
});

export type Mutation = { at: number; kind: (typeof replacementKinds)[number]; value: fc.JsonValue };

export function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  const body = structuredClone(base);
  for (const mutation of mutations) {
    const paths = pathsOf(body);
    if (paths.length === 0) break;
    const path = paths[mutation.at % paths.length]!;
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], body);
    const key = path[path.length - 1]!;
    const replacement = {
      null: null,
      number: typeof mutation.value === 'number' ? mutation.value : 7,
      string: typeof mutation.value === 'string' ? mutation.value : 'x',
      boolean: true,
      array: Array.isArray(mutation.value) ? mutation.value : [mutation.value],
      object: { unexpected: mutation.value },
      any: mutation.value,
    };
    if (mutation.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else parent[key] = replacement[mutation.kind];
  }
  return body;
}

/** The properties every adapter must keep, whatever the body: defined as one `describe` per operation. */
export function describeBodyProperties(adapter: AdapterUnderTest): void {
  const state = usePropertyServer(adapter);

  describe.each(adapter.operations)(`${adapter.provider} $name`, (operation) => {
    const run = async (status: number, text: string | undefined) => {
      state.serve({ status, text });
      return settle(() => operation.call(state.client));
    };

    it('resolves or raises ResponseValidationError for any JSON body, never a TypeError', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.anything()), async (value) => {
          const text = wireText(value);
          checkOutcome(await run(200, text), text, adapter, operation);
        }),
        { numRuns },
      );
    }, propertyTimeout);

    it('raises ResponseValidationError for a body that is not JSON', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ minLength: 1 }).filter((text) => text.trim() !== '' && !parses(text)),
          async (text) => {
            const outcome = await run(200, text);
            if (outcome.ok) throw new Error(`a body that is not JSON resolved: ${JSON.stringify(text)}`);
            if (!(outcome.error instanceof ResponseValidationError)) throw outcome.error;
          },
        ),
        { numRuns: numRuns / 2 },
      );
    }, propertyTimeout);

    it('keeps to the contract for near-valid bodies: real fixtures with one to three fields changed', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), async (mutations) => {
          const text = wireText(mutate(operation.fixture(), mutations));
          checkOutcome(await run(200, text), text, adapter, operation);
        }),
        { numRuns },
      );
    }, propertyTimeout);

    it('raises the APIError subclass of any error status, with any body', async () => {
      await fc.assert(
        // 407 is left out: Node's fetch turns a 407 into a network error (the fetch standard's rule
        // for proxy authentication), so it surfaces as APIConnectionError; faults.test.ts pins that.
        fc.asyncProperty(fc.integer({ min: 400, max: 599 }).filter((status) => status !== 407), fc.option(fc.jsonValue(), { nil: undefined }), async (status, value) => {
          const outcome = await run(status, wireText(value));
          if (outcome.ok) throw new Error(`status ${status} resolved`);
          const error = outcome.error;
          if (!(error instanceof APIError)) throw error;
          expect(error.status).toBe(status);
          const expected = status >= 500 ? InternalServerError : (classByStatus[status] ?? APIError);
          expect(error).toBeInstanceOf(expected);
        }),
        { numRuns: numRuns / 2 },
      );
    }, propertyTimeout);
  });
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The wire as the server sent it and the client parsed it: what `raw` must equal. */
export function asReceived<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A field that may be absent, `null`, or a value. */
export function nullish<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.option(arbitrary, { nil: null });
}

/** Fields the platform may add that the SDK does not know: any JSON, kept in `raw`. */
export function unknownFields(known: readonly string[]): fc.Arbitrary<JsonObject> {
  return fc.dictionary(
    fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !known.includes(key)),
    fc.jsonValue({ maxDepth: 2 }),
    { maxKeys: 3 },
  );
}

/** A known value from a status table, or any other text. */
export function statusArbitrary(table: Readonly<Record<string, string>>): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...Object.keys(table)), fc.string({ maxLength: 12 }));
}

/** What `status` must map to for a wire value, by the adapter's table. */
export function expectedStatus(raw: unknown, table: Readonly<Record<string, string>>) {
  if (raw === null || raw === undefined) return { unified: 'unknown', raw: null };
  return { unified: Object.hasOwn(table, raw as string) ? table[raw as string] : 'unknown', raw };
}

/** An ISO timestamp, or a text that is not one (which maps to `null` and stays in `raw`). */
export const isoOrText = fc.oneof(
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.string({ maxLength: 10 }),
);

/**
 * What an ISO text maps to: the generated timestamps (date, time, `Z` or an offset) are read; a
 * short arbitrary text is not a timestamp, even where `Date.parse` would guess one ("0", "12").
 */
export function expectedIsoDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
}

/** An E.164 value the SDK derived is `+` and 2 to 15 digits, or `null`. */
export function expectE164Shape(value: string | null): void {
  if (value !== null) expect(value).toMatch(/^\+\d{2,15}$/);
}
