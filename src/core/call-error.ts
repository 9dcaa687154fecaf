import { VoiceplaneError } from './errors.js';

type CallErrors = typeof import('./call-errors.js');

/**
 * The error of a call that went wrong on its way (input a check refused, a list answer that cannot be
 * followed), built by `build` with call-errors.ts: a chunk of its own, loaded at the first such error,
 * so that calls that go right never load it. Only for async paths: `throw await callError(...)`.
 * Should the chunk fail to load, the error says so rather than what was wrong.
 */
export async function callError(provider: string, build: (errors: CallErrors) => VoiceplaneError): Promise<VoiceplaneError> {
  let errors: CallErrors;
  try {
    errors = await import('./call-errors.js');
  } catch (cause) {
    return new VoiceplaneError(
      `${provider}: the call failed, and the SDK could not load the words that say why (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Check that the voiceplane package is installed completely.',
      { provider, cause },
    );
  }
  return build(errors);
}
