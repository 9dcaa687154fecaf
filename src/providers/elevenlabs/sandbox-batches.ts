import type { ElevenLabsBatchCallSeedWire, ElevenLabsRecipientSeedWire, ElevenLabsSeed } from './sandbox-seed.js';
import { advance, placeConversation } from './sandbox-calls.js';

/*
 * The batches submitted to the ElevenLabs double run as the platform runs them: at
 * `scheduled_time_unix` (at once without one) each pending recipient gets an outbound conversation
 * linked by `metadata.batch_call` and its `conversation_id`; the recipients then follow their
 * conversations (initiated, in_progress, completed), and the batch counts them and completes once
 * every recipient is finished. Chosen here: every recipient is dialled at once (the target
 * concurrency is not enforced). The seed's batches are left as they are.
 */

type State = { data: ElevenLabsSeed; counter: number };

/** A recipient's `dynamic_variables` as submitted, by batch id then recipient id (the recipient wire keeps none). */
export type SubmittedBatches = Map<string, Map<string, Record<string, string> | null>>;

const finishedRecipientStatuses: readonly ElevenLabsRecipientSeedWire['status'][] = ['completed', 'failed', 'voicemail'];

/** The recipient status a conversation stands for. */
function recipientStatus(conversation: ElevenLabsSeed['conversations'][number]): ElevenLabsRecipientSeedWire['status'] {
  if (conversation.status === 'in-progress') return 'in_progress';
  if (conversation.status === 'done') {
    const result = conversation.metadata.phone_call?.call_result;
    return result === 'answered' ? 'completed' : result === 'voicemail' ? 'voicemail' : 'failed';
  }
  return conversation.status === 'failed' ? 'failed' : 'initiated';
}

/** Dials the pending recipients of a batch whose start has come. */
function dispatch(state: State, batch: ElevenLabsBatchCallSeedWire, variables: Map<string, Record<string, string> | null>, nowSeconds: number): void {
  const agent = state.data.agents.find((item) => item.agent_id === batch.agent_id);
  const number = state.data.phoneNumbers.find((item) => item.phone_number_id === batch.phone_number_id);
  for (const recipient of batch.recipients) {
    if (recipient.status !== 'pending') continue;
    recipient.updated_at_unix = nowSeconds;
    // The agent or the number was deleted since the submit: the call cannot be placed.
    if (!agent || !number) {
      recipient.status = 'failed';
      continue;
    }
    recipient.conversation_id = placeConversation(state, {
      agent,
      number,
      to: recipient.phone_number,
      variables: variables.get(recipient.id) ?? null,
      batchCall: { batch_call_id: batch.id, batch_call_recipient_id: recipient.id },
    });
    recipient.status = 'initiated';
  }
  batch.status = 'in_progress';
  batch.total_calls_dispatched = batch.recipients.filter((recipient) => recipient.conversation_id !== null).length;
  batch.last_updated_at_unix = nowSeconds;
}

/** Brings a running batch's recipients and counters up to their conversations. */
function follow(state: State, batch: ElevenLabsBatchCallSeedWire, nowSeconds: number): void {
  for (const recipient of batch.recipients) {
    const conversation = state.data.conversations.find((item) => item.conversation_id === recipient.conversation_id);
    if (!conversation || finishedRecipientStatuses.includes(recipient.status)) continue;
    advance(conversation, nowSeconds);
    const status = recipientStatus(conversation);
    if (status !== recipient.status) {
      recipient.status = status;
      recipient.updated_at_unix = nowSeconds;
    }
  }
  const finished = batch.recipients.filter((recipient) => finishedRecipientStatuses.includes(recipient.status)).length;
  if (finished !== batch.total_calls_finished) {
    batch.total_calls_finished = finished;
    batch.last_updated_at_unix = nowSeconds;
  }
  if (batch.status === 'in_progress' && finished === batch.recipients.length) batch.status = 'completed';
}

/** Runs the submitted batches up to now: called before every request the double answers. */
export function runSubmittedBatches(state: State, submitted: SubmittedBatches): void {
  if (submitted.size === 0) return;
  const nowSeconds = Math.floor(Date.now() / 1000);
  for (const batch of state.data.batchCalls) {
    const variables = submitted.get(batch.id);
    if (variables === undefined) continue;
    if (batch.status === 'pending' && batch.scheduled_time_unix <= nowSeconds) dispatch(state, batch, variables, nowSeconds);
    // A cancelled batch's calls already placed go on to their end.
    if (batch.status === 'in_progress' || batch.status === 'cancelled') follow(state, batch, nowSeconds);
  }
}
