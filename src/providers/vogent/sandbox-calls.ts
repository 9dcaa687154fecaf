import { isPlainObject, json, readJson } from '../../provider.js';
import type { Route, SandboxPlatform as Platform } from '../../provider.js';
import { isFinishedDial, type VogentDialRecord } from './sandbox-calls-seed.js';
import type { VogentSeed } from './sandbox-seed.js';

/*
 * The Vogent double's dials, as the adapter's call assumptions say: `GET /dials/{id}` answers the
 * dial with its agent embedded; `GET /batch_dial_jobs/{id}/dials` lists only the job's finished
 * ("completed") dials, full objects transcript included, in `{ data, cursor }` pages; `POST /dials`
 * answers ids only, and the dial then moves on the double's clock (`Date.now()`): ringing after
 * 1 s, in-progress after 2 s, completed after 5 s. Vogent has no account-wide dial list and no
 * agent route the adapter uses, so the double serves neither.
 */

const e164 = /^\+[1-9]\d{6,14}$/;
const iso = (moment: number) => new Date(moment).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A dial as it stands now: a created dial moves from queued to completed over five seconds. */
function current(dial: VogentDialRecord): VogentDialRecord {
  const createdAt = dial.createdByApiAt;
  if (createdAt === undefined) return dial;
  const elapsed = Date.now() - createdAt;
  if (elapsed < 1000) return dial;
  const ringing = { ...dial, status: 'ringing' as const, startedAt: iso(createdAt + 1000), updatedAt: iso(createdAt + 1000) };
  if (elapsed < 2000) return ringing;
  if (elapsed < 5000) return { ...ringing, status: 'in-progress', updatedAt: iso(createdAt + 2000) };
  return { ...ringing, status: 'completed', endedAt: iso(createdAt + 4000), updatedAt: iso(createdAt + 5000), durationSeconds: 3 };
}

/** The routes of the Vogent double's dials over its current data (`data()` changes on reset). */
export function vogentCallRoutes(
  data: () => VogentSeed,
  error: Platform['error'],
  page: (items: readonly unknown[], query: URLSearchParams, filters: string) => Response,
): Route[] {
  let created = 0;
  const invalid = (field: string, message: string) => json(422, { message: 'Validation exception', errors: [{ field, message }] });

  /** The dial as Vogent answers it: the agent embedded, without the double's own fields. */
  function wire(dial: VogentDialRecord): Record<string, unknown> {
    const { callAgentId, batchDialJobId: _job, createdByApiAt: _created, ...rest } = current(dial);
    return { ...rest, agent: data().agents.find((agent) => agent.id === callAgentId) ?? null };
  }

  async function createDial(request: Request): Promise<Response> {
    const body = await readJson(request);
    if (!isPlainObject(body)) return error(400, 'invalid_input', 'Invalid input: the body must be a JSON object.');
    const agent = data().agents.find((item) => item.id === body.callAgentId);
    if (typeof body.callAgentId !== 'string' || agent === undefined) return invalid('callAgentId', 'callAgentId must name an agent of this workspace.');
    if (typeof body.toNumber !== 'string' || !e164.test(body.toNumber)) return invalid('toNumber', 'toNumber must be a phone number in E.164.');
    const from = data().phoneNumbers.find((item) => item.id === body.fromNumberId);
    if (from === undefined || from.type === 'SIP_USERNAME') return invalid('fromNumberId', 'fromNumberId must be the id of one of your phone numbers.');
    const inputs = body.callAgentInput;
    if (inputs !== undefined && (!isPlainObject(inputs) || Object.values(inputs).some((value) => typeof value !== 'string'))) {
      return invalid('callAgentInput', 'callAgentInput must be an object of strings.');
    }
    created += 1;
    const now = Date.now();
    const dial: VogentDialRecord = {
      id: `dial-new-${created.toString().padStart(6, '0')}`,
      toNumber: body.toNumber,
      fromNumberId: from.id,
      dialTaskId: crypto.randomUUID(),
      status: 'queued',
      systemResultType: null,
      startedAt: null,
      endedAt: null,
      createdAt: iso(now),
      updatedAt: iso(now),
      durationSeconds: null,
      recordings: [],
      transcript: [],
      aiResult: null,
      inputs: (inputs as Record<string, string> | undefined) ?? null,
      voiceId: agent.defaultVoiceId,
      versionedPromptId: agent.defaultVersionedPromptId,
      callAgentId: agent.id,
      batchDialJobId: null,
      createdByApiAt: now,
    };
    data().dials.push(dial);
    return json(200, { dialToken: crypto.randomUUID(), sessionId: crypto.randomUUID(), dialId: dial.id });
  }

  return [
    { pattern: '/dials', methods: { POST: createDial } },
    {
      pattern: '/dials/{id}',
      methods: {
        GET: (_request, { id }) => {
          const found = data().dials.find((dial) => dial.id === id);
          return found ? json(200, wire(found)) : error(404, 'not_found', `Dial ${id} not found.`);
        },
      },
    },
    {
      pattern: '/batch_dial_jobs/{id}/dials',
      methods: {
        GET: (_request, { id }, query) => {
          if (!data().batchDialJobs.some((job) => job.id === id)) return error(404, 'not_found', `Batch dial job ${id} not found.`);
          const dials = data()
            .dials.filter((dial) => dial.batchDialJobId === id && isFinishedDial(dial.status))
            .sort((left, right) => right.createdAt.localeCompare(left.createdAt) || left.id.localeCompare(right.id))
            .map(wire);
          return page(dials, query, `dials|${id}`);
        },
      },
    },
  ];
}
