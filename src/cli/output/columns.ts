import type { Agent, Call, Campaign, MappedStatus, PhoneNumber } from '../../index.js';

/** One column of a table or a CSV file: its header and how to read a cell off an item. */
export interface Column<T> {
  header: string;
  value(item: T): string;
  /**
   * How much a table on a narrow terminal needs the column: 1 (the default) is never dropped,
   * higher numbers are dropped first. Ignored by CSV and by --wide.
   */
  priority?: number;
}

function text(value: string | number | boolean | null): string {
  return value === null ? '' : String(value);
}

function isoTime(value: Date | null): string {
  return value === null ? '' : value.toISOString();
}

/** Minutes are enough to read a table by eye; UTC so that two machines print the same. */
function shortTime(value: Date | null): string {
  return value === null ? '' : `${value.toISOString().slice(0, 16).replace('T', ' ')}`;
}

/** The unified status, and the platform's own word beside it when it differs. */
function statusCell(status: MappedStatus<string>): string {
  return status.raw === null || status.raw === status.unified ? status.unified : `${status.unified} (${status.raw})`;
}

export const numberTableColumns: Column<PhoneNumber>[] = [
  { header: 'PROVIDER', value: (item) => item.provider },
  { header: 'ID', value: (item) => item.id },
  { header: 'NUMBER', value: (item) => item.number },
  // Beside the platform's own spelling: the one form that compares across platforms.
  { header: 'E164', priority: 5, value: (item) => text(item.e164) },
  { header: 'STATUS', priority: 2, value: (item) => statusCell(item.status) },
  { header: 'AGENT', priority: 3, value: (item) => text(item.agentId) },
  { header: 'LABEL', priority: 4, value: (item) => text(item.label) },
  { header: 'TYPE', priority: 7, value: (item) => text(item.type) },
  { header: 'CREATED', priority: 6, value: (item) => shortTime(item.createdAt) },
];

export const campaignTableColumns: Column<Campaign>[] = [
  { header: 'PROVIDER', value: (item) => item.provider },
  { header: 'ID', value: (item) => item.id },
  { header: 'NAME', value: (item) => item.name },
  { header: 'STATUS', priority: 2, value: (item) => statusCell(item.status) },
  { header: 'AGENT', priority: 4, value: (item) => text(item.agentId) },
  { header: 'FROM', priority: 5, value: (item) => text(item.fromNumber) },
  {
    header: 'CALLS',
    priority: 3,
    value: (item) => (item.totalCalls === null ? text(item.completedCalls) : `${item.completedCalls ?? 0}/${item.totalCalls}`),
  },
  { header: 'CREATED', priority: 6, value: (item) => shortTime(item.createdAt) },
];

/** CSV holds every mapped field (not `raw`), named as in the JSON output. */
export const numberCsvColumns: Column<PhoneNumber>[] = [
  { header: 'provider', value: (item) => item.provider },
  { header: 'id', value: (item) => item.id },
  { header: 'number', value: (item) => item.number },
  { header: 'e164', value: (item) => text(item.e164) },
  { header: 'status', value: (item) => item.status.unified },
  { header: 'statusRaw', value: (item) => text(item.status.raw) },
  { header: 'agentId', value: (item) => text(item.agentId) },
  { header: 'outboundAgentId', value: (item) => text(item.outboundAgentId) },
  { header: 'label', value: (item) => text(item.label) },
  { header: 'type', value: (item) => text(item.type) },
  { header: 'carrier', value: (item) => text(item.carrier) },
  { header: 'inbound', value: (item) => text(item.inbound) },
  { header: 'outbound', value: (item) => text(item.outbound) },
  { header: 'createdAt', value: (item) => isoTime(item.createdAt) },
  { header: 'updatedAt', value: (item) => isoTime(item.updatedAt) },
];

export const campaignCsvColumns: Column<Campaign>[] = [
  { header: 'provider', value: (item) => item.provider },
  { header: 'id', value: (item) => item.id },
  { header: 'name', value: (item) => item.name },
  { header: 'status', value: (item) => item.status.unified },
  { header: 'statusRaw', value: (item) => text(item.status.raw) },
  { header: 'agentId', value: (item) => text(item.agentId) },
  { header: 'fromNumber', value: (item) => text(item.fromNumber) },
  { header: 'totalCalls', value: (item) => text(item.totalCalls) },
  { header: 'completedCalls', value: (item) => text(item.completedCalls) },
  { header: 'failedCalls', value: (item) => text(item.failedCalls) },
  { header: 'concurrency', value: (item) => text(item.concurrency) },
  { header: 'activeConcurrency', value: (item) => text(item.activeConcurrency) },
  { header: 'createdAt', value: (item) => isoTime(item.createdAt) },
  { header: 'scheduledAt', value: (item) => isoTime(item.scheduledAt) },
  { header: 'finishedAt', value: (item) => isoTime(item.finishedAt) },
  { header: 'pausedAt', value: (item) => isoTime(item.pausedAt) },
];

