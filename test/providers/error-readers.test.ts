import { describe, expect, it } from 'vitest';
import { BadRequestError, createClient, UnprocessableEntityError } from '../../src/index.js';
import { http, HttpResponse, server, useMsw } from '../helpers/msw.js';
import { failureOf } from '../helpers/outcomes.js';

useMsw();

// An error body is the platform's to shape, and a broken or hostile one must still become the
// APIError of its status: joining a value such as {"toString": 1} into a message throws a TypeError.
const hostile = { toString: 1 };

describe('error readers with values that are not text', () => {
  it('vox: allowed_values keeps its texts and numbers and skips the rest', async () => {
    const body = {
      error: {
        code: 'invalid_parameter',
        message: 'bad sort_by',
        details: { field: 'sort_by', allowed_values: ['created_at', hostile, 3, [hostile], null] },
      },
    };
    server.use(http.get('https://client-api.tryvox.co/v3/organization-telephone-numbers', () => HttpResponse.json(body, { status: 400 })));
    const error = await failureOf(createClient({ provider: 'vox', apiKey: 'k' }).phoneNumbers.list());
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toBe(
      'vox answered 400: invalid_parameter: bad sort_by (field sort_by; allowed: created_at, 3). Check the parameters sent.',
    );
  });

  it('vox: allowed_query_parameters of an unknown parameter go into the message, readable entries only', async () => {
    const body = {
      error: {
        code: 'invalid_parameter',
        message: 'Unknown query parameter "state".',
        details: { field: 'state', reason: 'unknown_parameter', allowed_query_parameters: ['cursor', 'limit', hostile, 'status'] },
      },
    };
    server.use(http.get('https://client-api.tryvox.co/v3/organization-telephone-numbers', () => HttpResponse.json(body, { status: 400 })));
    const error = await failureOf(createClient({ provider: 'vox', apiKey: 'k' }).phoneNumbers.list({ status: 'active' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toBe(
      'vox answered 400: invalid_parameter: Unknown query parameter "state". ' +
        '(field state; unknown_parameter; allowed query parameters: cursor, limit, status). Check the parameters sent.',
    );
  });

  it('vox: allowed_values with nothing readable is left out', async () => {
    const body = { error: { message: 'bad sort_by', details: { allowed_values: [hostile] } } };
    server.use(http.get('https://client-api.tryvox.co/v3/organization-telephone-numbers', () => HttpResponse.json(body, { status: 400 })));
    const error = await failureOf(createClient({ provider: 'vox', apiKey: 'k' }).phoneNumbers.list());
    expect((error as Error).message).toBe('vox answered 400: bad sort_by. Check the parameters sent.');
  });

  it('vogent: an errors[].path keeps its texts and numbers and skips the rest', async () => {
    const body = { message: 'Validation exception', errors: [{ path: ['body', hostile, 'items', 0, [hostile]], message: 'is required' }] };
    server.use(http.put('https://api.vogent.ai/api/phone_numbers/:id', () => HttpResponse.json(body, { status: 422 })));
    const error = await failureOf(createClient({ provider: 'vogent', apiKey: 'k' }).phoneNumbers.update('pn_1', { agentId: 'a' }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as Error).message).toMatch(/^vogent answered 422: Validation exception \(body\.items\.0: is required\)\. /);
  });

  it('generic and numbers-assignment: fields that are not text are not read', async () => {
    const genericBody = { success: false, error: { code: hostile, message: [hostile] }, message: hostile };
    server.use(http.get('https://api.example.com/api/phone-numbers', () => HttpResponse.json(genericBody, { status: 400 })));
    const generic = await failureOf(
      createClient({ provider: 'generic', apiKey: 'k', baseUrl: 'https://api.example.com', organizationId: 'org_1' }).phoneNumbers.list(),
    );
    expect(generic).toBeInstanceOf(BadRequestError);

    const assignmentBody = { error: { message: hostile }, message: [hostile] };
    server.use(http.get('https://numbers.example.test/v1/numbers', () => HttpResponse.json(assignmentBody, { status: 400 })));
    const assignment = await failureOf(
      createClient({ provider: 'numbers-assignment', apiKey: 'k', baseUrl: 'https://numbers.example.test/v1' }).phoneNumbers.list(),
    );
    expect(assignment).toBeInstanceOf(BadRequestError);
  });
});
