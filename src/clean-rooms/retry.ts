/**
 * The SDK retries throttling, 5xx and network errors (standard mode, up to `maxAttempts`). Every
 * retry is an AWS call that costs the whole account, so each one must also fit in the budget of
 * the GraphQL operation that made the call (its AWS-call estimate): the operation's budget is
 * found through an AsyncLocalStorage scope that `callAws` opens around each SDK call, since the
 * client — and its retry strategy — is shared by every request of the process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { StandardRetryStrategy } from '@smithy/core/retry';

/** What a call's retries ask before each new attempt. */
export interface RetryGate {
  /** True when one more attempt may be made (and is then counted). */
  allowRetry(errorType: string): boolean;
}

const gates = new AsyncLocalStorage<RetryGate>();

/** Runs `send` so that the SDK's retries of it ask `gate` first. */
export function withRetryGate<T>(gate: RetryGate, send: () => Promise<T>): Promise<T> {
  return gates.run(gate, send);
}

type RetryToken = Awaited<ReturnType<StandardRetryStrategy['acquireInitialRetryToken']>>;
type RetryErrorInfo = Parameters<StandardRetryStrategy['refreshRetryTokenForRetry']>[1];

/** The SDK's standard strategy, plus the operation's budget for every retry. */
export class BudgetedRetryStrategy {
  readonly mode = 'standard';
  private readonly standard: StandardRetryStrategy;

  constructor(maxAttempts: number) {
    this.standard = new StandardRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return this.standard.acquireInitialRetryToken(scope);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    // Throws (no retry) when the standard strategy would not retry this error.
    const next = await this.standard.refreshRetryTokenForRetry(token, info);
    const gate = gates.getStore();
    if (gate && !gate.allowRetry(info.errorType)) {
      throw new Error('no AWS-call budget left for a retry');
    }
    return next;
  }

  recordSuccess(token: RetryToken): void {
    this.standard.recordSuccess(token);
  }
}
