/**
 * Process assembly of the Clean Rooms backend: the SDK client the gateway talks through and, for
 * the `embedded` backend, the in-process emulator that answers it. The emulator's modules are
 * loaded here and only for `embedded`, so a production process (backend `aws`) never loads them.
 */
import {
  createCleanRoomsClient,
  EMULATOR_CREDENTIALS,
  type CleanRoomsClient,
} from './clean-rooms/client';
import type { CallRateLimiter } from './clean-rooms/rate-limit';
import type { Config } from './config';
import type { CleanRoomsEmulator } from './emulator/emulator';
import type { AdminEndpoints } from './http/admin.routes';

export interface CleanRoomsBackend {
  client: CleanRoomsClient;
  /** The embedded emulator's admin endpoints, served under `prefix` outside production. */
  admin?: { prefix: string; endpoints: AdminEndpoints };
  /** One line for the start-up log. */
  describe: string;
}

export type BackendConfig = Pick<
  Config,
  'backend' | 'endpoint' | 'region' | 'upstreamTimeoutMs' | 'upstreamConcurrency' | 'fleet'
>;

export interface BackendOptions {
  /** An existing emulator for the embedded backend (tests); a seeded one by default. */
  emulator?: CleanRoomsEmulator;
  /** SDK attempts per call; 3 by default. */
  maxAttempts?: number;
  /** The fleet's AWS rate limiter (UPSTREAM_RATE_LIMITS). */
  rateLimiter?: CallRateLimiter;
}

export async function createBackend(
  config: BackendConfig,
  options: BackendOptions = {},
): Promise<CleanRoomsBackend> {
  if (config.backend === 'embedded') return embeddedBackend(config, options);
  return {
    client: createCleanRoomsClient(config, {
      maxAttempts: options.maxAttempts,
      rateLimiter: options.rateLimiter,
      defaultMaxWaitMs: config.fleet.upstreamQueueTimeoutMs,
    }),
    describe: config.endpoint
      ? `Clean Rooms at ${config.endpoint}`
      : `AWS Clean Rooms (${config.region})`,
  };
}

async function embeddedBackend(
  config: BackendConfig,
  options: BackendOptions,
): Promise<CleanRoomsBackend> {
  const [{ CleanRoomsEmulator, ADMIN_PREFIX }, { InProcessRequestHandler }] = await Promise.all([
    import('./emulator/emulator'),
    import('./emulator/in-process-handler'),
  ]);
  // The demo data lives in the region the gateway signs for, as it would at AWS.
  const emulator =
    options.emulator ?? new CleanRoomsEmulator({ seed: true, seedRegion: config.region });
  const client = createCleanRoomsClient(
    { ...config, endpoint: 'http://cleanrooms.embedded.local' },
    {
      maxAttempts: options.maxAttempts,
      rateLimiter: options.rateLimiter,
      defaultMaxWaitMs: config.fleet.upstreamQueueTimeoutMs,
      credentials: EMULATOR_CREDENTIALS,
      requestHandler: new InProcessRequestHandler(emulator),
    },
  );
  return {
    client,
    admin: { prefix: ADMIN_PREFIX, endpoints: emulator },
    describe: 'embedded Clean Rooms emulator (seeded demo data)',
  };
}
