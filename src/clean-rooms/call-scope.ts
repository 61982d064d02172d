/**
 * What one AWS call needs from the GraphQL request that makes it, while the SDK runs it: the
 * client, its retry strategy and its middleware are shared by every request of the process, so
 * the request's side is found through an AsyncLocalStorage scope that `callAws` opens around
 * each SDK call. Without a scope (the readiness probe) a call runs with no request budget.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface CallScope {
  /** True when one more attempt (a retry) fits in the operation's budget; it is then counted. */
  allowRetry(): boolean;
  /** How long this call may wait for its turn at the fleet's rate limiter. */
  maxWaitMs?: number;
  /** Told when an attempt really goes out, after any wait (what `awsCalls` counts). */
  sent(): void;
  /** Told how long an attempt waited for the rate limiter. */
  waited?(ms: number): void;
  /** Told about every retry the SDK decides on, with its reason (THROTTLING, SERVER_ERROR…). */
  retrying?(reason: string): void;
}

const scopes = new AsyncLocalStorage<CallScope>();

export function withCallScope<T>(scope: CallScope, send: () => Promise<T>): Promise<T> {
  return scopes.run(scope, send);
}

export function currentCallScope(): CallScope | undefined {
  return scopes.getStore();
}
