import { defineScript } from './redis-client.js';

// The fleet limiter's state lives in two keys per limiter key, both under one hash tag so that a
// Redis Cluster keeps them on one node:
//   {key}:state   a hash: `tat` (the earliest time the next attempt may start, ms), `pausedUntil`
//                 (a 429's pause, ms), `rate` (the rate in force, lowered after a 429)
//   {key}:leases  a sorted set: one member per attempt in flight, scored by the time its lease expires
// Every time is the Redis server's own clock (TIME), so the processes' clocks never need to agree.
// Numbers go back to the client as strings: Redis truncates a Lua number returned as a reply.

const clock = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
`;

/**
 * Takes a turn for one attempt, or says how long to wait. ARGV: lease id, lease ms, configured rate
 * (0: no rate limit), most in flight (0: no limit). Replies `{ granted (1|0), wait ms (-1: until a
 * lease is released), rate in force }`.
 *
 * The rate is an interval spacer (GCRA with a bucket of one): an attempt starts no sooner than
 * 1000 / rate ms after the one before it, fleet-wide, so no burst follows an idle spell and a
 * server that counts in any one-second window never sees more than the rate.
 */
export const acquireScript = defineScript(`${clock}
local state, leases = KEYS[1], KEYS[2]
local leaseMs, configured, most = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local fields = redis.call('HMGET', state, 'tat', 'pausedUntil', 'rate')
local tat = tonumber(fields[1]) or 0
local pausedUntil = tonumber(fields[2]) or 0
local rate = tonumber(fields[3]) or configured
if now < pausedUntil then return {0, tostring(pausedUntil - now), tostring(rate)} end
if most > 0 then
  redis.call('ZREMRANGEBYSCORE', leases, '-inf', now)
  if redis.call('ZCARD', leases) >= most then return {0, '-1', tostring(rate)} end
end
if configured > 0 then
  if now < tat then return {0, tostring(tat - now), tostring(rate)} end
  redis.call('HSET', state, 'tat', tostring(now + 1000 / rate))
  redis.call('PEXPIRE', state, math.ceil(math.max(60000, pausedUntil - now + 60000)))
end
if most > 0 then
  redis.call('ZADD', leases, tostring(now + leaseMs), ARGV[1])
  redis.call('PEXPIRE', leases, leaseMs * 2)
end
return {1, '0', tostring(rate)}
`);

/** Ends one attempt's lease. ARGV: lease id. */
export const releaseScript = defineScript(`
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
`);

/**
 * Extends the leases of attempts still running, and puts back any that a Redis restart lost, so
 * that the count in flight is right again after one. ARGV: lease ms, then the lease ids.
 */
export const renewScript = defineScript(`${clock}
local leaseMs = tonumber(ARGV[1])
for index = 2, #ARGV do
  redis.call('ZADD', KEYS[1], tostring(now + leaseMs), ARGV[index])
end
redis.call('PEXPIRE', KEYS[1], leaseMs * 2)
return 1
`);

/**
 * A 429: pause every process until `now + wait`, and halve the rate in force (never below a
 * sixteenth of the configured one). ARGV: wait ms, configured rate (0: none). Replies the rate.
 */
export const rateLimitedScript = defineScript(`${clock}
local state = KEYS[1]
local waitMs, configured = tonumber(ARGV[1]), tonumber(ARGV[2])
local fields = redis.call('HMGET', state, 'pausedUntil', 'rate')
local pausedUntil = math.max(tonumber(fields[1]) or 0, now + waitMs)
redis.call('HSET', state, 'pausedUntil', tostring(pausedUntil))
local rate = configured
if configured > 0 then
  rate = math.max((tonumber(fields[2]) or configured) / 2, configured / 16)
  redis.call('HSET', state, 'rate', tostring(rate))
end
redis.call('PEXPIRE', state, math.ceil(pausedUntil - now + 60000))
return tostring(rate)
`);

/**
 * An answer that was not a 429: win back a tenth of the configured rate. ARGV: configured rate.
 * Replies the rate in force.
 */
export const recoverScript = defineScript(`
local configured = tonumber(ARGV[1])
local rate = tonumber(redis.call('HGET', KEYS[1], 'rate')) or configured
if rate < configured then
  rate = math.min(configured, rate + configured / 10)
  redis.call('HSET', KEYS[1], 'rate', tostring(rate))
end
return tostring(rate)
`);

/** The two keys of a limiter key, under one hash tag. */
export function limiterKeys(key: string): { state: string; leases: string } {
  return { state: `{${key}}:state`, leases: `{${key}}:leases` };
}
