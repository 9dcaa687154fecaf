import { dispatch, isPlainObject, json, readJson, wholeNumber } from '../../provider.js';
import type { Route, SandboxDouble, SandboxPlatform as Platform } from '../../provider.js';
import { blandCallRoutes, placedBlandCall } from './sandbox-calls.js';
import { pathNumber } from './wire-assumptions.js';
import { blandSeed, type BlandBatchWire, type BlandNumberWire, type BlandSeed } from './sandbox-seed.js';

/*
 * Bland as documented: the raw key in `authorization` (no Bearer), v1 inbound and outbound numbers
 * answered bare (every number in one `{ inbound_numbers }` or `{ outbound_numbers }`), a number addressed by its number with `+`, `%2B` or no
 * prefix (US when there is no country code), v2 batches in `{ data, errors }` with `take`/`skip`,
 * create answering only `{ batch_id }`, stop answering `{ data: null }`. Errors: v1 `{ status:
 * "error", message }`, v2 `{ data: null, errors: [{ error, message }] }`. Chosen here where the docs
 * are silent: an unknown number or batch is a 404, `take` is 1 to 1000 (default 100), a label over
 * 60 characters is a 400, and a stopped batch stays stopped (stopping it again is a 400).
 */

const maxTake = 1000;
const defaultTake = 100;
const maxLabel = 60;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const v1Error = (status: number, message: string, headers?: Record<string, string>) => json(status, { status: 'error', message }, headers);
const v2Error = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  json(status, { data: null, errors: [{ error: code, message }] }, headers);

/** A `start_time` (`2030-05-01 09:30:00+00:00`, documented) as an instant, or `null`. */
function startTime(value: unknown): number | null {
  const moment = typeof value === 'string' ? Date.parse(value.replace(' ', 'T')) : Number.NaN;
  return Number.isNaN(moment) ? null : moment;
}

