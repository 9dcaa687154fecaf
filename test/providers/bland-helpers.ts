import { createClient, type Client } from '../../src/index.js';
export { failureOf, pathOf } from '../helpers/outcomes.js';

// Shared by the Bland test files: where the platform lives, a client, wire samples and small tools.

export const base = 'https://api.bland.test';
export const key = 'bland_test_key_abc123';
export const client = () => createClient({ provider: 'bland', apiKey: key, baseUrl: base });
/** The same client as a provider-neutral service holds it: every operation, the ones Bland lacks refused. */
export const neutralClient = (): Client => client() as unknown as Client;

/** A number as the docs' list example shows it, with a pathway. */
export const routedNumber = {
  created_at: '2023-11-27T17:21:38.33359+00:00',
  phone_number: '+18005551234',
  prompt: null,
  pathway_id: 'pw_clinic',
  pathway_version: 3,
  webhook: 'https://api.example.com/poetry-line',
  voice_id: 2,
  dynamic_data: null,
  record: false,
  max_duration: 30,
};

/** A number without any pathway field, as the docs' get example shows it. */
export const promptNumber = {
  created_at: '2023-11-25T21:42:22.325993+00:00',
  phone_number: '+18005559876',
  prompt: 'Answer with the password prompt.',
  webhook: null,
  voice_id: 2,
  dynamic_data: null,
  max_duration: 30,
};

/** A batch as the docs show it: `base_prompt` is the global properties as a JSON text. */
export const batch = {
  id: '652ad643-9aca-477c-97c3-9d8e6f74d7af',
  user_id: '64602f94-d670-43d2-8474-bcdcb9522c4f',
  base_prompt: JSON.stringify({ pathway_id: 'pw_clinic', from: '+18005551234', start_time: '2026-01-01 12:00:00-05:00', record: true }),
  created_at: '2025-05-08T19:28:12.627Z',
  call_objects: [{ phone_number: '+14155550101', request_data: { first: 'Ada' } }],
  description: 'Clinic follow-ups',
};

