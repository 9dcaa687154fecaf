import { describeValue } from '../kit/describe-value.js';
import { InvalidRequestError } from '../errors.js';
import { redactText } from './redact.js';

/** How much the SDK logs: each level includes the ones after it; `'off'` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/**
 * Where log lines go: `console`, or any object with the same methods (pino, winston and most
 * loggers fit). Each line is one string argument. A method that is missing drops that level.
 */
export interface Logger {
  /** Each attempt sent and answered (headers with secrets removed). */
  debug?(message: string): void;
  /** An abort by the caller, a 4xx answer. */
  info?(message: string): void;
  /** A retry, a rate limit. */
  warn?(message: string): void;
  /** A request that failed for good, a body without the expected shape. */
  error?(message: string): void;
}

type LineLevel = Exclude<LogLevel, 'off'>;

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

/**
 * The transport's log: filters by level, prefixes each line with the provider, and removes every
 * secret from every line as a last guard. A logger that throws is ignored: logging never breaks a request.
 */
export class RequestLog {
  readonly #logger: Logger | undefined;
  readonly #threshold: number;
  readonly #prefix: string;

  constructor(logger: Logger | undefined, level: LogLevel, provider: string) {
    this.#logger = logger;
    this.#threshold = logger ? rank[level] : rank.off;
    this.#prefix = `[voiceplane] ${provider}`;
  }

  /** Whether lines of `level` are written, so that a line is not even built when they are not. */
  enabled(level: LineLevel): boolean {
    return rank[level] >= this.#threshold;
  }

  write(level: LineLevel, message: string, secrets: readonly string[]): void {
    if (!this.enabled(level)) return;
    try {
      // Read inside the guard: a logger's getter may throw as well as its method.
      const method = this.#logger?.[level];
      if (typeof method !== 'function') return;
      method.call(this.#logger, redactText(`${this.#prefix} ${message}`, secrets));
    } catch {
      // A broken logger must not turn a good response into a failure.
    }
  }
}

const levels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'off'];

/**
 * Checks `logger` and `logLevel` of `createClient`. Without either nothing is logged. A `logger`
 * alone logs at `'info'`; a `logLevel` alone logs to `console`.
 */
export function createRequestLog(options: { logger?: unknown; logLevel?: unknown }, provider: string): RequestLog {
  const { logger, logLevel } = options;
  if (logLevel !== undefined && !levels.includes(logLevel as LogLevel)) {
    throw new InvalidRequestError(`${provider}: logLevel must be one of ${levels.join(', ')} (got ${describeValue(logLevel)}).`, {
      provider,
    });
  }
  if (logger !== undefined) {
    const methods = ['debug', 'info', 'warn', 'error'];
    if (typeof logger !== 'object' || logger === null || !methods.some((name) => hasMethod(logger, name))) {
      throw new InvalidRequestError(
        `${provider}: logger must be an object with debug, info, warn and error methods, such as console.`,
        { provider },
      );
    }
  }
  if (logger === undefined && logLevel === undefined) return new RequestLog(undefined, 'off', provider);
  return new RequestLog((logger as Logger | undefined) ?? console, (logLevel as LogLevel | undefined) ?? 'info', provider);
}

/** Whether `logger[name]` is a function; a getter that throws counts as no method. */
function hasMethod(logger: object, name: string): boolean {
  try {
    return typeof (logger as Record<string, unknown>)[name] === 'function';
  } catch {
    return false;
  }
}
