/**
 * The one place that builds the AWS SDK client: region, endpoint, credentials, retries, timeouts
 * and the socket pool. What answers the client is not its business: the real AWS endpoint, an
 * endpoint override, or — injected by the process assembly (src/backend.ts) — an in-process
 * request handler. This module never loads the emulator.
 */
import { CleanRoomsClient, type CleanRoomsClientConfig } from '@aws-sdk/client-cleanrooms';
import { installAttemptMiddleware, type CallRateLimiter } from './rate-limit';
import { BudgetedRetryStrategy } from './retry';

export type { CleanRoomsClient };

/** A request handler the SDK accepts in place of its own (typed by the SDK's config). */
export type RequestHandler = NonNullable<CleanRoomsClientConfig['requestHandler']>;
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ClientSettings {
  region: string;
  endpoint?: string;
  upstreamTimeoutMs: number;
  /** Parallel calls one request may make; the socket pool is sized from it. */
  upstreamConcurrency: number;
}

export interface ClientOptions {
  /** SDK attempts per call (the SDK retries throttling and 5xx); 3 by default. */
  maxAttempts?: number;
  /** Replaces the SDK's HTTP handler (the embedded backend's in-process emulator). */
  requestHandler?: RequestHandler;
  /** Fixed credentials instead of the SDK's default provider chain. */
  credentials?: AwsCredentialIdentity;
  /** The fleet's AWS rate limiter; every attempt takes its turn there. */
  rateLimiter?: CallRateLimiter;
  /** Longest wait for the rate limiter of a call made outside a request (readiness). */
  defaultMaxWaitMs?: number;
}

/**
 * The SDK keeps 50 sockets per host by default, which would silently cap the parallel calls of
 * one busy replica below what UPSTREAM_CONCURRENCY promises. The pool allows several requests'
 * full fan-out at once; the concurrency bound itself is the per-request scheduler's job.
 */
export function socketPoolSize(upstreamConcurrency: number): number {
  return Math.max(50, upstreamConcurrency * 4);
}

/** Credentials a Clean Rooms emulator accepts: the access key id is the account (123456789012). */
export const EMULATOR_CREDENTIALS: AwsCredentialIdentity = {
  accessKeyId: '123456789012',
  secretAccessKey: 'clean-rooms-emulator',
};

/** True for endpoints on this machine (a standalone emulator, a local proxy). */
export function isLoopbackEndpoint(endpoint: string): boolean {
  const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Environment variables through which the default provider chain finds real credentials. */
const CREDENTIAL_SOURCES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
];

/**
 * Credentials for an endpoint override: the emulator's fixed ones only for a loopback endpoint
 * when the environment names no credential source (a developer's standalone emulator). Any other
 * endpoint (a VPC or FIPS endpoint) keeps the default chain, so ECS task roles, IRSA and
 * instance profiles work behind it.
 */
export function credentialsForEndpoint(
  endpoint: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): AwsCredentialIdentity | undefined {
  if (!endpoint || !isLoopbackEndpoint(endpoint)) return undefined;
  return CREDENTIAL_SOURCES.some((name) => env[name]) ? undefined : EMULATOR_CREDENTIALS;
}

export function createCleanRoomsClient(
  settings: ClientSettings,
  options: ClientOptions = {},
): CleanRoomsClient {
  const maxSockets = socketPoolSize(settings.upstreamConcurrency);
  const credentials = options.credentials ?? credentialsForEndpoint(settings.endpoint);
  const client = new CleanRoomsClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    retryStrategy: new BudgetedRetryStrategy(options.maxAttempts ?? 3),
    requestHandler: options.requestHandler ?? {
      connectionTimeout: Math.min(3_000, settings.upstreamTimeoutMs),
      requestTimeout: settings.upstreamTimeoutMs,
      httpAgent: { maxSockets },
      httpsAgent: { maxSockets },
    },
  });
  installAttemptMiddleware(client, options.rateLimiter, options.defaultMaxWaitMs ?? 5_000);
  return client;
}