/** A length of time as a person reads it: `1m 05s`, `42s`. */
export function durationText(seconds: number | null): string {
  if (seconds === null) return '';
  const whole = Math.round(seconds);
  return whole < 60 ? `${whole}s` : `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
}

/** A cost with its unit: `0.42 USD`, `12 credits`. */
export function costText(cost: Call['cost']): string {
  if (cost === null) return '';
  if (cost.unit === 'credits') return `${cost.amount} credits`;
  return cost.currency === null ? String(cost.amount) : `${cost.amount} ${cost.currency}`;
}

export const callTableColumns: Column<Call>[] = [
  { header: 'PROVIDER', value: (item) => item.provider },
  { header: 'ID', value: (item) => item.id },
  { header: 'STATUS', priority: 2, value: (item) => statusCell(item.status) },
  { header: 'END REASON', priority: 3, value: (item) => (item.endReason === null ? '' : statusCell(item.endReason)) },
  { header: 'TO', priority: 4, value: (item) => text(item.to) },
  { header: 'AGENT', priority: 6, value: (item) => text(item.agentId) },
  { header: 'DURATION', priority: 5, value: (item) => durationText(item.durationSeconds) },
  { header: 'COST', priority: 7, value: (item) => costText(item.cost) },
  { header: 'STARTED', priority: 6, value: (item) => shortTime(item.startedAt ?? item.createdAt) },
];

export const callCsvColumns: Column<Call>[] = [
  { header: 'provider', value: (item) => item.provider },
  { header: 'id', value: (item) => item.id },
  { header: 'direction', value: (item) => text(item.direction) },
  { header: 'status', value: (item) => item.status.unified },
  { header: 'statusRaw', value: (item) => text(item.status.raw) },
  { header: 'endReason', value: (item) => text(item.endReason?.unified ?? null) },
  { header: 'endReasonRaw', value: (item) => text(item.endReason?.raw ?? null) },
  { header: 'agentId', value: (item) => text(item.agentId) },
  { header: 'campaignId', value: (item) => text(item.campaignId) },
  { header: 'phoneNumberId', value: (item) => text(item.phoneNumberId) },
  { header: 'from', value: (item) => text(item.from) },
  { header: 'to', value: (item) => text(item.to) },
  { header: 'customerE164', value: (item) => text(item.customerE164) },
  { header: 'createdAt', value: (item) => isoTime(item.createdAt) },
  { header: 'startedAt', value: (item) => isoTime(item.startedAt) },
  { header: 'endedAt', value: (item) => isoTime(item.endedAt) },
  { header: 'durationSeconds', value: (item) => text(item.durationSeconds) },
  { header: 'costAmount', value: (item) => text(item.cost?.amount ?? null) },
  { header: 'costCurrency', value: (item) => text(item.cost?.currency ?? null) },
  { header: 'costUnit', value: (item) => text(item.cost?.unit ?? null) },
  { header: 'recordingUrl', value: (item) => text(item.recording?.url ?? null) },
  { header: 'summary', value: (item) => text(item.summary) },
];

export const agentTableColumns: Column<Agent>[] = [
  { header: 'PROVIDER', value: (item) => item.provider },
  { header: 'ID', value: (item) => item.id },
  { header: 'NAME', value: (item) => text(item.name) },
  { header: 'MODEL', priority: 2, value: (item) => text(item.model?.name ?? null) },
  { header: 'VOICE', priority: 3, value: (item) => text(item.voice?.voiceId ?? null) },
  { header: 'PROMPT', priority: 4, value: (item) => (item.promptRef === null ? text(item.prompt === null ? null : 'on the agent') : `${item.promptRef.kind} ${item.promptRef.id}`) },
  { header: 'CREATED', priority: 5, value: (item) => shortTime(item.createdAt) },
];

export const agentCsvColumns: Column<Agent>[] = [
  { header: 'provider', value: (item) => item.provider },
  { header: 'id', value: (item) => item.id },
  { header: 'name', value: (item) => text(item.name) },
  { header: 'voiceProvider', value: (item) => text(item.voice?.provider ?? null) },
  { header: 'voiceId', value: (item) => text(item.voice?.voiceId ?? null) },
  { header: 'modelProvider', value: (item) => text(item.model?.provider ?? null) },
  { header: 'modelName', value: (item) => text(item.model?.name ?? null) },
  { header: 'prompt', value: (item) => text(item.prompt) },
  { header: 'promptRefKind', value: (item) => text(item.promptRef?.kind ?? null) },
  { header: 'promptRefId', value: (item) => text(item.promptRef?.id ?? null) },
  { header: 'version', value: (item) => text(item.version) },
  { header: 'createdAt', value: (item) => isoTime(item.createdAt) },
  { header: 'updatedAt', value: (item) => isoTime(item.updatedAt) },
];
