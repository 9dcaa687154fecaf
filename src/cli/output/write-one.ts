import type { Call } from '../../index.js';
import type { CliIo } from '../io.js';
import type { Invocation } from '../invocation.js';
import { callView } from './call-view.js';
import { resourceWriter } from './resource-writer.js';

/** One item to stdout (get, create, update): a call in the table format as its transcript view, anything else in its resource's columns. */
export function writeOne(invocation: Pick<Invocation, 'spec' | 'format' | 'output'>, io: CliIo, item: unknown): void {
  if (invocation.spec.tableResource === 'calls' && invocation.format === 'table') {
    io.stdout.write(callView(item as Call));
    return;
  }
  const writer = resourceWriter<unknown>(invocation, io, 'single');
  writer.write([item]);
  writer.end();
}
