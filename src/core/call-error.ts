import { loadFailureText } from './chunk-load-failure.js';
import type { VoiceplaneError } from './errors.js';

type CallErrors = typeof import('./call-errors.js');

/**
 * The error of a call that went wrong on its way (input a check refused, a list answer that cannot be
 * followed), built by `build` with call-errors.ts: a chunk of its own, loaded at the first such error,
 * so that calls that go right never load it. Only for async paths: `throw await callError(...)`.
 *
 * Should the chunk fail to load, the caller still gets an error of the right class: `ErrorClass`,
 * built with `options`, whose message is `problem` (a few words naming what was wrong, kept here in
 * the entry) and the reason the full wording is missing. A caller's `catch` never depends on the chunk.
 */
export async function callError<Options extends { provider: string }>(
  ErrorClass: new (message: string, options: Options) => VoiceplaneError,
  options: Options,
  problem: string,
  build: (errors: CallErrors) => VoiceplaneError,
): Promise<VoiceplaneError> {
  let errors: CallErrors;
  try {
    errors = await import('./call-errors.js');
  } catch (cause) {
    return new ErrorClass(
      `${options.provider}: ${problem} (the SDK could not load its full message: ${loadFailureText(cause)}).`,
      options,
    );
  }
  return build(errors);
}
