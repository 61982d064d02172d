/**
 * Sends one SDK command under the request's scheduler (concurrency + call budget) and turns any
 * failure into an `UpstreamError`.
 */
import type { CleanRoomsClient } from '@aws-sdk/client-cleanrooms';
import { toUpstreamError } from './errors';
import type { UpstreamScheduler } from './upstream';

export interface UpstreamContext {
  client: CleanRoomsClient;
  scheduler: UpstreamScheduler;
}

export async function callAws<Output>(
  ctx: UpstreamContext,
  operation: string,
  send: (client: CleanRoomsClient) => Promise<Output>,
): Promise<Output> {
  return ctx.scheduler.run(operation, async () => {
    try {
      return await send(ctx.client);
    } catch (error) {
      throw toUpstreamError(error, operation);
    }
  });
}
