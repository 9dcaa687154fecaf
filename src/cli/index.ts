#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './run.js';

// `voiceplane ... | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// exitCode rather than exit(): pending writes to a pipe are flushed first.
process.exitCode = await run(process.argv.slice(2), processIo());
