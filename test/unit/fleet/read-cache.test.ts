/**
 * The shared read cache in process memory (no REDIS_URL): a read is served again without
 * loading, never across identities or regions, and a write's families make every read that
 * depends on them load again; values keep their Dates.
 */
import { SharedReadCache } from '../../../src/fleet/read-cache';

function cacheFor(scope: string) {
  return new SharedReadCache({ ttlSeconds: 60, scope: async () => scope });
}

const READ = { operation: 'GetMembership', input: { id: 'm1' }, families: ['membership:m1'] };

describe('SharedReadCache (in process)', () => {
  it('answers a repeated read from the cache', async () => {
    const cache = cacheFor('acct|us-east-1');
    const load = jest.fn(async () => ({ id: 'm1', createTime: new Date('2026-01-05T09:00:00Z') }));
    const first = await cache.read(READ, load);
    const second = await cache.read(READ, load);
    expect(first.hit).toBe(false);
    expect(second).toEqual({ hit: true, value: first.value });
    expect(second.value.createTime).toBeInstanceOf(Date);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keys on the input: equal inputs share, different ones do not', async () => {
    const cache = cacheFor('acct|us-east-1');
    const load = jest.fn(async () => 'page');
    const list = (input: Record<string, unknown>) => ({
      operation: 'ListMemberships',
      input,
      families: ['memberships'],
    });
    await cache.read(list({ maxResults: 5, status: undefined }), load);
    await cache.read(list({ maxResults: 5 }), load);
    await cache.read(list({ maxResults: 6 }), load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never shares across identities or regions', async () => {
    const [a, b] = [cacheFor('role-a|us-east-1'), cacheFor('role-b|us-east-1')];
    const load = jest.fn(async () => 'value');
    await a.read(READ, load);
    // Separate instances: separate memories; same instance, other scope:
    const scoped = ['role-a|us-east-1', 'role-a|eu-west-1', 'role-b|us-east-1'];
    let current = scoped[0] as string;
    const shared = new SharedReadCache({ ttlSeconds: 60, scope: async () => current });
    for (const scope of scoped) {
      current = scope;
      await shared.read(READ, load);
    }
    await b.read(READ, load);
    expect(load).toHaveBeenCalledTimes(5);
  });

  it('loads again after a write of a family the read depends on, and only then', async () => {
    const cache = cacheFor('acct|us-east-1');
    const load = jest.fn(async () => 'value');
    const collaboration = {
      operation: 'GetCollaboration',
      input: { id: 'c1' },
      families: ['collaboration:c1', 'collaboration:*'],
    };
    await cache.read(collaboration, load);
    await cache.invalidate(['collaboration:c2']);
    expect((await cache.read(collaboration, load)).hit).toBe(true);
    await cache.invalidate(['collaboration:*']);
    expect((await cache.read(collaboration, load)).hit).toBe(false);
    await cache.invalidate(['collaboration:c1']);
    expect((await cache.read(collaboration, load)).hit).toBe(false);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('reads from AWS, uncached, while the identity is unknown', async () => {
    const cache = new SharedReadCache({
      ttlSeconds: 60,
      scope: async () => Promise.reject(new Error('no credentials')),
    });
    const load = jest.fn(async () => 'value');
    expect(await cache.read(READ, load)).toEqual({ value: 'value', hit: false });
    expect(await cache.read(READ, load)).toEqual({ value: 'value', hit: false });
    await expect(cache.invalidate(['membership:m1'])).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
