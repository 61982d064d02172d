/**
 * A DataLoader for calls whose key is a small argument object (list pages): identical calls in
 * one request (aliases, the same collaboration reached twice) share one AWS call; each key's
 * failure stays its own.
 */
import DataLoader from 'dataloader';

export function keyedLoader<K extends object, V>(
  load: (key: K) => Promise<V>,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    (keys) =>
      Promise.all(
        keys.map((key) =>
          load(key).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
        ),
      ),
    { cacheKeyFn: (key) => JSON.stringify(key, Object.keys(key).sort()) },
  );
}
