/**
 * Automatic persisted queries shared by the fleet: Apollo's `persistedQueries.cache` on Redis
 * through Keyv (`@apollo/utils.keyvadapter` + keyv 5 + @keyv/redis 5, given the fleet's Redis
 * client itself — Keyv 5 silently falls back to memory when given a URL string). A query
 * registered on one replica runs by its hash on any other. Redis away: a lookup misses (the
 * client sends the full query again, as the APQ protocol provides) and a registration is
 * dropped; nothing fails.
 */
import type { ApolloServerOptions } from '@apollo/server';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import type { Logger } from '../shared/logger';
import type { SharedRedis } from './redis';

type PersistedQueryOptions = Exclude<ApolloServerOptions<never>['persistedQueries'], false>;
export type PersistedQueryCache = NonNullable<NonNullable<PersistedQueryOptions>['cache']>;

export function sharedPersistedQueries(redis: SharedRedis, logger: Logger): PersistedQueryCache {
  const keyv = new Keyv<string>({
    store: new KeyvRedis(redis.client),
    namespace: 'cleanrooms-gw:apq',
  });
  keyv.on('error', (error: unknown) => logger.debug({ err: error }, 'persisted-query store error'));
  const store = new KeyvAdapter<string>(keyv);
  const guarded = async <T>(action: () => Promise<T>, otherwise: T): Promise<T> => {
    if (!redis.isAvailable()) return otherwise;
    try {
      return await action();
    } catch (error) {
      logger.debug({ err: error }, 'persisted-query store unavailable');
      return otherwise;
    }
  };
  return {
    get: (key) => guarded(() => store.get(key), undefined),
    set: (key, value, options) => guarded(() => store.set(key, value, options), undefined),
    delete: (key) => guarded(() => store.delete(key), undefined),
  };
}
