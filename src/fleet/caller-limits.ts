/**
 * The per-caller request limit (RATE_LIMIT_PER_MINUTE): requests per caller — the token's
 * subject, else the client address — per minute across the fleet, counted in Redis with
 * rate-limiter-flexible. While Redis is away each replica counts in its own memory with its
 * share of the limit (the limit divided by the live replicas last seen), so one caller still
 * gets about the limit from the fleet as a whole.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { SharedRedis } from './redis';

export type CallerDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const DURATION_SECONDS = 60;

export class CallerLimits {
  private readonly shared?: RateLimiterRedis;
  private local: RateLimiterMemory;
  private localShare: number;

  constructor(
    private readonly perMinute: number,
    private readonly redis?: SharedRedis,
  ) {
    if (redis) {
      this.shared = new RateLimiterRedis({
        storeClient: redis.client,
        useRedisPackage: true,
        rejectIfRedisNotReady: true,
        points: perMinute,
        duration: DURATION_SECONDS,
        keyPrefix: 'cleanrooms-gw:callers',
      });
    }
    this.localShare = this.share();
    this.local = this.memoryLimiter(this.localShare);
  }

  async check(caller: string): Promise<CallerDecision> {
    if (this.shared && this.redis?.isAvailable()) {
      try {
        await this.shared.consume(caller);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return this.refused(rejection);
        // Redis failed under us: count this one locally.
      }
    }
    const share = this.share();
    if (share !== this.localShare) {
      this.localShare = share;
      this.local = this.memoryLimiter(share);
    }
    try {
      await this.local.consume(caller);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return this.refused(rejection);
      throw rejection;
    }
  }

  private share(): number {
    const replicas = this.redis ? Math.max(1, this.redis.replicaCount()) : 1;
    return Math.max(1, Math.ceil(this.perMinute / replicas));
  }

  private memoryLimiter(points: number): RateLimiterMemory {
    return new RateLimiterMemory({ points, duration: DURATION_SECONDS });
  }

  private refused(res: RateLimiterRes): CallerDecision {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
  }
}
