/** Why the command stops early: Ctrl-C (or SIGTERM), or the reader of stdout went away (`| head`). */
export type StopReason = 'interrupt' | 'closed-pipe';

const handlers = new Set<(reason: StopReason) => void>();

/**
 * Registers what to do if the process is stopped before the command ends (erase the progress
 * line, show the table rows held back); returns the function that unregisters it.
 */
export function onStop(handler: (reason: StopReason) => void): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

/** Runs every registered handler once, newest first; called by the process's signal and pipe handlers. */
export function runStopHandlers(reason: StopReason): void {
  for (const handler of [...handlers].reverse()) {
    try {
      handler(reason);
    } catch {
      // The process is on its way out: a stream that fails now has nothing left to tell.
    }
  }
  handlers.clear();
}
