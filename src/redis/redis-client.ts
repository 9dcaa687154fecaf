import { createHash } from 'node:crypto';

/**
 * The Redis client a limiter runs its scripts on: an ioredis client (`new Redis(...)`, a `Cluster`)
 * or a connected node-redis client (`createClient(...)`), as the application already has it. Only
 * `EVALSHA` and `EVAL` are used, so no Redis client library is imported here: the shape is enough.
 */
export type RedisClient = IoredisLike | NodeRedisLike;

/** ioredis: `evalsha(sha, numberOfKeys, ...keysThenArguments)`. */
export interface IoredisLike {
  /** Runs a cached script. */
  evalsha(sha: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>;
  /** Runs a script, caching it on the server. */
  eval(script: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>;
}

/** node-redis 4 and later: `evalSha(sha, { keys, arguments })`. */
export interface NodeRedisLike {
  /** Runs a cached script. */
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  /** Runs a script, caching it on the server. */
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** True when `value` has the methods of one of the two clients. */
export function isRedisClient(value: unknown): value is RedisClient {
  if (typeof value !== 'object' || value === null) return false;
  const methods = value as Record<string, unknown>;
  return typeof methods['eval'] === 'function' && (typeof methods['evalsha'] === 'function' || typeof methods['evalSha'] === 'function');
}

/** A Lua script and the SHA1 the server caches it under. */
export interface Script {
  readonly source: string;
  readonly sha: string;
}

/** Prepares a script for `runScript`. */
export function defineScript(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** Raised by `runScript` when Redis did not answer within the time given. */
export class RedisTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms`);
  }
}

/**
 * Runs `script` by its SHA1, and by its source when the server does not know it yet (first use, or
 * after a restart emptied the script cache). Rejects with `RedisTimeout` after `timeoutMs`, whatever
 * the client does meanwhile: a client that queues commands while disconnected would otherwise hold
 * the caller for as long as the outage lasts.
 */
export function runScript(client: RedisClient, script: Script, keys: string[], args: string[], timeoutMs: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    // The check comes after the poll phase (setImmediate): when the event loop was blocked past the
    // deadline, an answer already waiting on the socket is read first and wins, so a busy process
    // does not take a slow event loop for a slow Redis.
    timer = setTimeout(() => setImmediate(() => reject(new RedisTimeout(timeoutMs))), timeoutMs);
  });
  const run = evaluate(client, script, keys, args);
  // The command may still settle after the timeout; its outcome is then of no interest.
  run.catch(() => {});
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

async function evaluate(client: RedisClient, script: Script, keys: string[], args: string[]): Promise<unknown> {
  try {
    return await evaluateOnce(client, script, keys, args, 'sha');
  } catch (error) {
    if (!isNoScript(error)) throw error;
    return evaluateOnce(client, script, keys, args, 'source');
  }
}

function evaluateOnce(client: RedisClient, script: Script, keys: string[], args: string[], by: 'sha' | 'source'): Promise<unknown> {
  if ('evalSha' in client && typeof client.evalSha === 'function') {
    const options = { keys, arguments: args };
    return by === 'sha' ? client.evalSha(script.sha, options) : client.eval(script.source, options);
  }
  const ioredis = client as IoredisLike;
  return by === 'sha' ? ioredis.evalsha(script.sha, keys.length, ...keys, ...args) : ioredis.eval(script.source, keys.length, ...keys, ...args);
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
