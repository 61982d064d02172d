/**
 * The one place that builds the AWS SDK client: region, endpoint, retries, timeouts, and — for
 * the `embedded` backend — an in-process Clean Rooms emulator behind the SDK's request handler,
 * so development and tests run the same serializers, signer and deserializers as production.
 */
import { CleanRoomsClient } from '@aws-sdk/client-cleanrooms';

export type { CleanRoomsClient };
import type { Config } from '../config';
import { CleanRoomsEmulator } from '../emulator/emulator';
import { InProcessRequestHandler } from '../emulator/in-process-handler';

export interface CleanRoomsBackend {
  client: CleanRoomsClient;
  /** Present for the embedded backend: the emulator answering the client. */
  emulator?: CleanRoomsEmulator;
  describe: string;
}

/** Credentials the embedded emulator reads as the demo account 123456789012. */
const EMBEDDED_CREDENTIALS = { accessKeyId: '123456789012', secretAccessKey: 'embedded-emulator' };

export function createCleanRoomsBackend(
  config: Pick<Config, 'backend' | 'endpoint' | 'region' | 'upstreamTimeoutMs'>,
  options: { emulator?: CleanRoomsEmulator; maxAttempts?: number } = {},
): CleanRoomsBackend {
  const maxAttempts = options.maxAttempts ?? 3;
  if (config.backend === 'embedded') {
    const emulator = options.emulator ?? new CleanRoomsEmulator({ seed: true });
    const client = new CleanRoomsClient({
      region: config.region,
      endpoint: 'http://cleanrooms.embedded.local',
      credentials: EMBEDDED_CREDENTIALS,
      maxAttempts,
      requestHandler: new InProcessRequestHandler(emulator),
    });
    return { client, emulator, describe: 'embedded Clean Rooms emulator (seeded demo data)' };
  }
  // With an endpoint override and no credentials in the environment (a standalone emulator),
  // use fixed credentials instead of failing in the default provider chain.
  const emulatorCredentials =
    config.endpoint && !process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE
      ? EMBEDDED_CREDENTIALS
      : undefined;
  const client = new CleanRoomsClient({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(emulatorCredentials ? { credentials: emulatorCredentials } : {}),
    maxAttempts,
    requestHandler: {
      connectionTimeout: Math.min(3_000, config.upstreamTimeoutMs),
      requestTimeout: config.upstreamTimeoutMs,
    },
  });
  return {
    client,
    describe: config.endpoint
      ? `Clean Rooms at ${config.endpoint}`
      : `AWS Clean Rooms (${config.region})`,
  };
}
