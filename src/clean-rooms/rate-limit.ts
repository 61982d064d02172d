/**
 * Every attempt of every AWS call — retries included — passes here just before it goes out: it
 * takes its turn at the fleet's rate limiter (waiting in order, at most the call's maximum wait)
 * and is then counted as sent. A call that cannot start in time fails as `RateLimitedLocally`
 * (THROTTLED for the client) and nothing is sent. Installed as SDK middleware inside the retry
 * loop, so the SDK's own retries are paced and counted like first attempts.
 */
import type { CleanRoomsClient } from '@aws-sdk/client-cleanrooms';
import { currentCallScope } from './call-scope';

export interface CallRateLimiter {
  /** Waits for the operation's turn; `admitted: false` when that would take over `maxWaitMs`. */
  acquire(operation: string, maxWaitMs: number): Promise<{ admitted: boolean; waitedMs: number }>;
}

export class RateLimitedLocally extends Error {
  constructor(readonly operation: string) {
    super(`${operation} could not start within its wait for the fleet's AWS rate limit`);
    this.name = 'RateLimitedLocally';
  }
}

export function installAttemptMiddleware(
  client: CleanRoomsClient,
  limiter: CallRateLimiter | undefined,
  defaultMaxWaitMs: number,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const scope = currentCallScope();
      if (limiter) {
        const operation = String(context.commandName ?? '').replace(/Command$/, '');
        const { admitted, waitedMs } = await limiter.acquire(
          operation,
          scope?.maxWaitMs ?? defaultMaxWaitMs,
        );
        scope?.waited?.(waitedMs);
        if (!admitted) throw new RateLimitedLocally(operation);
      }
      scope?.sent();
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'fleetAttemptMiddleware' },
  );
}
