/**
 * What the replicas of a fleet share — through Redis when REDIS_URL is set, in process memory
 * otherwise: the AWS rate limiter, the read cache, persisted queries and the per-caller limit.
 * Assembled once per process; the AWS identity its keys use is resolved from the client the
 * gateway talks through, once, in the background.
 */
import type { CallRateLimiter } from '../clean-rooms/rate-limit';
import type { ReadCache } from '../clean-rooms/read-cache';
import { isLoopbackEndpoint, type CleanRoomsClient } from '../clean-rooms/client';
import { resolveIdentity, type AwsIdentity } from '../clean-rooms/identity';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import type { GatewayMetrics } from '../shared/metrics';
import { CallerLimits } from './caller-limits';
import { sharedPersistedQueries, type PersistedQueryCache } from './persisted-queries';
import { FleetRateLimiter } from './rate-limiter';
import { SharedReadCache } from './read-cache';
import { SharedRedis } from './redis';

export interface Fleet {
  redis?: SharedRedis;
  rateLimiter?: CallRateLimiter;
  cache?: ReadCache;
  callerLimits?: CallerLimits;
  /** Apollo's persisted-query cache; undefined: Apollo's own in-memory one. */
  persistedQueries?: PersistedQueryCache;
  /** Binds the fleet to the client whose identity its keys use (call once, after creation). */
  attach(client: CleanRoomsClient): void;
  /** What readiness reports as degraded (`redis` while Redis is unreachable). */
  degraded(): string[];
  close(): Promise<void>;
}

export type FleetSettings = Pick<Config, 'fleet' | 'region' | 'backend' | 'endpoint'>;

export function createFleet(config: FleetSettings, logger: Logger, metrics: GatewayMetrics): Fleet {
  const { fleet: settings, region } = config;
  const redis = settings.redisUrl ? new SharedRedis(settings.redisUrl, logger) : undefined;
  if (redis) {
    redis.onChange((available) => metrics.redisAvailable(available));
    metrics.redisAvailable(false);
    redis.start();
  }

  let identity: Promise<AwsIdentity> | undefined;
  let attached: CleanRoomsClient | undefined;
  const identityOf = (): Promise<AwsIdentity> => {
    if (!attached) return Promise.reject(new Error('the fleet is not attached to a client yet'));
    const client = attached;
    identity ??= resolveIdentity(client, {
      region,
      // An emulator has no STS: embedded, or an endpoint on this machine.
      useSts: config.backend === 'aws' && !(config.endpoint && isLoopbackEndpoint(config.endpoint)),
    }).then(
      (resolved) => {
        logger.info({ awsIdentity: resolved.principal }, 'AWS identity of the shared keys');
        return resolved;
      },
      (error: unknown) => {
        identity = undefined; // try again on the next use
        throw error;
      },
    );
    return identity;
  };

  // The quota is per account and region; a deployment acts as one account, so the region
  // names the buckets. Cache keys are per identity (the data a principal may see) and region.
  const rateLimiter = settings.upstreamRateLimits
    ? new FleetRateLimiter({ limits: settings.upstreamRateLimits, scope: region, redis, metrics })
    : undefined;
  const cache =
    settings.cacheTtlSeconds > 0
      ? new SharedReadCache({
          ttlSeconds: settings.cacheTtlSeconds,
          scope: async () => `${(await identityOf()).principal}|${region}`,
          redis,
          metrics,
        })
      : undefined;
  const callerLimits = settings.rateLimitPerMinute
    ? new CallerLimits(settings.rateLimitPerMinute, redis)
    : undefined;

  return {
    redis,
    rateLimiter,
    cache,
    callerLimits,
    persistedQueries: redis ? sharedPersistedQueries(redis, logger) : undefined,
    attach(client) {
      attached = client;
      if (cache) {
        identityOf().catch((error: unknown) =>
          logger.warn({ err: error }, 'could not resolve the AWS identity'),
        );
      }
    },
    degraded: () => (redis && !redis.isAvailable() ? ['redis'] : []),
    close: async () => {
      await redis?.close();
    },
  };
}
