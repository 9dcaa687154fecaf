import { checkCallInput, checkCallWindow, cursorPages, noteUncertainWrite, path, refuser } from '../../provider.js';
import type { Call, CallListParams, CreateCallInput, ListOperation, ProviderKit, RawRecord, RequestOptions } from '../../provider.js';
import { dialsPath, takesMetadata } from './wire-assumptions.js';
import { vogentDialCreatedSchema, vogentDialPageSchema, vogentDialSchema } from './call-wire.js';
import { mapVogentDial } from './map-call.js';

/** Vogent's call operations, in the shape of the provider's `operations` (one spread wires them); no agent operation is offered yet. */
export interface VogentCallOperations {
  /** The call (dial) operations Vogent offers. */
  calls: {
    /** One page of a batch dial job's completed dials; `campaignId` is required (Vogent has no account-wide list). */
    list: ListOperation<Call<'vogent'>, CallListParams>;
    /** One dial, with its transcript (`GET /dials/{id}`). */
    get: (id: string, request: RequestOptions) => Promise<Call<'vogent'>>;
    /** Places one dial (`POST /dials`, then reads it back); never retried. */
    create: (input: CreateCallInput, request: RequestOptions) => Promise<Call<'vogent'>>;
  };
  /** `GET /agents` is second-hand and no get-one endpoint is known: none is offered until a source confirms them. */
  agents: Record<string, never>;
}

/** Whether a mapped dial passes the filters Vogent cannot apply itself (status, agent, start-time window). */
function matches(call: Call<'vogent'>, params: CallListParams): boolean {
  if (params.status !== undefined && ![params.status].flat().includes(call.status.unified)) return false;
  if (params.agentId !== undefined && call.agentId !== params.agentId) return false;
  const started = call.startedAt?.getTime();
  if (params.startedAfter && (started === undefined || started < params.startedAfter.getTime())) return false;
  if (params.startedBefore && (started === undefined || started >= params.startedBefore.getTime())) return false;
  return true;
}

const hasLocalFilter = (params: CallListParams) =>
  params.status !== undefined || params.agentId !== undefined || params.startedAfter !== undefined || params.startedBefore !== undefined;

/** Refuses a listing Vogent cannot answer, before any request. */
function checkListParams(params: CallListParams): void {
  const fail = refuser('vogent', 'calls.list');
  if (params.campaignId === undefined) {
    throw fail(
      'Vogent has no account-wide call list: its dials are listed per batch dial job only. Pass campaignId (the job id) ' +
        'to list that job\'s completed dials, or read one dial with calls.get. Nothing was sent.',
    );
  }
  checkCallWindow('vogent', params);
}

/** Vogent's dials over the client's kit: `{ data, cursor }` pages without a total. */
export function vogentCallOperations(kit: ProviderKit): VogentCallOperations {
  const jobDials = cursorPages(kit, {
    operation: 'calls.list',
    request: (params: CallListParams, cursor) => ({
      method: 'GET',
      path: path`/batch_dial_jobs/${params.campaignId!}/dials`,
      query: { limit: params.limit, cursor },
    }),
    expect: { schema: vogentDialPageSchema, what: "a page of a batch dial job's dials" },
    items: (body) => body.data,
    map: (wire, raw, toE164) => mapVogentDial(wire, raw, toE164),
    readsNumbers: true,
    next: (body) => ({ cursor: body.cursor ?? null, totalCount: null }),
  });
  const getDial = async (id: string, request: RequestOptions, what: string) => {
    const { value, raw } = await kit.request({ method: 'GET', path: path`/dials/${id}` }, request, { schema: vogentDialSchema, what });
    return mapVogentDial(value, raw as RawRecord, await kit.e164Formatter());
  };
  return {
    calls: {
      async list(params, cursor, request) {
        checkListParams(params);
        const page = await jobDials(params, cursor, request);
        // The job's id is what the dials were listed under: each dial belongs to it.
        const items = page.items.map((call) => ({ ...call, campaignId: params.campaignId! }));
        return hasLocalFilter(params) ? { ...page, items: items.filter((call) => matches(call, params)), totalCount: null } : { ...page, items };
      },
      get: (id, request) => getDial(id, request, 'a dial'),
      async create(input, request) {
        const checked = await checkCallInput(kit, input);
        if (checked.metadata && !takesMetadata) {
          throw refuser('vogent', 'calls.create')('Vogent keeps no metadata on a dial; leave metadata out (pass values for the prompt as variables). Nothing was sent.');
        }
        const body: RawRecord = { callAgentId: checked.agentId, toNumber: checked.toE164, fromNumberId: checked.fromNumberId };
        if (checked.variables) body.callAgentInput = checked.variables;
        let dialId: string;
        try {
          const created = await kit.request({ method: 'POST', path: dialsPath, body }, request, { schema: vogentDialCreatedSchema, what: 'the created dial' });
          dialId = created.value.dialId;
        } catch (error) {
          // No account-wide dial list: nothing can find a dial whose creation went unanswered.
          throw noteUncertainWrite(error, 'dial', `only the dial.created webhook can show whether a dial to ${checked.toE164} was placed (Vogent has no dial list to check)`);
        }
        try {
          return await getDial(dialId, request, 'the created dial');
        } catch (error) {
          if (error instanceof Error) {
            error.message += ` The dial was created (id ${dialId}) and may be dialling: read it with calls.get('${dialId}'), and do not create it again.`;
          }
          throw error;
        }
      },
    },
    agents: {},
  };
}