function createBlandPlatform(apiKey: string, seed: () => BlandSeed): Platform {
  let data = seed();
  let stopped = new Set<string>();
  let created = 0;

  const findNumber = (given: string) => data.numbers.find((item) => item.phone_number === pathNumber(given));
  const numberNotFound = (given: string) => v1Error(404, `Inbound number ${given} not found on this account.`);
  const findBatch = (id: string) => data.batches.find((item) => item.id === id);
  const batchNotFound = (id: string) => v2Error(404, 'BATCH_NOT_FOUND', `Batch ${id} not found.`);

  async function updateNumber(request: Request, given: string): Promise<Response> {
    const found = findNumber(given);
    if (!found) return numberNotFound(given);
    const body = await readJson(request);
    if (!isPlainObject(body)) return v1Error(400, 'The body must be a JSON object of inbound settings.');
    const pathway = body.pathway_id;
    if (pathway !== undefined && pathway !== null && typeof pathway !== 'string') return v1Error(400, 'pathway_id must be a string or null.');
    const updates: Record<string, unknown> = { ...body };
    if (typeof pathway === 'string' && pathway !== '') {
      // Documented: setting a pathway resets prompt, first_sentence, model, dynamic_data and tools.
      Object.assign(updates, { prompt: null, first_sentence: null, dynamic_data: null });
    } else if (pathway !== undefined) {
      updates.pathway_id = null;
    }
    Object.assign(found as Record<string, unknown>, updates);
    return json(200, { status: 'success', message: 'Inbound number updated successfully.', updates });
  }

  function listBatches(query: URLSearchParams): Response {
    const takeText = query.get('take');
    const skipText = query.get('skip');
    const take = takeText === null ? defaultTake : wholeNumber(takeText);
    const skip = skipText === null ? 0 : wholeNumber(skipText);
    if (take === null || take < 1 || take > maxTake) return v2Error(400, 'INVALID_TAKE', `take must be a whole number from 1 to ${maxTake}.`);
    if (skip === null || skip < 0) return v2Error(400, 'INVALID_SKIP', 'skip must be a whole number of 0 or more.');
    return json(200, { data: data.batches.slice(skip, skip + take), errors: null });
  }

  async function createBatch(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!isPlainObject(body)) return v2Error(400, 'INVALID_BODY', 'The body must be a JSON object { global, call_objects }.');
    const { global, call_objects: calls, label } = body;
    if (!isPlainObject(global)) return v2Error(400, 'MISSING_GLOBAL', 'global is required.');
    if (typeof global.task !== 'string' && typeof global.pathway_id !== 'string') {
      return v2Error(400, 'INVALID_GLOBAL', 'global must include at least one of "task" or "pathway_id".');
    }
    if ('phone_number' in global) return v2Error(400, 'INVALID_GLOBAL', '"phone_number" is not allowed in the global object.');
    if (!Array.isArray(calls) || calls.length === 0 || !calls.every((call) => isPlainObject(call) && typeof call.phone_number === 'string')) {
      return v2Error(400, 'INVALID_CALL_OBJECTS', 'call_objects must be a non-empty list of objects with a phone_number.');
    }
    const from = typeof global.from === 'string' ? findNumber(global.from) : undefined;
    if (global.from !== undefined && from === undefined) return v2Error(400, 'INVALID_GLOBAL', '"from" must be one of your Bland numbers.');
    if (label !== undefined && (typeof label !== 'string' || label.length > maxLabel)) {
      return v2Error(400, 'INVALID_LABEL', `label must be a text of at most ${maxLabel} characters.`);
    }
    created += 1;
    const batch: BlandBatchWire = {
      id: `00000000-0000-4000-8000-${created.toString(16).padStart(12, '0')}`,
      user_id: data.batches[0]?.user_id ?? '00000000-0000-4000-8000-000000000000',
      base_prompt: JSON.stringify(global),
      created_at: new Date().toISOString(),
      call_objects: (calls as Record<string, unknown>[]).slice(0, 3),
      description: (label as string | undefined) ?? 'Untitled Batch',
    };
    data.batches.unshift(batch);
    // The batch places one call per call object, each a `/v1/calls` body over `global`, linked by `batch_id`.
    const now = Date.now();
    for (const call of calls as Record<string, unknown>[]) {
      const merged = { ...global, ...call };
      const placedAt = Math.max(now, startTime(merged.start_time) ?? now);
      data.calls.push(
        placedBlandCall(merged, { to: pathNumber(String(call.phone_number)), from: from?.phone_number ?? data.numbers[0]!.phone_number, batchId: batch.id, placedAt }),
      );
    }
    return json(200, { data: { batch_id: batch.id }, errors: null });
  }

  function stopBatch(id: string): Response {
    if (!findBatch(id)) return batchNotFound(id);
    if (stopped.has(id)) return v2Error(400, 'BATCH_ALREADY_STOPPED', `Batch ${id} is already stopped.`);
    stopped.add(id);
    return json(200, { data: null, errors: null });
  }

  const routes: Route[] = [
    { pattern: '/v1/inbound', methods: { GET: () => json(200, { inbound_numbers: data.numbers }) } },
    { pattern: '/v1/outbound', methods: { GET: () => json(200, { outbound_numbers: data.outboundNumbers }) } },
    {
      pattern: '/v1/inbound/{number}',
      methods: {
        GET: (_request, { number }) => {
          const found = findNumber(number!);
          return found ? json(200, found) : numberNotFound(number!);
        },
        POST: (request, { number }) => updateNumber(request, number!),
      },
    },
    { pattern: '/v2/batches/list', methods: { GET: (_request, _parameters, query) => listBatches(query) } },
    { pattern: '/v2/batches/create', methods: { POST: createBatch } },
    {
      pattern: '/v2/batches/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = uuidPattern.test(id!) ? findBatch(id!) : undefined;
          return found ? json(200, { data: found, errors: null }) : batchNotFound(id!);
        },
      },
    },
    { pattern: '/v2/batches/{id}/stop', methods: { POST: (_request, { id }) => stopBatch(id!) } },
    ...blandCallRoutes(() => data, findNumber, v1Error),
  ];

  const errorFor = (path: string): Platform['error'] =>
    path.startsWith('/v2/') ? v2Error : (status, _code, message, headers) => v1Error(status, message, headers);

  return {
    error: (status, code, message, headers) => v1Error(status, `${code}: ${message}`, headers),
    authenticate(request) {
      const error = errorFor(new URL(request.url).pathname.includes('/v2/') ? '/v2/' : '/v1/');
      const key = request.headers.get('authorization');
      if (key === null || key.trim() === '') return error(401, 'UNAUTHORIZED', 'Missing authorization header: send your API key.');
      if (key !== apiKey) return error(401, 'UNAUTHORIZED', 'Invalid API key.');
      return null;
    },
    handle: (request, path, query) => dispatch(routes, { error: errorFor(path) }, request, path, query),
    reset() {
      data = seed();
      stopped = new Set();
      created = 0;
    },
  };
}

/** The Bland double, over its seed data. */
export const blandSandbox: SandboxDouble<BlandSeed> = {
  seed: blandSeed,
  create: ({ apiKey, seed }) => createBlandPlatform(apiKey, seed),
};

export type { BlandBatchWire, BlandNumberWire };
