// The SDK keeps code most clients never run in chunks loaded at first use. Where one cannot be loaded
// (an install missing files), a fallback stands in for it, and its message ends the same way.

/** What the caller of a fallback is told to do, without the final period: some messages add to it. */
export const installAdvice = 'Check that the voiceplane package is installed completely';

/** The loader's own words for why a chunk did not load. */
export function loadFailureText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
