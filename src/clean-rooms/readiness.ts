/**
 * Readiness of the Clean Rooms backend for `/health/ready`: one cheap real call
 * (ListMemberships with one result) through the same client the gateway uses, so wrong
 * credentials, missing permissions or an unreachable endpoint show up as "not ready". The
 * answer is cached briefly per replica so frequent probes do not turn into AWS traffic.
 */
import { ListMembershipsCommand, type CleanRoomsClient } from '@aws-sdk/client-cleanrooms';
import { toUpstreamError } from './errors';

export interface Readiness {
  ready: boolean;
  /** AWS error type (or NetworkError) when not ready. */
  reason?: string;
}

export function createReadinessCheck(
  client: CleanRoomsClient,
  options: { cacheMs?: number; now?: () => number } = {},
): () => Promise<Readiness> {
  const cacheMs = options.cacheMs ?? 5_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; result: Promise<Readiness> } | undefined;
  return () => {
    if (cached && now() - cached.at < cacheMs) return cached.result;
    const result = client.send(new ListMembershipsCommand({ maxResults: 1 })).then(
      (): Readiness => ({ ready: true }),
      (error: unknown): Readiness => ({
        ready: false,
        reason: toUpstreamError(error, 'ListMemberships').errorType,
      }),
    );
    cached = { at: now(), result };
    return result;
  };
}
