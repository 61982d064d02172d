/**
 * Sends one SDK command under the request's scheduler (concurrency + call budget, retries
 * included) and call scope (rate-limit wait, what was really sent), turns any failure into an
 * `UpstreamError`, and reports the call — attempts, outcome, duration — to the request's
 * observer (logs, metrics).
 */
import type { CleanRoomsClient } from '@aws-sdk/client-cleanrooms';
import { withCallScope } from './call-scope';
import { toUpstreamError } from './errors';
import type { CachedRead, ReadCache } from './read-cache';
import type { UpstreamScheduler } from './upstream';

/** One finished AWS call: `attempts` HTTP requests (retries included), `outcome` ok or error type. */
export interface CallRecord {
  operation: string;
  outcome: string;
  attempts: number;
  durationMs: number;
}

export interface UpstreamContext {
  client: CleanRoomsClient;
  scheduler: UpstreamScheduler;
  onCall?: (record: CallRecord) => void;
  /** Longest wait of one call for the fleet's rate limiter (UPSTREAM_QUEUE_TIMEOUT_MS). */
  maxWaitMs?: number;
  /** Told how long an attempt waited for the rate limiter. */
  onWait?: (operation: string, ms: number) => void;
  /** Told about every SDK retry and its reason. */
  onRetry?: (operation: string, reason: string) => void;
  /** The shared read cache (CACHE_TTL_SECONDS > 0). */
  cache?: ReadCache;
  /** Told about every read the cache answered instead of AWS. */
  onCacheHit?: (operation: string) => void;
}

/** A read through the shared cache when there is one: a hit costs no AWS call. */
export async function cachedRead<T>(
  ctx: UpstreamContext,
  read: CachedRead,
  load: () => Promise<T>,
): Promise<T> {
  if (!ctx.cache) return load();
  const { value, hit } = await ctx.cache.read(read, load);
  if (hit) ctx.onCacheHit?.(read.operation);
  return value;
}

/** A write: whatever it may have changed is stale for the whole fleet once it returns. */
export async function invalidating<T>(
  ctx: UpstreamContext,
  families: string[],
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } finally {
    // Even a failed write may have reached AWS (a timeout after it was applied).
    await ctx.cache?.invalidate(families);
  }
}

function attemptsOf(value: unknown): number {
  const attempts = (value as { $metadata?: { attempts?: unknown } } | undefined)?.$metadata
    ?.attempts;
  return typeof attempts === 'number' && attempts > 0 ? attempts : 1;
}

export async function callAws<Output>(
  ctx: UpstreamContext,
  operation: string,
  send: (client: CleanRoomsClient) => Promise<Output>,
): Promise<Output> {
  return ctx.scheduler.run(operation, async () => {
    const started = performance.now();
    const scope = {
      allowRetry: () => ctx.scheduler.allowRetry(),
      maxWaitMs: ctx.maxWaitMs,
      sent: () => ctx.scheduler.countSent(),
      waited: (ms: number) => ctx.onWait?.(operation, ms),
      retrying: (reason: string) => ctx.onRetry?.(operation, reason),
    };
    try {
      const output = await withCallScope(scope, () => send(ctx.client));
      ctx.onCall?.({
        operation,
        outcome: 'ok',
        attempts: attemptsOf(output),
        durationMs: performance.now() - started,
      });
      return output;
    } catch (error) {
      const upstream = toUpstreamError(error, operation);
      ctx.onCall?.({
        operation,
        outcome: upstream.errorType,
        attempts: attemptsOf(error),
        durationMs: performance.now() - started,
      });
      throw upstream;
    }
  });
}
