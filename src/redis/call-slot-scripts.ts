import { defineScript } from './redis-client.js';

// One sorted set per key, `{key}:calls`: a member per call in flight (a pending create's key, then
// the call's id), scored by the time its place expires on the Redis server's clock.

const clock = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
`;

/** Holds a place if one is free. ARGV: pending key, ttl ms, most calls. Replies 1 (held) or 0. */
export const acquireCallScript = defineScript(`${clock}
local ttlMs, most = tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= most then return 0 end
redis.call('ZADD', KEYS[1], tostring(now + ttlMs), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ttlMs * 2)
return 1
`);

/** Moves a place from the pending key to the call's id, its expiry starting again. ARGV: pending key, call id, ttl ms. */
export const assignCallScript = defineScript(`${clock}
local ttlMs = tonumber(ARGV[3])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[1], tostring(now + ttlMs), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ttlMs * 2)
return 1
`);

/** Frees one place. ARGV: its member. */
export const releaseCallScript = defineScript(`
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
`);

/** Counts the places held, expired ones left out. */
export const countCallsScript = defineScript(`${clock}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
return redis.call('ZCARD', KEYS[1])
`);

/** The sorted set of a call slots key. */
export function callSlotsKey(key: string): string {
  return `{${key}}:calls`;
}
