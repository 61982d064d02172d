/**
 * The shared read cache of AWS results (CACHE_TTL_SECONDS > 0), behind the request's loaders.
 *
 * Keys: the AWS identity the gateway acts as and its region, the operation and its input — so
 * nothing is ever shared across identities or regions — plus the current version of every
 * family the read depends on. A write bumps the versions of the families it changes (one
 * INCR each, awaited before the mutation returns): every key built on an older version is
 * unreachable at once, on every replica, and a read that raced the write and stores its older
 * answer afterwards stores it under the old version, where nobody looks. Changes made outside
 * the gateway are visible within the TTL.
 *
 * With Redis: one round trip reads the versions and the value (a Lua script). Redis down: the
 * cache is bypassed (a replica's own memory would not see the others' writes); writes that could
 * not bump their versions are replayed when Redis returns. Without REDIS_URL: the same scheme in
 * a bounded in-process LRU for a lone replica.
 */
import { LRUCache } from 'lru-cache';
import type { CachedRead, ReadCache } from '../clean-rooms/read-cache';
import type { GatewayMetrics } from '../shared/metrics';
import type { SharedRedis } from './redis';

const READ = `
local parts = {}
for i, key in ipairs(KEYS) do parts[i] = redis.call('GET', key) or '0' end
local versions = table.concat(parts, '.')
return {versions, redis.call('GET', ARGV[1] .. versions)}
`;

/** Dates survive a round trip as `{ "$date": ISO }`. */
function serialize(value: unknown): string {
  return JSON.stringify(value, function replacer(this: Record<string, unknown>, key, v: unknown) {
    const original = this[key];
    return original instanceof Date ? { $date: original.toISOString() } : v;
  });
}

function deserialize<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) =>
    v && typeof v === 'object' && typeof (v as { $date?: unknown }).$date === 'string'
      ? new Date((v as { $date: string }).$date)
      : v,
  ) as T;
}

/** JSON with sorted keys and no undefined members: equal inputs, equal keys. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface ReadCacheOptions {
  ttlSeconds: number;
  /** Identity and region of the AWS calls, e.g. `arn:aws:iam::123:role/Gateway|eu-west-1`. */
  scope: () => Promise<string>;
  redis?: SharedRedis;
  metrics?: GatewayMetrics;
  /** Entries of the in-process cache (without Redis). */
  maxEntries?: number;
}

const PREFIX = 'cleanrooms-gw';

export class SharedReadCache implements ReadCache {
  private readonly memory?: LRUCache<string, string>;
  private readonly versions = new Map<string, number>();
  /** Families whose Redis version could not be bumped (Redis was away): replayed on return. */
  private readonly pending = new Set<string>();

  constructor(private readonly options: ReadCacheOptions) {
    if (!options.redis) {
      this.memory = new LRUCache({
        max: options.maxEntries ?? 10_000,
        ttl: options.ttlSeconds * 1000,
      });
    }
    options.redis?.onChange((available) => {
      if (available) void this.replay();
    });
  }

  async read<T>(read: CachedRead, load: () => Promise<T>): Promise<{ value: T; hit: boolean }> {
    const scope = await this.options.scope().catch(() => undefined);
    if (scope === undefined) {
      // Whose data this is cannot be told yet: never guess, read from AWS.
      this.options.metrics?.cacheLookup(read.operation, 'bypass');
      return { value: await load(), hit: false };
    }
    const base = `${PREFIX}:c:${scope}:${read.operation}:${stable(read.input)}`;
    const versionKeys = read.families.map((f) => `${PREFIX}:v:${scope}:${f}`);
    const { redis, metrics } = this.options;

    if (!redis) {
      const key = `${base}:${versionKeys.map((k) => this.versions.get(k) ?? 0).join('.')}`;
      const cached = this.memory?.get(key);
      if (cached !== undefined) {
        metrics?.cacheLookup(read.operation, 'hit');
        return { value: deserialize<T>(cached), hit: true };
      }
      metrics?.cacheLookup(read.operation, 'miss');
      const value = await load();
      this.memory?.set(key, serialize(value));
      return { value, hit: false };
    }

    const reply = await redis.attempt((c) =>
      c.eval(READ, { keys: versionKeys, arguments: [`${base}:`] }),
    );
    if (!Array.isArray(reply) || typeof reply[0] !== 'string' || this.pending.size > 0) {
      // Redis away, or writes of this replica not yet applied there: do not trust the cache.
      metrics?.cacheLookup(read.operation, 'bypass');
      return { value: await load(), hit: false };
    }
    const [versions, cached] = reply as [string, string | null];
    if (typeof cached === 'string') {
      metrics?.cacheLookup(read.operation, 'hit');
      return { value: deserialize<T>(cached), hit: true };
    }
    metrics?.cacheLookup(read.operation, 'miss');
    const value = await load();
    await redis.attempt((c) =>
      c.set(`${base}:${versions}`, serialize(value), { EX: this.options.ttlSeconds }),
    );
    return { value, hit: false };
  }

  async invalidate(families: string[]): Promise<void> {
    // Without an identity nothing was cached under it either.
    const scope = await this.options.scope().catch(() => undefined);
    if (scope === undefined) return;
    const keys = families.map((f) => `${PREFIX}:v:${scope}:${f}`);
    const { redis } = this.options;
    if (!redis) {
      for (const key of keys) this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
      return;
    }
    const done = await redis.attempt(async (c) => {
      const multi = c.multi();
      for (const key of keys) multi.incr(key);
      await multi.exec();
      return true;
    });
    if (!done) for (const key of keys) this.pending.add(key);
  }

  private async replay(): Promise<void> {
    const keys = [...this.pending];
    if (keys.length === 0 || !this.options.redis) return;
    const done = await this.options.redis.attempt(async (c) => {
      const multi = c.multi();
      for (const key of keys) multi.incr(key);
      await multi.exec();
      return true;
    });
    if (done) for (const key of keys) this.pending.delete(key);
  }
}
