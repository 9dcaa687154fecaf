import { parseCommandLine } from '../../src/cli/args.js';
import { execute } from '../../src/cli/commands.js';
import type { CliIo } from '../../src/cli/io.js';
import { toInvocation } from '../../src/cli/invocation.js';
import { reportError } from '../../src/cli/report-error.js';
import type { Agent, Call, Campaign, Client, OperationName } from '../../src/index.js';

// A client object of one platform offering calls and agents, in-process: what a command asked of
// it is recorded, and it answers with the objects given. The command line takes any `Client`, so
// its calls and agents commands are tested here while a platform's own wiring is tested in its folder.

/** One operation the command called, with its arguments. */
export interface Recorded {
  operation: string;
  args: unknown[];
}

/** What the fake client answers. */
export interface FakeAnswers {
  calls?: Call[];
  agents?: Agent[];
  campaign?: Campaign;
  /** What `calls.create` resolves to; a promise the test holds to keep the write waiting. */
  created?: () => Promise<Call>;
}

/** One page of items, as `list(...).pages()` yields it. */
function onePage<T>(items: T[]) {
  return {
    pages: async function* () {
      yield { items, hasMore: false, totalCount: items.length, nextCursor: null };
    },
  };
}

/** A client of `provider` offering `offered`, recording each call into `recorded`. */
export function fakeClient(provider: string, offered: readonly OperationName[], answers: FakeAnswers = {}) {
  const recorded: Recorded[] = [];
  const record =
    <R>(operation: string, answer: (...args: unknown[]) => R) =>
    (...args: unknown[]): R => {
      recorded.push({ operation, args });
      return answer(...args);
    };
  const byId = <T extends { id: string }>(items: T[] | undefined) => async (id: unknown) => items?.find((item) => item.id === id) ?? items![0]!;
  const client = {
    provider,
    supports: (operation: OperationName) => offered.includes(operation),
    phoneNumbers: {},
    campaigns: {
      get: record('campaigns.get', async () => answers.campaign!),
      retry: record('campaigns.retry', async () => undefined),
    },
    calls: {
      list: record('calls.list', () => onePage(answers.calls ?? [])),
      get: record('calls.get', byId(answers.calls)),
      create: record('calls.create', () => answers.created!()),
    },
    agents: {
      list: record('agents.list', () => onePage(answers.agents ?? [])),
      get: record('agents.get', byId(answers.agents)),
    },
  };
  return { client: client as unknown as Client<OperationName>, recorded };
}

/** Runs the command line's words against the client, as `run()` does after connecting: the exit code. */
export async function runOn(client: Client<OperationName>, args: string[], io: CliIo): Promise<number> {
  let spec;
  try {
    const parsed = parseCommandLine(args);
    if (parsed.kind !== 'command') throw new Error(`not a command: ${args.join(' ')}`);
    spec = parsed.spec;
    await execute(toInvocation(parsed.spec, parsed.id, parsed.flags, io.stdoutIsTTY), client, io);
    return 0;
  } catch (error) {
    return reportError(error, io, { secrets: [], spec });
  }
}

/** A call as a platform adapter maps it; `overrides` replace fields. */
export function callOf(overrides: Partial<Call> = {}): Call {
  return {
    provider: 'vapi',
    id: 'call_1',
    direction: 'outbound',
    status: { unified: 'completed', raw: 'ended' },
    endReason: { unified: 'customer_hangup', raw: 'customer-ended-call' },
    agentId: 'agent_1',
    campaignId: 'cmp_1',
    phoneNumberId: 'pn_1',
    from: '+14155550100',
    to: '+14155550123',
    customerE164: '+14155550123',
    createdAt: new Date('2026-03-01T09:00:00Z'),
    startedAt: new Date('2026-03-01T09:00:05Z'),
    endedAt: new Date('2026-03-01T09:01:28Z'),
    durationSeconds: 83,
    cost: { amount: 0.42, currency: 'USD', unit: 'currency' },
    recording: null,
    transcript: [
      { role: 'agent', text: 'Hello, this is the clinic.', startSeconds: 0.4, endSeconds: 2 },
      { role: 'customer', text: 'Hi, I need to move\nmy appointment.', startSeconds: 7.9, endSeconds: 10 },
      { role: 'other', text: 'hold music', startSeconds: null, endSeconds: null },
    ],
    summary: null,
    variables: null,
    raw: {},
    ...overrides,
  };
}

/** An agent as a platform adapter maps it; `overrides` replace fields. */
export function agentOf(overrides: Partial<Agent> = {}): Agent {
  return {
    provider: 'retell',
    id: 'agent_1',
    name: 'Front desk',
    voice: { provider: 'elevenlabs', voiceId: 'voice_9' },
    model: { provider: 'openai', name: 'gpt-4o' },
    prompt: null,
    promptRef: { kind: 'llm', id: 'llm_5' },
    version: '3',
    createdAt: new Date('2026-01-02T03:04:05Z'),
    updatedAt: null,
    raw: {},
    ...overrides,
  };
}
