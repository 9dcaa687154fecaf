import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { sandboxSeed } from '../../src/testing/index.js';
import { createSandboxHandlers } from '../../src/testing/msw.js';
import { requests, server, useMsw } from '../helpers/msw.js';
import { assistantId, useVapiContract } from '../helpers/vapi.js';
import { componentMismatches, describeMismatches, requestMismatches, responseMismatches } from '../helpers/vapi-spec.js';

// The adapter against the Vapi sandbox double, through msw: every request the adapter sends and every
// answer the double serves goes through the contract check of useVapiContract (Vapi's OpenAPI document).

const contract = useVapiContract();
useMsw();
const seed = (await sandboxSeed()).vapi;
const sandbox = createSandboxHandlers();
afterEach(() => sandbox.reset());
const vapi = () => {
  server.use(...sandbox.handlers);
  return createClient(sandbox.clientOptions('vapi'));
};

describe("vapi against its sandbox double, checked by Vapi's OpenAPI document", () => {
  it('the seed is valid under the document: every number and every campaign', () => {
    const problems = [
      ...seed.phoneNumbers.flatMap((number) =>
        describeMismatches(componentMismatches(`${number.provider === 'byo-phone-number' ? 'Byo' : number.provider[0]!.toUpperCase() + number.provider.slice(1)}PhoneNumber`, number)),
      ),
      ...seed.campaigns.flatMap((campaign) => describeMismatches(componentMismatches('CampaignSummary', campaign))),
    ];
    expect(problems).toEqual([]);
    expect(seed.phoneNumbers.length).toBeGreaterThanOrEqual(300);
    // ajv compiles the document's number and campaign schemas here: seconds on a loaded machine.
  }, 60_000);

  it('lists every number and every campaign, page after page', async () => {
    let numbers = 0;
    for await (const _number of vapi().phoneNumbers.list({ limit: 97 })) numbers += 1;
    let campaigns = 0;
    for await (const _campaign of vapi().campaigns.list({ limit: 10 })) campaigns += 1;
    expect(numbers).toBe(seed.phoneNumbers.length);
    expect(campaigns).toBe(seed.campaigns.length);
    expect(requests.length).toBe(Math.ceil(seed.phoneNumbers.length / 97) + Math.ceil(seed.campaigns.length / 10));
  });

  it('gets, routes, relabels, unlinks and deletes a number', async () => {
    const id = seed.phoneNumbers.find((number) => number.provider === 'vapi' && number.number === undefined)!.id;
    await vapi().phoneNumbers.get(id);
    await vapi().phoneNumbers.update(id, { agentId: assistantId, label: 'Front desk' });
    contract.allowMismatches(['assistantId', 'workflowId', 'squadId'].map((field) => `PATCH /phone-number/${id}: body/${field}: must be string`));
    await vapi().phoneNumbers.update(id, { agentId: null });
    await vapi().phoneNumbers.delete(id);
    expect(sandbox.requests.map((request) => `${request.method} ${request.status}`)).toEqual(['GET 200', 'PATCH 200', 'PATCH 200', 'DELETE 200']);
  });

  it('gets, creates and cancels a campaign', async () => {
    const from = seed.phoneNumbers.find((number) => typeof number.number === 'string')!.id;
    await vapi().campaigns.get(seed.campaigns[0]!.id);
    const created = await vapi().campaigns.create({
      name: 'Contract check',
      agentId: assistantId,
      fromNumberId: from,
      recipients: [{ number: '+14155550101', variables: { first: 'Ada' } }, { number: '+14155550102' }],
      scheduledAt: new Date(Date.now() + 86_400_000),
      concurrency: 2,
    });
    await vapi().campaigns.cancel(created.id);
    expect(sandbox.requests.map((request) => `${request.method} ${request.status}`)).toEqual(['GET 200', 'POST 201', 'PATCH 200']);
  });

  it('the check names the field that does not match', () => {
    expect(
      describeMismatches(requestMismatches({ method: 'POST', path: '/v2/campaign', query: { cursor: ['2'] }, body: { name: 'x', maxConcurrency: 0 } })),
    ).toEqual(['query/cursor: CampaignController_createV2 declares no query parameter cursor', 'body/maxConcurrency: must be >= 1']);
    expect(describeMismatches(responseMismatches('GET', '/v2/campaign/abc', 200, { id: 'x', name: 'y', status: 'paused' }))).toEqual([
      "body: must have required property 'orgId'",
      "body: must have required property 'createdAt'",
      "body: must have required property 'updatedAt'",
      'body/status: must be equal to one of the allowed values (scheduled, in-progress, ended, cancelled, archived)',
    ]);
  });
});
