import type { Campaign, PhoneNumber } from '../../index.js';
import type { CommandSpec, Format } from '../commands-spec.js';
import type { CliIo } from '../io.js';
import type { OutputOptions } from '../invocation.js';
import { campaignCsvColumns, campaignTableColumns, numberCsvColumns, numberTableColumns } from './columns.js';
import { createWriter, type ItemWriter, type WriterOptions } from './writer.js';

type WriterColumns = Pick<WriterOptions<PhoneNumber | Campaign>, 'tableColumns' | 'csvColumns'>;

/**
 * The writer of a command's items to stdout: the columns of its resource, in the format it was
 * given. A table is fitted to stdout's width when it is a terminal, unless --wide; JSON and CSV
 * shown on a terminal escape what would drive it.
 */
export function resourceWriter(
  invocation: { spec: Pick<CommandSpec, 'resource'>; format: Format; output: OutputOptions },
  io: Pick<CliIo, 'stdout' | 'stdoutIsTTY' | 'stdoutColumns'>,
  shape: WriterOptions<PhoneNumber | Campaign>['shape'],
): ItemWriter<PhoneNumber | Campaign> {
  const columns =
    invocation.spec.resource === 'numbers'
      ? { tableColumns: numberTableColumns, csvColumns: numberCsvColumns }
      : { tableColumns: campaignTableColumns, csvColumns: campaignCsvColumns };
  // The resource decides both the columns and the items, so a number never meets a campaign column.
  return createWriter({
    format: invocation.format,
    shape,
    out: io.stdout,
    ...(columns as WriterColumns),
    terminalColumns: invocation.output.wide ? undefined : io.stdoutColumns,
    spreadsheet: invocation.output.bom,
    terminal: io.stdoutIsTTY,
  });
}
