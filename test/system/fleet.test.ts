/**
 * The fleet, with real components (see fleet-harness.ts): the emulator enforces AWS's quota of
 * 5 requests per second, two gateway processes share Redis, HAProxy balances them. What one
 * replica does is seen by the other, the fleet together stays under the account's rate, and
 * neither a rolling restart nor a Redis outage loses a request.
 *
 * Run by `npm run test:fleet` (which builds first); `.ci/run` runs it after `npm test`.
 */
import { createHash } from 'node:crypto';
import { DEMO_IDS } from '../../src/emulator/seed';
import { requireHaproxy } from '../helpers/haproxy';
import { requireRedisServer } from '../helpers/redis-server';
import { RATE_PER_SECOND, startFleet, underLoad, type Fleet, type Reply } from './fleet-harness';

const describeFleet = requireRedisServer() && requireHaproxy() ? describe : describe.skip;
jest.setTimeout(60_000);

const MEMBERSHIP = /* GraphQL */ `
  query Membership($id: ID!) {
    membership(id: $id) {
      id
      status
      queryLogStatus
    }
  }
`;
const LIST = /* GraphQL */ `
  query List($first: Int!) {
    memberships(first: $first) {
      nodes {
        id
      }
    }
  }
`;

interface MembershipData {
  membership: { id: string; status: string; queryLogStatus: string } | null;
}

/** The load of the quota tests: `count` list reads at once, each a distinct AWS call. */
function listBurst(fleet: Fleet, count: number): Promise<Reply[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      fleet.post({ query: LIST, variables: { first: i + 1 } }, { sub: `burst-${i}` }),
    ),
  );
}

const delta = (after: Record<string, number>, before: Record<string, number>, key: string) =>
  (after[key] ?? 0) - (before[key] ?? 0);

const ok = (reply: Reply<unknown>) => reply.status === 200 && !reply.body.errors && reply.body.data;

/** What a request that got no HTTP answer died of (fetch hides it in `cause`). */
const failure = (error: unknown) =>
  error instanceof Error ? `${error.message}: ${String(error.cause ?? '')}` : String(error);

async function metric(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return Number(line?.split(' ').pop());
}

