/**
 * The fleet's building blocks against a real redis-server: two replicas' rate limiters share
 * one schedule; two replicas' caches share entries and invalidations; replicas count each other;
 * and when Redis dies every piece falls back at once — cache bypassed, limiter and caller limit
 * in memory, writes remembered — and everything recovers when Redis returns.
 */
import { CallerLimits } from '../../../src/fleet/caller-limits';
import { FleetRateLimiter } from '../../../src/fleet/rate-limiter';
import { SharedReadCache } from '../../../src/fleet/read-cache';
import { SharedRedis } from '../../../src/fleet/redis';
import { logger } from '../../../src/shared/logger';
import { requireRedisServer, startRedisServer, type RedisServer } from '../../helpers/redis-server';

const describeWithRedis = requireRedisServer() ? describe : describe.skip;

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeWithRedis('with a real Redis', () => {
  let server: RedisServer;
  let a: SharedRedis;
  let b: SharedRedis;
  const quiet = logger.child({ test: 'fleet' });

  beforeAll(async () => {
    server = await startRedisServer();
    a = new SharedRedis(server.url, quiet);
    b = new SharedRedis(server.url, quiet);
    a.start();
    b.start();
    await until(() => a.isAvailable() && b.isAvailable(), 'both replicas to connect');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await server.stop();
  });

  it('gives two replicas one schedule: their calls together stay at the rate', async () => {
    const rate = 50;
    const limiters = [a, b].map(
      (redis) =>
        new FleetRateLimiter({ limits: { '*': rate }, scope: `rate-${Date.now()}`, redis }),
    );
    const admitted: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (limiters[i % 2] as FleetRateLimiter).acquire('GetMembership', 5_000).then((r) => {
          expect(r.admitted).toBe(true);
          admitted.push(performance.now());
        }),
      ),
    );
    admitted.sort((x, y) => x - y);
    // 20 calls 20 ms apart take at least 19 intervals, whichever replica made them.
    const span = (admitted[19] as number) - (admitted[0] as number);
    expect(span).toBeGreaterThanOrEqual(19 * (1000 / rate) * 0.9);
  });

  it('counts the live replicas through their heartbeats', async () => {
    await until(() => a.replicaCount() === 2 && b.replicaCount() === 2, 'two replicas seen', 8_000);
  });

  it('shares cached reads and invalidations between replicas', async () => {
    const scope = async () => `identity-${server.port}|us-east-1`;
    const [cacheA, cacheB] = [a, b].map(
      (redis) => new SharedReadCache({ ttlSeconds: 30, scope, redis }),
    );
    const read = { operation: 'GetMembership', input: { id: 'm1' }, families: ['membership:m1'] };
    const load = jest.fn(async () => ({ id: 'm1', updateTime: new Date('2026-03-01T00:00:00Z') }));
    expect((await cacheA?.read(read, load))?.hit).toBe(false);
    const fromB = await cacheB?.read(read, load);
    expect(fromB?.hit).toBe(true);
    expect(fromB?.value.updateTime).toEqual(new Date('2026-03-01T00:00:00Z'));
    await cacheA?.invalidate(['membership:m1']);
    expect((await cacheB?.read(read, load))?.hit).toBe(false);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares the per-caller limit between replicas', async () => {
    const [limitsA, limitsB] = [a, b].map((redis) => new CallerLimits(3, redis));
    const caller = `sub:user-${server.port}`;
    const decisions = [
      await limitsA?.check(caller),
      await limitsB?.check(caller),
      await limitsA?.check(caller),
      await limitsB?.check(caller),
    ];
    expect(decisions.map((d) => d?.allowed)).toEqual([true, true, true, false]);
    const refused = decisions[3];
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  describe('when Redis dies', () => {
    const scope = async () => `outage-${server.port}|us-east-1`;
    let cacheA: SharedReadCache;
    let cacheB: SharedReadCache;
    const read = { operation: 'ListMemberships', input: {}, families: ['memberships'] };

    beforeAll(async () => {
      cacheA = new SharedReadCache({ ttlSeconds: 30, scope, redis: a });
      cacheB = new SharedReadCache({ ttlSeconds: 30, scope, redis: b });
      await cacheB.read(read, async () => 'before the outage');
      await server.stop();
      await until(() => !a.isAvailable() && !b.isAvailable(), 'both replicas to notice');
    });

    it('serves at once without it: cache bypassed, limiter and caller limit in memory', async () => {
      const started = performance.now();
      const load = jest.fn(async () => 'fresh');
      expect(await cacheA.read(read, load)).toEqual({ value: 'fresh', hit: false });
      const limiter = new FleetRateLimiter({ limits: { '*': 1000 }, scope: 'outage', redis: a });
      expect((await limiter.acquire('GetMembership', 1_000)).admitted).toBe(true);
      expect((await new CallerLimits(10, a).check('sub:outage')).allowed).toBe(true);
      // Nothing waited for the dead server (its commands fail at once, no offline queue).
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(load).toHaveBeenCalledTimes(1);
    });

    it('remembers writes made meanwhile and applies them when Redis returns', async () => {
      await cacheA.invalidate(['memberships']);
      await server.start();
      await until(() => a.isAvailable() && b.isAvailable(), 'both replicas to reconnect');
      // The bump waits for Redis: B must not serve what it cached before the write.
      await until(() => true, 'nothing');
      let value: string | undefined;
      for (let i = 0; i < 50 && value !== 'after the outage'; i++) {
        value = (await cacheB.read(read, async () => 'after the outage')).value;
        if (value !== 'after the outage') await new Promise((r) => setTimeout(r, 20));
      }
      expect(value).toBe('after the outage');
      expect((await cacheB.read(read, async () => 'unused')).hit).toBe(true);
    });
  });
});
