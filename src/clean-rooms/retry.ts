/**
 * The SDK retries throttling, 5xx and network errors (standard mode, up to `maxAttempts`). Every
 * retry is an AWS call that costs the whole account, so each one must also fit in the budget of
 * the GraphQL operation that made the call (its AWS-call estimate), found through the call scope.
 */
import { StandardRetryStrategy } from '@smithy/core/retry';
import { currentCallScope } from './call-scope';

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
    const scope = currentCallScope();
    if (scope && !scope.allowRetry()) {
      throw new Error('no AWS-call budget left for a retry');
    }
    scope?.retrying?.(info.errorType);
    return next;
  }

  recordSuccess(token: RetryToken): void {
    this.standard.recordSuccess(token);
  }
}
