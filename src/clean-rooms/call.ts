/**
 * Sends one SDK command under the request's scheduler (concurrency + call budget, retries
 * included), turns any failure into an `UpstreamError`, and reports the call — its attempts,
 * outcome and duration — to the request's observer (logs, metrics).
 */
import type { CleanRoomsClient } from '@aws-sdk/client-cleanrooms';
import { toUpstreamError } from './errors';
import { withRetryGate } from './retry';
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
    const gate = { allowRetry: () => ctx.scheduler.allowRetry() };
    try {
      const output = await withRetryGate(gate, () => send(ctx.client));
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
