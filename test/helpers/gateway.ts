/**
 * Starts the real gateway (Express + Apollo) on port 0 over an embedded emulator, and talks to
 * it over HTTP like a client would. The emulator's counters give the exact AWS calls per query.
 */
import { loadConfig, type Config } from '../../src/config';
import { createBackend } from '../../src/backend';
import { createFleet } from '../../src/fleet';
import { GatewayMetrics } from '../../src/shared/metrics';
import { CleanRoomsEmulator } from '../../src/emulator/emulator';
import pino from 'pino';
import { logger, type Logger } from '../../src/shared/logger';
import { startGateway, type GatewayServer } from '../../src/server';

export interface TestGateway {
  server: GatewayServer;
  emulator: CleanRoomsEmulator;
  url: string;
  /** POSTs a GraphQL operation; returns status and parsed body. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody<T> }>;
  /** AWS calls by operation since the last `resetCalls()`. */
  calls(): Record<string, number>;
  totalCalls(): number;
  resetCalls(): void;
  close(): Promise<void>;
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown> & { code?: string };
  }>;
}

export async function startTestGateway(
  options: {
    seed?: boolean;
    env?: Record<string, string>;
    maxAttempts?: number;
    /** Where the gateway logs (a capturing logger in tests that read log lines). */
    logger?: Logger;
    /** The embedded emulator to use (e.g. one with predictable ids); a new one by default. */
    emulator?: CleanRoomsEmulator;
  } = {},
): Promise<TestGateway> {
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', ...options.env }),
    port: 0,
    host: '127.0.0.1',
  };
  const emulator = options.emulator ?? new CleanRoomsEmulator({ seed: options.seed ?? true });
  const log = options.logger ?? logger.child({ test: true });
  // Assembled as src/index.ts does: the fleet first, so the client takes its rate limiter.
  const metrics = new GatewayMetrics();
  const fleet = createFleet(config, log, metrics);
  const backend = await createBackend(config, {
    emulator,
    maxAttempts: options.maxAttempts ?? 1,
    rateLimiter: fleet.rateLimiter,
  });
  const server = await startGateway(config, { backend, fleet, metrics, logger: log });
  return {
    server,
    emulator,
    url: server.url,
    async gql(query, variables, headers) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody<never> };
    },
    calls: () => emulator.stats.snapshot().calls,
    totalCalls: () => emulator.stats.total(),
    resetCalls: () => emulator.stats.reset(),
    close: () => server.stop(),
  };
}

/** A pino logger that keeps every line it writes, parsed, for assertions on logs. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const capture = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger: capture, lines };
}
