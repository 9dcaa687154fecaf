import type { Campaign, PhoneNumber } from '../../index.js';
import type { CommandSpec, Format } from '../commands-spec.js';
import type { OutputOptions } from '../invocation.js';
import { campaignCsvColumns, campaignTableColumns, numberCsvColumns, numberTableColumns } from './columns.js';
import { createWriter, type ItemWriter, type WriterOptions } from './writer.js';

type WriterColumns = Pick<WriterOptions<PhoneNumber | Campaign>, 'tableColumns' | 'csvColumns'>;

/**
 * The writer of a command's items: the columns of its resource, in the format it was given. A
 * table is fitted to `terminalColumns` (stdout's width when it is a terminal) unless --wide.
 */
export function resourceWriter(
  invocation: { spec: Pick<CommandSpec, 'resource'>; format: Format; output: OutputOptions },
  out: WriterOptions<PhoneNumber | Campaign>['out'],
  shape: WriterOptions<PhoneNumber | Campaign>['shape'],
  terminalColumns: number | undefined,
): ItemWriter<PhoneNumber | Campaign> {
  const columns =
    invocation.spec.resource === 'numbers'
      ? { tableColumns: numberTableColumns, csvColumns: numberCsvColumns }
      : { tableColumns: campaignTableColumns, csvColumns: campaignCsvColumns };
  // The resource decides both the columns and the items, so a number never meets a campaign column.
  return createWriter({
    format: invocation.format,
    shape,
    out,
    ...(columns as WriterColumns),
    terminalColumns: invocation.output.wide ? undefined : terminalColumns,
    spreadsheet: invocation.output.bom,
  });
}
