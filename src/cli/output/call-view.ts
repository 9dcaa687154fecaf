import type { Call, MappedStatus, Turn } from '../../index.js';
import { costText, durationText } from './columns.js';
import { withoutControlCharacters } from './plain-text.js';

// `calls get` for a person: a few header lines (what happened, why it ended, how long, what it
// cost), then the conversation turn by turn. Every value is the platform's text: each is shown,
// never run by the terminal, and a turn spoken over several lines stays on one.

/** The unified value, and the platform's own word beside it when it differs. */
function mapped(status: MappedStatus<string> | null): string {
  if (status === null) return '';
  return status.raw === null || status.raw === status.unified ? status.unified : `${status.unified} (${status.raw})`;
}

/** Seconds from the call's start as `m:ss`: `0:07`, `12:40`. */
function offset(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** One turn: `[0:07] customer: Hi, who is this?`. */
function turnLine(turn: Turn): string {
  const at = turn.startSeconds === null ? '' : `[${offset(turn.startSeconds)}] `;
  return `${at}${turn.role}: ${withoutControlCharacters(turn.text).trim()}`;
}

/** A time in UTC, to the second. */
function timeText(value: Date | null): string {
  return value === null ? '' : `${value.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The lines of one call: header lines of the fields it has, a blank line, then its transcript. */
export function callView(call: Call): string {
  const duration = call.durationSeconds === null ? '' : `${durationText(call.durationSeconds)} (${call.durationSeconds} s)`;
  const fields: Array<[string, string]> = [
    ['call', `${call.id} on ${call.provider}`],
    ['status', mapped(call.status)],
    ['end reason', mapped(call.endReason)],
    ['direction', call.direction ?? ''],
    ['from', call.from ?? ''],
    ['to', call.to ?? ''],
    ['agent', call.agentId ?? ''],
    ['campaign', call.campaignId ?? ''],
    ['started', timeText(call.startedAt ?? call.createdAt)],
    ['ended', timeText(call.endedAt)],
    ['duration', duration],
    ['cost', costText(call.cost)],
    ['recording', call.recording?.url ?? ''],
    ['summary', call.summary ?? ''],
  ];
  const header = fields
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${`${name}:`.padEnd(12)}${withoutControlCharacters(value)}`);
  const transcript =
    call.transcript === null
      ? ['(no transcript in this answer)']
      : call.transcript.length === 0
        ? ['(no turns)']
        : call.transcript.map(turnLine);
  return `${[...header, '', ...transcript].join('\n')}\n`;
}
