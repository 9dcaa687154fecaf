import { describe, expect, it } from 'vitest';
import * as main from '../src/index.js';
import * as generic from '../src/providers/generic/entry.js';
import * as numbersAssignment from '../src/providers/numbers-assignment/entry.js';
import * as vogent from '../src/providers/vogent/entry.js';
import * as vox from '../src/providers/vox/entry.js';
import { fixture } from './helpers/fixtures.js';
import { http, HttpResponse, requests, server, useMsw } from './helpers/msw.js';

useMsw();

const errorClassNames = Object.keys(main).filter((name) => name.endsWith('Error') && name !== 'HubError');

describe('one-provider entry points', () => {
  it('createVoxClient lists what createClient lists, with the same request', async () => {
    server.use(
      http.get('https://client-api.tryvox.co/v3/organization-telephone-numbers', () =>
        HttpResponse.json(fixture('vox', 'phone-numbers-page-1')),
      ),
    );
    const alone = vox.createVoxClient({ apiKey: 'key_vox' });
    const viaMain = main.createClient({ provider: 'vox', apiKey: 'key_vox' });
    const page = await alone.phoneNumbers.list({ limit: 2, status: 'active' });
    expect(alone.provider).toBe('vox');
    expect(page.items).toEqual((await viaMain.phoneNumbers.list({ limit: 2, status: 'active' })).items);
    expect(page.items[0]).toMatchObject({ provider: 'vox', number: '0212345678', e164: '+82212345678' });
    expect(requests.map((request) => request.url)).toEqual([
      'https://client-api.tryvox.co/v3/organization-telephone-numbers?limit=2&status=active',
      'https://client-api.tryvox.co/v3/organization-telephone-numbers?limit=2&status=active',
    ]);
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer key_vox');
    // @ts-expect-error vox offers no create: the typed client has no such method
    expect(alone.phoneNumbers.create).toBeTypeOf('function');
    expect(alone.supports('phoneNumbers.create')).toBe(false);
  });

  it('createVogentClient, createGenericClient and createNumbersAssignmentClient each reach their own platform', async () => {
    server.use(
      http.get('https://api.vogent.ai/api/phone_numbers', () => HttpResponse.json(fixture('vogent', 'phone-numbers-page-1'))),
      http.get('https://generic.example.com/api/phone-numbers', () => HttpResponse.json(fixture('generic', 'phone-numbers'))),
      http.get('https://numbers.example.com/v1/numbers', () =>
        HttpResponse.json(fixture('numbers-assignment', 'phone-numbers-page-1')),
      ),
    );
    const vogentPage = await vogent.createVogentClient({ apiKey: 'key_vogent' }).phoneNumbers.list();
    const genericPage = await generic
      .createGenericClient({ apiKey: 'key_generic', baseUrl: 'https://generic.example.com', organizationId: 'org_1' })
      .phoneNumbers.list();
    const assignedPage = await numbersAssignment
      .createNumbersAssignmentClient({ apiKey: 'key_na', baseUrl: 'https://numbers.example.com/v1' })
      .phoneNumbers.list({ limit: 2 });

    expect(vogentPage.items.map((number) => [number.provider, number.id])).toEqual(
      fixture<{ data: { id: string }[] }>('vogent', 'phone-numbers-page-1').data.map((item) => ['vogent', item.id]),
    );
    expect(genericPage.items.map((number) => [number.provider, number.id])).toEqual([
      ['generic', 'phon_a1b2c3d4e5f6'],
      ['generic', 'phon_b2c3d4e5f6a7'],
    ]);
    expect(assignedPage.items.map((number) => [number.provider, number.id])).toEqual([
      ['numbers-assignment', 'pn_01HV7K2Q9M'],
      ['numbers-assignment', 'pn_01HV7K2Q9N'],
    ]);
    expect(requests.map((request) => [new URL(request.url).pathname, request.headers.get('x-api-key')])).toEqual([
      ['/api/phone_numbers', null],
      ['/api/phone-numbers', 'key_generic'],
      ['/v1/numbers', 'key_na'],
    ]);
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer key_vogent');
    expect(requests[1]!.headers.get('x-organization-id')).toBe('org_1');
  });

  it('accepts its own provider name, and refuses another before any request', () => {
    expect(vox.createVoxClient({ provider: 'vox', apiKey: 'k' }).provider).toBe('vox');
    expect(() => vox.createVoxClient({ provider: 'vogent' } as never)).toThrow(vox.InvalidRequestError);
    expect(() => vox.createVoxClient({ provider: 'vogent' } as never)).toThrow(
      /createVoxClient makes vox clients only \(got provider "vogent"\)/,
    );
    expect(() => vogent.createVogentClient('key' as never)).toThrow(/createVogentClient needs an options object/);
    expect(() => generic.createGenericClient({ apiKey: 'k' } as never)).toThrow(/generic: baseUrl is required/);
    expect(() => numbersAssignment.createNumbersAssignmentClient({ baseUrl: 'https://n.example.com', limit: 5 } as never)).toThrow(
      /numbers-assignment: unknown option "limit"/,
    );
    expect(requests).toHaveLength(0);
  });

  it('exports the very error classes of the main entry', () => {
    expect(errorClassNames).toContain('VoiceplaneError');
    expect(errorClassNames).toContain('RateLimitError');
    for (const entry of [vox, vogent, generic, numbersAssignment] as Record<string, unknown>[]) {
      for (const name of errorClassNames) expect(entry[name], name).toBe((main as Record<string, unknown>)[name]);
    }
    const error = (() => {
      try {
        vox.createVoxClient({ provider: 'generic' } as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(main.InvalidRequestError);
    expect(error).toBeInstanceOf(main.VoiceplaneError);
  });
});
