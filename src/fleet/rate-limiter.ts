/**
 * The fleet-wide AWS rate limiter (UPSTREAM_RATE_LIMITS): AWS meters each Clean Rooms API per
 * account and region, so all replicas together must stay under one rate per operation.
 *
 * It is GCRA (the generic cell rate algorithm) in reservation form, one small Lua script run
 * atomically by Redis with Redis's own clock: each call reserves the next free slot of its
 * operation — slots are 1/rate apart — and waits until that slot. Calls are therefore spaced
 * evenly fleet-wide (never a burst that could drain AWS's bucket), each replica needs one round
 * trip per call and no polling, and a call whose slot is further away than its maximum wait
 * reserves nothing and is refused at once. Reservations of one operation are taken in arrival
 * order within a replica.
 *
 * Without Redis (no REDIS_URL, or Redis down) the same algorithm runs in process memory. While
 * Redis is down each replica takes `rate / replicas` of the rate, `replicas` being the number of
 * live replicas last seen in Redis (their heartbeats), so the fleet as a whole stays under it.
 */
import type { CallRateLimiter } from '../clean-rooms/rate-limit';
import type { GatewayMetrics } from '../shared/metrics';
import type { SharedRedis } from './redis';

const RESERVE = `
local interval = tonumber(ARGV[1])
local max_delay = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local delay = tat - now
if delay > max_delay then return {-1, math.floor(delay)} end
local next_tat = tat + interval
redis.call('SET', KEYS[1], string.format('%.0f', next_tat), 'PX', math.ceil((next_tat - now) / 1000) + 1000)
return {math.floor(delay), 0}
`;

interface Reservation {
  admitted: boolean;
  delayMs: number;
}

/** The same reservation in process memory, for one replica (or its share while Redis is down). */
export class LocalGcra {
  private readonly tat = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  reserve(key: string, intervalMs: number, maxDelayMs: number): Reservation {
    const now = this.now();
    const tat = Math.max(this.tat.get(key) ?? now, now);
    const delay = tat - now;
    if (delay > maxDelayMs) return { admitted: false, delayMs: delay };
    this.tat.set(key, tat + intervalMs);
    return { admitted: true, delayMs: delay };
  }
}

export interface RateLimiterOptions {
  /** Calls per second per operation; `*` for every operation not named. */
  limits: Record<string, number>;
  /** Part of the Redis key: the quota belongs to an account and a region. */
  scope: string;
  redis?: SharedRedis;
  metrics?: GatewayMetrics;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds; the in-process algorithm's clock too (tests drive both). */
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FleetRateLimiter implements CallRateLimiter {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly local: LocalGcra;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? (() => performance.now());
    this.local = new LocalGcra(this.now);
    this.sleep = options.sleep ?? realSleep;
  }

  /** The configured rate of `operation`, or undefined when it is not limited. */
  rateOf(operation: string): number | undefined {
    const { limits } = this.options;
    return Object.hasOwn(limits, operation) ? limits[operation] : limits['*'];
  }

  async acquire(operation: string, maxWaitMs: number) {
    const rate = this.rateOf(operation);
    if (!rate) return { admitted: true, waitedMs: 0 };
    const started = this.now();
    const reservation = await this.inOrder(operation, () =>
      this.reserve(operation, rate, Math.max(0, maxWaitMs - (this.now() - started))),
    );
    if (!reservation.admitted) {
      this.options.metrics?.rateLimited(operation);
      return { admitted: false, waitedMs: this.now() - started };
    }
    if (reservation.delayMs > 0) await this.sleep(reservation.delayMs);
    const waitedMs = this.now() - started;
    this.options.metrics?.rateLimiterWait(operation, waitedMs / 1000);
    return { admitted: true, waitedMs };
  }

  /** Runs the reservations of one operation one after another, in arrival order. */
  private inOrder<T>(operation: string, reserve: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(operation) ?? Promise.resolve();
    const next = previous.then(reserve, reserve);
    this.queues.set(
      operation,
      next.catch(() => undefined),
    );
    return next;
  }

  private async reserve(operation: string, rate: number, maxWaitMs: number): Promise<Reservation> {
    const intervalMs = 1000 / rate;
    const key = `cleanrooms-gw:rate:${this.options.scope}:${operation}`;
    const { redis } = this.options;
    if (redis) {
      const reply = await redis.attempt((client) =>
        client.eval(RESERVE, {
          keys: [key],
          arguments: [String(Math.ceil(intervalMs * 1000)), String(Math.floor(maxWaitMs * 1000))],
        }),
      );
      if (Array.isArray(reply)) {
        const [delay, over] = reply.map(Number) as [number, number];
        return delay < 0
          ? { admitted: false, delayMs: over / 1000 }
          : { admitted: true, delayMs: delay / 1000 };
      }
    }
    // In process: the whole rate for a lone replica, its share of it while Redis is away.
    const share = redis ? Math.max(1, redis.replicaCount()) : 1;
    return this.local.reserve(key, intervalMs * share, maxWaitMs);
  }
}
