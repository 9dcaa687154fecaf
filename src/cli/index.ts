#!/usr/bin/env node
import { runStopHandlers } from './interrupt.js';
import { processIo } from './io.js';
import { run } from './run.js';

// `voiceplane ... | head` closes the pipe early: that is the reader's choice, not a failure. The
// progress line is erased first, or it would stay on the terminal after the prompt comes back.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  runStopHandlers('closed-pipe');
  process.exit(0);
});

// Ctrl-C: the progress line erased and the table rows held back shown, then the usual exit codes.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    runStopHandlers('interrupt');
    process.exit(code);
  });
}

// exitCode rather than exit(): pending writes to a pipe are flushed first.
process.exitCode = await run(process.argv.slice(2), processIo());
