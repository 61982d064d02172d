/**
 * Readiness of the Clean Rooms backend for `/health/ready`: one cheap real call
 * (ListMemberships with one result) through the same client the gateway uses, so wrong
 * credentials, missing permissions or an unreachable endpoint show up as "not ready". The
 * answer is cached briefly per replica so frequent probes do not turn into AWS traffic.
 *
 * A throttled probe counts as ready: AWS answered, so the endpoint and the credentials work, and
 * the account is merely busy. Were it "not ready", a loaded account would take every replica of
 * the fleet out of the load balancer at once. For the same reason the probe never queues at the
 * fleet's rate limiter (no free turn is treated as throttled) and is never retried: it answers
 * within the load balancer's check timeout and spends at most one call of the account's quota.
 */
import { ListMembershipsCommand, type CleanRoomsClient } from '@aws-sdk/client-cleanrooms';
import { withCallScope } from './call-scope';
import { toUpstreamError } from './errors';

export interface Readiness {
  ready: boolean;
  /** AWS error type (or NetworkError) when not ready. */
  reason?: string;
  /** Ready, but AWS (or the fleet's rate limiter) asked to slow down. */
  throttled?: true;
}

/** Answers meaning "reachable and authorised, but over the request-rate quota". */
const THROTTLING = new Set(['ThrottlingException', 'RateLimitedLocally']);

export function createReadinessCheck(
  client: CleanRoomsClient,
  options: { cacheMs?: number; now?: () => number } = {},
): () => Promise<Readiness> {
  const cacheMs = options.cacheMs ?? 5_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; result: Promise<Readiness> } | undefined;
  const probe = () =>
    withCallScope({ allowRetry: () => false, maxWaitMs: 0, sent: () => {} }, () =>
      client.send(new ListMembershipsCommand({ maxResults: 1 })),
    );
  return () => {
    if (cached && now() - cached.at < cacheMs) return cached.result;
    const result = probe().then(
      (): Readiness => ({ ready: true }),
      (error: unknown): Readiness => {
        const { errorType } = toUpstreamError(error, 'ListMemberships');
        return THROTTLING.has(errorType)
          ? { ready: true, throttled: true }
          : { ready: false, reason: errorType };
      },
    );
    cached = { at: now(), result };
    return result;
  };
}
