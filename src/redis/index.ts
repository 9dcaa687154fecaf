// `voiceplane/redis`: limits a fleet of processes shares through Redis (the request rate, the requests
// in flight, the pause after a 429, and calls in flight), over the Redis client the application
// already has (ioredis or node-redis, a peer dependency of this entry only). Nothing else in the
// package imports this entry: a client without a `limiter` option loads no Redis code.
export { createRedisLimiter, RedisLimiter } from './redis-limiter.js';
export type { RedisLimiterOptions, OnLimiterError } from './limiter-options.js';
export { createRedisCallSlots, RedisCallSlots } from './redis-call-slots.js';
export type { RedisCallSlotsOptions } from './redis-call-slots.js';
export { createLocalCallSlots, LocalCallSlots } from '../core/call-slots/local-call-slots.js';
export type { CallSlot, CallSlots, CallSlotsOptions } from '../core/call-slots/call-slots.js';
export type { RedisClient, IoredisLike, NodeRedisLike } from './redis-client.js';
export type { Limiter, Release } from '../core/transport/limiter.js';
export type { Logger } from '../core/transport/logger.js';
export { LimiterUnavailableError } from './limiter-unavailable-error.js';
export { InvalidRequestError, VoiceplaneError } from '../core/errors.js';
