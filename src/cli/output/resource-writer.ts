import type { ResourceName } from '../../core/contract/resource-table.js';
import type { Format } from '../commands-spec.js';
import type { CliIo } from '../io.js';
import type { OutputOptions } from '../invocation.js';
import {
  agentCsvColumns,
  agentTableColumns,
  callCsvColumns,
  callTableColumns,
  campaignCsvColumns,
  campaignTableColumns,
  numberCsvColumns,
  numberTableColumns,
  type Column,
} from './columns.js';
import { createWriter, type ItemWriter, type WriterOptions } from './writer.js';

/** The columns of each resource's table and CSV. */
const columnsByResource: Record<ResourceName, { tableColumns: readonly Column<never>[]; csvColumns: readonly Column<never>[] }> = {
  phoneNumbers: { tableColumns: numberTableColumns, csvColumns: numberCsvColumns },
  campaigns: { tableColumns: campaignTableColumns, csvColumns: campaignCsvColumns },
  calls: { tableColumns: callTableColumns, csvColumns: callCsvColumns },
  agents: { tableColumns: agentTableColumns, csvColumns: agentCsvColumns },
};

/**
 * The writer of a command's items to stdout: the columns of its resource, in the format it was
 * given. A table is fitted to stdout's width when it is a terminal, unless --wide; JSON and CSV
 * shown on a terminal escape what would drive it.
 */
export function resourceWriter<T = never>(
  invocation: { spec: { tableResource: ResourceName }; format: Format; output: OutputOptions },
  io: Pick<CliIo, 'stdout' | 'stdoutIsTTY' | 'stdoutColumns'>,
  shape: WriterOptions<T>['shape'],
): ItemWriter<T> {
  // The resource decides both the columns and the items, so a number never meets a campaign column.
  const columns = columnsByResource[invocation.spec.tableResource] as unknown as Pick<WriterOptions<T>, 'tableColumns' | 'csvColumns'>;
  return createWriter({
    format: invocation.format,
    shape,
    out: io.stdout,
    ...columns,
    terminalColumns: invocation.output.wide ? undefined : io.stdoutColumns,
    spreadsheet: invocation.output.bom,
    terminal: io.stdoutIsTTY,
  });
}
