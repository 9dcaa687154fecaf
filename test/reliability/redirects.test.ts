import { afterEach, describe, expect, it } from 'vitest';
import { APIError, createClient } from '../../src/index.js';
import { fixture } from '../helpers/fixtures.js';
import { json, startFaultServer, type FaultHandler, type FaultServer } from '../helpers/fault-server.js';

const apiKey = 'REDIRECT_SECRET_KEY_0123456789';
const servers: FaultServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: FaultHandler): Promise<FaultServer> {
  const server = await startFaultServer(handler);
  servers.push(server);
  return server;
}

function redirect(response: Parameters<FaultHandler>[1], status: number, location: string): void {
  response.writeHead(status, { location, 'content-length': '0' });
  response.end();
}

/** One case per auth header style: the path a call asks for, the body that answers it, and the header that carries the key. */
const styles = [
  {
    name: 'vox (Authorization: Bearer)',
    header: 'authorization',
    sent: `Bearer ${apiKey}`,
    path: '/v3/campaigns/cmp_1',
    body: () => fixture('vox', 'campaign'),
    call: (baseUrl: string) => createClient({ provider: 'vox', apiKey, baseUrl }).campaigns.get('cmp_1'),
    idOf: (result: { id: string }) => result.id,
    id: 'cmp_1',
  },
  {
    name: 'numbers-assignment (X-API-Key)',
    header: 'x-api-key',
    sent: apiKey,
    path: '/numbers/pn_01HV7K2Q9M',
    body: () => fixture('numbers-assignment', 'phone-number'),
    call: (baseUrl: string) =>
      createClient({ provider: 'numbers-assignment', apiKey, baseUrl }).phoneNumbers.get('pn_01HV7K2Q9M'),
    idOf: (result: { id: string }) => result.id,
    id: 'pn_01HV7K2Q9M',
  },
  {
    name: 'generic (X-API-Key + X-Organization-Id)',
    header: 'x-api-key',
    sent: apiKey,
    path: '/api/phone-numbers',
    body: () => fixture('generic', 'phone-numbers'),
    call: (baseUrl: string) =>
      createClient({ provider: 'generic', apiKey, baseUrl, organizationId: 'org_1' }).phoneNumbers.list(),
    idOf: (result: { items: { id: string }[] }) => result.items[0]!.id,
    id: 'phon_a1b2c3d4e5f6',
  },
] as const;

describe.each(styles)('redirects: $name', (style) => {
  it.each([301, 302, 303, 307, 308])('follows a same-origin %i as a GET, sending the key to the same origin only', async (status) => {
    const { url, arrivals } = await serve((request, response) =>
      request.url!.startsWith('/moved') ? json(response, 200, style.body()) : redirect(response, status, `/moved${style.path}`),
    );
    expect(style.idOf((await style.call(url)) as never)).toBe(style.id);
    expect(arrivals.map((arrival) => [arrival.method, arrival.url.split('?')[0], arrival.headers[style.header]])).toEqual([
      ['GET', style.path, style.sent],
      ['GET', `/moved${style.path}`, style.sent],
    ]);
  });

  it('follows an absolute Location on the same origin', async () => {
    const { url, arrivals } = await serve((request, response) =>
      request.url!.startsWith('/moved') ? json(response, 200, style.body()) : redirect(response, 308, `${url}/moved${style.path}`),
    );
    expect(style.idOf((await style.call(url)) as never)).toBe(style.id);
    expect(arrivals).toHaveLength(2);
  });

  it.each([302, 307, 308])('refuses a %i to another origin, which receives no request at all', async (status) => {
    const other = await serve((_request, response) => json(response, 200, style.body()));
    const { url, arrivals } = await serve((_request, response) => redirect(response, status, `${other.url}${style.path}`));
    const error = await style.call(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status });
    expect((error as Error).message).toContain(`redirected the request to another origin (${other.url})`);
    expect(arrivals).toHaveLength(1);
    expect(other.arrivals).toHaveLength(0);
  });

  it('treats another host name for the same address as another origin', async () => {
    const { url, arrivals } = await serve((_request, response) =>
      redirect(response, 307, `${url.replace('127.0.0.1', 'localhost')}${style.path}`),
    );
    const error = await style.call(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toContain('redirected the request to another origin (http://localhost:');
    expect(arrivals).toHaveLength(1);
  });

  it('refuses a cross-origin hop that comes after a same-origin one', async () => {
    const other = await serve((_request, response) => json(response, 200, style.body()));
    const { url, arrivals } = await serve((request, response) =>
      request.url!.startsWith('/moved')
        ? redirect(response, 302, `${other.url}${style.path}`)
        : redirect(response, 307, `/moved${style.path}`),
    );
    await expect(style.call(url)).rejects.toThrow(APIError);
    expect(arrivals).toHaveLength(2);
    expect(other.arrivals).toHaveLength(0);
  });
});

