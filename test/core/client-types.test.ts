import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createClient,
  UnsupportedOperationError,
  type Agent,
  type APIPromise,
  type Call,
  type Client,
  type ClientOptions,
  type GenericClient,
  type OperationName,
  type PagePromise,
  type VoxClient,
} from '../../src/index.js';
import { operationNames, resourceTable } from '../../src/provider.js';

// Checked by the type checker (npm run typecheck) as well as at run time: each statement of the
// typed-client contract has its own case.

const vox = () => createClient({ provider: 'vox', apiKey: 'k' });
const generic = () => createClient({ provider: 'generic', apiKey: 'k', baseUrl: 'https://generic.test', organizationId: 'o' });
const neutral = () => createClient({ provider: 'generic', apiKey: 'k', baseUrl: 'https://generic.test', organizationId: 'o' } as ClientOptions);

describe('Client<Offered>', () => {
  it('a typed client is a Client and a Client<its operations>, not a Client<an operation it lacks>', () => {
    expectTypeOf(vox()).toMatchTypeOf<Client>();
    expectTypeOf(vox()).toMatchTypeOf<Client<'phoneNumbers.list'>>();
    expectTypeOf(vox()).toMatchTypeOf<Client<'phoneNumbers.list' | 'campaigns.pause'>>();
    expectTypeOf(vox()).not.toMatchTypeOf<Client<'phoneNumbers.delete'>>();
    expectTypeOf(generic()).toMatchTypeOf<Client<'phoneNumbers.list'>>();
    expectTypeOf(generic()).not.toMatchTypeOf<Client<'phoneNumbers.get'>>();
    const take = (client: Client<'phoneNumbers.list'>) => client.provider;
    expect(take(vox())).toBe('vox');
    // @ts-expect-error vox offers no number delete
    take(vox() as Client<'phoneNumbers.delete'>) satisfies string;
  });

  it('offered operations are required members, the others optional, on the neutral client', () => {
    type Listing = Client<'phoneNumbers.list'>;
    expectTypeOf<Listing['phoneNumbers']['list']>().toBeFunction();
    expectTypeOf<Client['phoneNumbers']['delete']>().toMatchTypeOf<((id: string) => APIPromise<void>) | undefined>();
    // At run time every operation is there: one the provider lacks rejects before any request.
    expect(typeof neutral().phoneNumbers.delete).toBe('function');
  });

  it('an operation the provider lacks is absent from its typed client at compile time', () => {
    const client = generic();
    // @ts-expect-error generic offers no get
    void client.phoneNumbers.get;
    // @ts-expect-error generic offers no campaign operation
    void client.campaigns.list;
    expectTypeOf<VoxClient['campaigns']>().toHaveProperty('pause');
    expectTypeOf<VoxClient['phoneNumbers']>().not.toHaveProperty('delete');
  });

  it('every resource object is always there, typed or neutral, calls and agents included', () => {
    for (const client of [vox(), generic(), neutral()]) {
      for (const resource of Object.keys(resourceTable)) expect(typeof (client as unknown as Record<string, unknown>)[resource]).toBe('object');
    }
    expectTypeOf<GenericClient>().toHaveProperty('calls');
    expectTypeOf<GenericClient>().toHaveProperty('agents');
  });

  it('supports() narrows the type: the operation becomes a required member', async () => {
    const client: Client = neutral();
    if (client.supports('phoneNumbers.delete')) {
      expectTypeOf(client.phoneNumbers.delete).toBeFunction();
    }
    // @ts-expect-error without the check, the operation may be absent
    const unchecked = () => client.phoneNumbers.delete('n');
    void unchecked;
    expect(client.supports('phoneNumbers.delete')).toBe(false);
    await expect(client.phoneNumbers.delete!('n')).rejects.toBeInstanceOf(UnsupportedOperationError);
  });

  it('types the rows added for calls, agents and campaigns.retry', async () => {
    type Full = Client<OperationName>;
    expectTypeOf<Full['calls']['list']>().returns.toEqualTypeOf<PagePromise<Call<Client['provider']>>>();
    expectTypeOf<Full['calls']['get']>().returns.toEqualTypeOf<APIPromise<Call<Client['provider']>>>();
    expectTypeOf<Full['agents']['get']>().parameter(1).toEqualTypeOf<{ withPrompt?: boolean | undefined } | undefined>();
    expectTypeOf<Full['agents']['get']>().returns.toEqualTypeOf<APIPromise<Agent<Client['provider']>>>();
    expectTypeOf<Full['campaigns']['retry']>().returns.toEqualTypeOf<APIPromise<void>>();
    expect(operationNames).toEqual(expect.arrayContaining(['calls.create', 'calls.list', 'calls.get', 'agents.list', 'agents.get', 'campaigns.retry']));
    // No platform offers them yet: each is refused before any request, naming the operation.
    const client = neutral();
    for (const call of [
      () => client.calls.list!(),
      () => client.calls.get!('c1'),
      () => client.calls.create!({ agentId: 'a', fromNumberId: 'n', to: '+15551234567' }),
      () => client.agents.list!(),
      () => client.agents.get!('a1', { withPrompt: true }),
      () => client.campaigns.retry!('b1'),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(UnsupportedOperationError);
    }
  });

  it('a typed client is derived from its definition: its list takes the provider`s own filters', () => {
    expectTypeOf<NonNullable<Parameters<VoxClient['phoneNumbers']['list']>[0]>>().toHaveProperty('carrier');
    // @ts-expect-error generic's filters are not vox's
    void generic().phoneNumbers.list({ carrier: 'vox' });
  });
});