describeFleet('a fleet of two replicas behind HAProxy, sharing Redis', () => {
  let fleet: Fleet;
  let a: Fleet['replicas'][0];
  let b: Fleet['replicas'][1];

  beforeAll(async () => {
    fleet = await startFleet();
    [a, b] = fleet.replicas;
  }, 60_000);
  afterAll(async () => {
    await fleet?.close();
  });

  it('without the fleet rate limiter, a burst of reads is throttled by AWS', async () => {
    await Promise.all(
      [a, b].map((r) => r.start({ UPSTREAM_RATE_LIMITS: 'off', CACHE_TTL_SECONDS: '0' })),
    );
    await Promise.all([a, b].map((r) => fleet.haproxy.waitFor(r.name, 'UP')));
    const before = await fleet.stats();
    const replies = await listBurst(fleet, 20);
    const after = await fleet.stats();
    expect(delta(after.throttled, before.throttled, 'ListMemberships')).toBeGreaterThan(0);
    const codes = replies.flatMap((r) => r.body.errors?.map((e) => e.extensions?.code) ?? []);
    expect(codes).toContain('THROTTLED');
    await Promise.all([a, b].map((r) => r.stop('SIGINT')));
  });

  it('with it, the same burst is answered in full: zero throttles, at most the rate', async () => {
    await Promise.all([a, b].map((r) => r.start()));
    await Promise.all([a, b].map((r) => fleet.haproxy.waitFor(r.name, 'UP')));
    const before = await fleet.stats();
    // The emulator's count, sampled while the burst runs, shows the fleet's real call rate.
    const samples: Array<{ at: number; calls: number }> = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const stats = await fleet.stats();
        samples.push({ at: performance.now(), calls: stats.total });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const started = performance.now();
    const replies = await listBurst(fleet, 20);
    const elapsedMs = performance.now() - started;
    sampling = false;
    await sampler;
    const after = await fleet.stats();

    expect(replies.filter((r) => !ok(r))).toEqual([]);
    expect(after.throttled).toEqual(before.throttled);
    const calls = after.total - before.total;
    expect(calls).toBeGreaterThanOrEqual(20);
    // GCRA spaces calls 1/rate apart fleet-wide: n calls take at least (n - 1) / rate seconds.
    expect(elapsedMs).toBeGreaterThanOrEqual(((20 - 1) / RATE_PER_SECOND) * 1000 * 0.9);
    // In any second, at most the rate (+1: a closed one-second window holds both ends).
    let busiest = 0;
    for (const from of samples) {
      const within = samples.filter((s) => s.at >= from.at && s.at - from.at <= 1_000);
      const last = within[within.length - 1] ?? from;
      busiest = Math.max(busiest, last.calls - from.calls);
    }
    expect(busiest).toBeLessThanOrEqual(RATE_PER_SECOND + 1);
  });

  it('a read through B after A read the same id costs no AWS call', async () => {
    const id = DEMO_IDS.acmeAudienceMembership;
    const before = await fleet.stats();
    const first = await fleet.post<MembershipData>(
      { query: MEMBERSHIP, variables: { id } },
      { url: a.url },
    );
    const middle = await fleet.stats();
    const second = await fleet.post<MembershipData>(
      { query: MEMBERSHIP, variables: { id } },
      { url: b.url },
    );
    const after = await fleet.stats();
    expect(first.body.data?.membership?.id).toBe(id);
    expect(delta(middle.calls, before.calls, 'GetMembership')).toBe(1);
    expect(second.body.data).toEqual(first.body.data);
    expect(delta(after.calls, middle.calls, 'GetMembership')).toBe(0);
    expect(second.body.extensions?.cost).toMatchObject({ awsCalls: 0, cacheHits: 1 });
  });

  it('a mutation through A is visible through B at once', async () => {
    const id = DEMO_IDS.acmeRetailMembership; // its collaboration allows query logs either way
    const read = async (url: string) =>
      (await fleet.post<MembershipData>({ query: MEMBERSHIP, variables: { id } }, { url })).body
        .data?.membership?.queryLogStatus;
    const original = await read(b.url); // cached now
    const changed = original === 'ENABLED' ? 'DISABLED' : 'ENABLED';
    const update = `mutation { updateMembership(input: { membershipIdentifier: "${id}", queryLogStatus: ${changed} }) { id queryLogStatus } }`;
    const updated = await fleet.post({ query: update }, { url: a.url });
    expect(updated.body.errors).toBeUndefined();
    expect(await read(b.url)).toBe(changed);
    // And back, the other way round.
    await fleet.post({ query: update.replace(changed, String(original)) }, { url: b.url });
    expect(await read(a.url)).toBe(original);
  });

  it('a query persisted on A runs by hash on B', async () => {
    const query = `query PersistedInFleet { memberships(first: 2) { nodes { id status } } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persistedQuery = { version: 1, sha256Hash };
    const unknown = await fleet.post(
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
      { url: b.url },
    );
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await fleet.post({ query, extensions: { persistedQuery } }, { url: a.url });
    expect(ok(registered)).toBeTruthy();
    const byHash = await fleet.post({ extensions: { persistedQuery } }, { url: b.url });
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data).toEqual(registered.body.data);
  });

  it('the per-caller limit is shared by both replicas', async () => {
    // Started with RATE_LIMIT_PER_MINUTE=6 for this test only; other callers are not affected.
    await Promise.all([a, b].map((r) => r.stop('SIGINT')));
    await Promise.all([a, b].map((r) => r.start({ RATE_LIMIT_PER_MINUTE: '6' })));
    const query = { query: LIST, variables: { first: 1 } };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (await fleet.post(query, { url: i % 2 ? b.url : a.url, sub: 'limited' })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const replica of [a, b]) {
      const refused = await fleet.post(query, { url: replica.url, sub: 'limited' });
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('THROTTLED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect((await fleet.post(query, { url: b.url, sub: 'someone-else' })).status).toBe(200);
    await Promise.all([a, b].map((r) => r.stop('SIGINT')));
    await Promise.all([a, b].map((r) => r.start()));
    await Promise.all([a, b].map((r) => fleet.haproxy.waitFor(r.name, 'UP')));
  });

  it('a rolling restart under load loses no request through HAProxy', async () => {
    const id = DEMO_IDS.acmeRetailMembership;
    const { outcomes, failures } = await underLoad(
      6,
      (i) =>
        fleet.post<MembershipData>(
          { query: MEMBERSHIP, variables: { id } },
          { sub: `roller-${i}` },
        ),
      async () => {
        for (const replica of [a, b]) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          expect(await replica.stop('SIGTERM')).toBe(0);
          await replica.start();
          await fleet.haproxy.waitFor(replica.name, 'UP');
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      },
    );
    expect(failures.map(failure)).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(50);
    const lost = outcomes.filter((r) => !ok(r) || r.body.data?.membership?.id !== id);
    expect(lost.map((r) => ({ status: r.status, errors: r.body.errors }))).toEqual([]);
  });

  it('with Redis killed mid-load, requests are served, readiness is degraded, and it recovers', async () => {
    const id = DEMO_IDS.acmeRetailMembership;
    const before = await fleet.stats();
    const { outcomes, failures } = await underLoad(
      4,
      (i) =>
        fleet.post<MembershipData>(
          { query: MEMBERSHIP, variables: { id } },
          { sub: `outage-${i}` },
        ),
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await fleet.redis.stop();
        for (const replica of [a, b]) {
          await waitForReady(replica.base, (body) => body.degraded?.includes('redis') === true);
          expect(await metric(replica.base, 'redis_available')).toBe(0);
        }
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await fleet.redis.start();
        for (const replica of [a, b]) {
          await waitForReady(replica.base, (body) => body.degraded === undefined);
          expect(await metric(replica.base, 'redis_available')).toBe(1);
          expect(replica.process?.output()).toContain('Redis unavailable');
        }
      },
    );
    const after = await fleet.stats();
    expect(failures.map(failure)).toEqual([]);
    const lost = outcomes.filter((r) => !ok(r));
    expect(lost.map((r) => ({ status: r.status, errors: r.body.errors }))).toEqual([]);
    // Without Redis each replica took its share of the rate: still no throttling by AWS.
    expect(after.throttled).toEqual(before.throttled);
  });
});

async function waitForReady(
  base: string,
  accept: (body: { status?: string; degraded?: string[] }) => boolean,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/health/ready`);
    last = `${response.status} ${await response.clone().text()}`;
    if (response.status === 200 && accept((await response.json()) as { degraded?: string[] }))
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`readiness of ${base} never matched (last: ${last})`);
}