describe('redirects of a POST', () => {
  it('refuses to carry a create to another origin: neither the body nor the key goes there', async () => {
    const other = await serve((_request, response) => json(response, 201, fixture('numbers-assignment', 'phone-number')));
    const { url, arrivals } = await serve((_request, response) => redirect(response, 307, `${other.url}/numbers`));
    const client = createClient({ provider: 'numbers-assignment', apiKey, baseUrl: url });
    await expect(client.phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support' })).rejects.toThrow(APIError);
    expect(arrivals.map((arrival) => arrival.method)).toEqual(['POST']);
    expect(other.arrivals).toHaveLength(0);
  });

  it('stops after 5 same-origin hops', async () => {
    const { url, arrivals } = await serve((request, response) => redirect(response, 302, `${request.url}x`));
    const error = await createClient({ provider: 'vox', apiKey, baseUrl: url })
      .campaigns.get('cmp_1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toBe('vox redirected more than 5 times; stopped.');
    expect(arrivals).toHaveLength(6);
  });
});

describe('redirects of a write', () => {
  const numbers = (baseUrl: string) => createClient({ provider: 'numbers-assignment', apiKey, baseUrl });
  const written = () => fixture('numbers-assignment', 'phone-number');

  it.each([301, 302, 303, 307, 308])('does not follow a same-origin %i of a POST: the write is sent once', async (status) => {
    const { url, arrivals } = await serve((request, response) =>
      request.url!.startsWith('/moved') ? json(response, 201, written()) : redirect(response, status, '/moved/numbers'),
    );
    const error = await numbers(url)
      .phoneNumbers.create({ number: '+14155550101', agentId: 'agt_support' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status, provider: 'numbers-assignment' });
    expect((error as Error).message).toBe(
      `numbers-assignment redirected the POST (${status}); it was not sent again, as the platform may have carried it out. ` +
        'Check whether the change took effect before repeating it.',
    );
    expect(arrivals.map((arrival) => [arrival.method, arrival.url])).toEqual([['POST', '/numbers']]);
  });

  it.each([307, 308])('follows a same-origin %i of a PUT, sending the same method and body again', async (status) => {
    const { url, arrivals } = await serve((request, response) =>
      request.url!.startsWith('/moved') ? json(response, 200, written()) : redirect(response, status, '/moved/numbers/pn_01HV7K2Q9M'),
    );
    const updated = await numbers(url).phoneNumbers.update('pn_01HV7K2Q9M', { label: 'Support line' });
    expect(updated.id).toBe('pn_01HV7K2Q9M');
    expect(arrivals.map((arrival) => [arrival.method, arrival.url, JSON.parse(arrival.body)])).toEqual([
      ['PUT', '/numbers/pn_01HV7K2Q9M', { friendlyName: 'Support line' }],
      ['PUT', '/moved/numbers/pn_01HV7K2Q9M', { friendlyName: 'Support line' }],
    ]);
  });

  it.each([
    ['PUT', 301],
    ['PUT', 302],
    ['PUT', 303],
    ['DELETE', 303],
  ] as const)('does not follow a %s answered by a %i, which points at a result elsewhere', async (method, status) => {
    const { url, arrivals } = await serve((request, response) =>
      request.url!.startsWith('/moved') ? json(response, 200, written()) : redirect(response, status, '/moved/numbers/pn_01HV7K2Q9M'),
    );
    const client = numbers(url);
    const call = method === 'PUT' ? client.phoneNumbers.update('pn_01HV7K2Q9M', { label: 'x' }) : client.phoneNumbers.delete('pn_01HV7K2Q9M');
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect((error as Error).message).toContain(`redirected the ${method} (${status}); it was not sent again`);
    expect(arrivals.map((arrival) => arrival.method)).toEqual([method]);
  });

  it('follows a same-origin 308 of a DELETE', async () => {
    const { url, arrivals } = await serve((request, response) => {
      if (!request.url!.startsWith('/moved')) return redirect(response, 308, '/moved/numbers/pn_01HV7K2Q9M');
      response.writeHead(204);
      response.end();
    });
    await expect(numbers(url).phoneNumbers.delete('pn_01HV7K2Q9M')).resolves.toBeUndefined();
    expect(arrivals.map((arrival) => [arrival.method, arrival.url])).toEqual([
      ['DELETE', '/numbers/pn_01HV7K2Q9M'],
      ['DELETE', '/moved/numbers/pn_01HV7K2Q9M'],
    ]);
  });
});
