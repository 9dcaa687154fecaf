import { isPlainObject, json, readJson } from '../../provider.js';
import type { Route, SandboxPlatform as Platform } from '../../provider.js';
import type { VogentBatchDialJobWire, VogentSeed } from './sandbox-seed.js';

/*
 * The Vogent double's batch dial job writes, as documented: a create answers the job, `INIT`, which
 * places no call until `POST /batch_dial_jobs/{id}/paused` with `{ paused: false }` starts it;
 * `{ paused: true }` pauses it. A finished or cancelled job answers 400 (assumed: Vogent declares
 * only 400 and 422). Each change is seen by later reads.
 */

const e164 = /^\+[1-9]\d{6,14}$/;

/** The write handlers of the Vogent double over its current data (`data()` changes on reset). */
export function vogentWriteHandlers(data: () => VogentSeed, error: Platform['error']) {
  let created = 0;
  const invalid = (status: 400 | 422, field: string, message: string) =>
    json(status, { message: status === 400 ? 'Invalid input' : 'Validation exception', errors: [{ field, message }] });

  /** What is wrong with a create body, as `[status, field, message]`, or `null`. */
  function createProblem(body: Record<string, unknown>): [400 | 422, string, string] | null {
    const { name, callAgentId, maxConcurrentDials, rows, fromPhoneNumberIds } = body;
    if (typeof callAgentId !== 'string' || callAgentId === '') return [422, 'callAgentId', 'callAgentId is required.'];
    if (typeof name !== 'string' || name === '') return [422, 'name', 'name is required.'];
    if (typeof maxConcurrentDials !== 'number' || !Number.isInteger(maxConcurrentDials) || maxConcurrentDials < 1) {
      return [422, 'maxConcurrentDials', 'maxConcurrentDials must be an integer of 1 or more.'];
    }
    if (!Array.isArray(rows) || rows.length === 0) return [422, 'rows', 'rows must hold at least one row.'];
    for (const [index, row] of rows.entries()) {
      if (!isPlainObject(row) || typeof row.toNumber !== 'string' || !e164.test(row.toNumber)) {
        return [422, `rows[${index}].toNumber`, 'toNumber must be a phone number in E.164.'];
      }
      if (row.inputs !== undefined && (!isPlainObject(row.inputs) || Object.values(row.inputs).some((value) => typeof value !== 'string'))) {
        return [422, `rows[${index}].inputs`, 'inputs must be an object of strings.'];
      }
    }
    if (fromPhoneNumberIds !== undefined) {
      const known = new Set(data().phoneNumbers.map((item) => item.id));
      if (!Array.isArray(fromPhoneNumberIds) || fromPhoneNumberIds.some((id) => typeof id !== 'string' || !known.has(id))) {
        return [400, 'fromPhoneNumberIds', 'fromPhoneNumberIds must hold ids of your phone numbers.'];
      }
    }
    return null;
  }

  return {
    async create(request: Request): Promise<Response> {
      const body = await readJson(request);
      if (!isPlainObject(body)) return error(400, 'invalid_input', 'Invalid input: the body must be a JSON object.');
      const problem = createProblem(body);
      if (problem) return invalid(...problem);
      created += 1;
      const job: VogentBatchDialJobWire = {
        id: `bdj-new-${created.toString().padStart(6, '0')}`,
        name: body.name as string,
        status: 'INIT',
        callAgentId: body.callAgentId as string,
        maxConcurrentDials: body.maxConcurrentDials as number,
        createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        fromPhoneNumberIds: (body.fromPhoneNumberIds as string[] | undefined) ?? [],
        schedule: null,
      };
      data().batchDialJobs.unshift(job);
      return json(200, job);
    },
    routes: [
      {
        pattern: '/batch_dial_jobs/{id}/paused',
        methods: {
          POST: async (request, { id }) => {
            const job = data().batchDialJobs.find((item) => item.id === id);
            if (!job) return error(404, 'not_found', `Batch dial job ${id} not found.`);
            const body = await readJson(request);
            if (!isPlainObject(body) || typeof body.paused !== 'boolean') return invalid(422, 'paused', 'paused must be true or false.');
            if (job.status === 'COMPLETE' || job.status === 'CANCELLED') {
              return invalid(400, 'paused', `The job is ${job.status}: it can no longer be started, paused or resumed.`);
            }
            job.status = body.paused ? 'PAUSED' : 'ACTIVE';
            return json(200, job);
          },
        },
      },
    ] satisfies Route[],
  };
}
