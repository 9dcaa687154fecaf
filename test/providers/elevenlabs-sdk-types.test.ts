import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BatchCallDetailedResponse } from '@elevenlabs/elevenlabs-js/serialization/types/BatchCallDetailedResponse.js';
import type { GetAgentResponseModel } from '@elevenlabs/elevenlabs-js/serialization/types/GetAgentResponseModel.js';
import type { GetPhoneNumberTwilioResponseModel } from '@elevenlabs/elevenlabs-js/serialization/types/GetPhoneNumberTwilioResponseModel.js';
import type { OutboundCallRecipient } from '@elevenlabs/elevenlabs-js/serialization/types/OutboundCallRecipient.js';
import type { UpdatePhoneNumberRequest } from '@elevenlabs/elevenlabs-js/serialization/resources/conversationalAi/resources/phoneNumbers/client/requests/UpdatePhoneNumberRequest.js';
import type { BodySubmitABatchCallRequestV1ConvaiBatchCallingSubmitPost } from '@elevenlabs/elevenlabs-js/serialization/resources/conversationalAi/resources/batchCalls/client/requests/BodySubmitABatchCallRequestV1ConvaiBatchCallingSubmitPost.js';
import { elevenLabsSeed, type ElevenLabsPhoneNumberSeedWire } from '../../src/providers/elevenlabs/sandbox-seed.js';
import { elevenLabsBatchCallBody, type ElevenLabsBatchCallBody, type ElevenLabsBatchRecipient, type ElevenLabsPhoneNumberUpdateBody } from '../../src/providers/elevenlabs/write-body.js';

// ElevenLabs' own SDK (@elevenlabs/elevenlabs-js 2.73.0, a dev dependency) as the contract: its Fern
// serialization types carry the wire (snake_case) names. `npm run typecheck` compiles this file.

describe('elevenlabs wire types against @elevenlabs/elevenlabs-js', () => {
  it('builds request bodies ElevenLabs accepts', () => {
    expectTypeOf<ElevenLabsPhoneNumberUpdateBody>().toExtend<UpdatePhoneNumberRequest.Raw>();
    expectTypeOf<ElevenLabsBatchRecipient>().toExtend<OutboundCallRecipient.Raw>();
    expectTypeOf<ElevenLabsBatchCallBody>().toExtend<BodySubmitABatchCallRequestV1ConvaiBatchCallingSubmitPost.Raw>();
    const body: BodySubmitABatchCallRequestV1ConvaiBatchCallingSubmitPost.Raw = elevenLabsBatchCallBody({
      name: 'n', agentId: 'a', fromNumberId: 'p', recipients: [{ e164: '+14155550102', given: '+14155550102', variables: {} }], scheduledAt: null, concurrency: null,
    });
    expect(body).toEqual({ call_name: 'n', agent_id: 'a', agent_phone_number_id: 'p', recipients: [{ phone_number: '+14155550102' }] });
  });

  it("answers, in the sandbox double, only what ElevenLabs' response types allow", () => {
    expectTypeOf<Omit<ElevenLabsPhoneNumberSeedWire, 'provider'>>().toExtend<GetPhoneNumberTwilioResponseModel.Raw>();
    const seed = elevenLabsSeed();
    const batches: Pick<BatchCallDetailedResponse.Raw, 'id' | 'status' | 'total_calls_scheduled' | 'scheduled_time_unix'>[] = seed.batchCalls;
    const agents: Pick<GetAgentResponseModel.Raw, 'agent_id' | 'name'>[] = seed.agents;
    expect(batches.length).toBe(12);
    expect(agents.length).toBe(6);
    // A batch's dispatched recipients are conversations that exist, and name the batch back.
    for (const batch of seed.batchCalls) {
      for (const recipient of batch.recipients) {
        if (recipient.conversation_id === null) continue;
        const conversation = seed.conversations.find((item) => item.conversation_id === recipient.conversation_id);
        expect(conversation?.metadata.batch_call?.batch_call_id).toBe(batch.id);
      }
    }
  });
});
