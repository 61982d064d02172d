/**
 * A real fleet on this machine, as docker/compose.yaml describes it: redis-server, the standalone
 * emulator with AWS's request-rate quota, two gateway processes (`node dist/index.js`, production
 * mode, JWT auth against a local identity provider) sharing Redis, and HAProxy in front with the
 * configuration of docker/haproxy.cfg. Every component listens on a free port and is stopped at
 * the end; replicas can be stopped and started again on their port (a rolling restart).
 */
import { jwtEnv, startIdentityProvider, freePort } from '../helpers/identity-provider';
import type { IdentityProvider } from '../helpers/identity-provider';
import { startHaproxy, type RunningHaproxy } from '../helpers/haproxy';
import {
  DIST,
  requireBuild,
  startEmulatorProcess,
  startProcess,
  waitForHttp,
  type RunningProcess,
} from '../helpers/processes';
import { startRedisServer, type RedisServer } from '../helpers/redis-server';
import { getStats, type StatsSnapshot } from '../helpers/emulator-admin';
import { join } from 'node:path';

export interface Replica {
  readonly name: string;
  readonly port: number;
  /** The replica's own GraphQL endpoint (bypassing HAProxy). */
  readonly url: string;
  readonly base: string;
  process?: RunningProcess;
  /** Starts it with the fleet's environment plus `env`; resolves once it is ready. */
  start(env?: Record<string, string>): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> & { code?: string } }>;
    extensions?: { cost?: { estimatedAwsCalls: number; awsCalls: number; cacheHits: number } };
  };
}

export interface Fleet {
  redis: RedisServer;
  emulatorUrl: string;
  idp: IdentityProvider;
  haproxy: RunningHaproxy;
  replicas: [Replica, Replica];
  /** The variables every replica starts with (compose's gateway environment). */
  env: Record<string, string>;
  /** A token for `sub` with read and write scopes. */
  token(sub: string): Promise<string>;
  /** POSTs a GraphQL request (HAProxy's URL by default) as caller `sub`. */
  post<T = unknown>(
    body: Record<string, unknown>,
    options?: { url?: string; sub?: string },
  ): Promise<Reply<T>>;
  stats(): Promise<StatsSnapshot>;
  close(): Promise<void>;
}

export const RATE_PER_SECOND = 5;

export async function startFleet(): Promise<Fleet> {
  requireBuild();
  const redis = await startRedisServer();
  const idp = await startIdentityProvider();
  const emulator = await startEmulatorProcess(['--seed']);
  // AWS's request-rate quota (5 per second, bucket of 5) on every operation of the account.
  await fetch(`${emulator.url}/_emulator/quotas`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ratePerSecond: RATE_PER_SECOND, burst: RATE_PER_SECOND }),
  }).then((r) => {
    if (!r.ok) throw new Error(`quota refused: ${r.status}`);
  });
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    CLEANROOMS_ENDPOINT: emulator.url,
    AWS_REGION: 'us-east-1',
    REDIS_URL: redis.url,
    UPSTREAM_RATE_LIMITS: `*=${RATE_PER_SECOND}`,
    CACHE_TTL_SECONDS: '30',
    TRUST_PROXY: '1',
    ...jwtEnv(idp),
    LOG_LEVEL: 'warn',
  };
  const replica = (name: string, port: number): Replica => {
    const base = `http://127.0.0.1:${port}`;
    const self: Replica = {
      name,
      port,
      base,
      url: `${base}/graphql`,
      async start(extra = {}) {
        const started = startProcess(name, process.execPath, [join(DIST, 'index.js')], {
          ...env,
          ...extra,
          PORT: String(port),
        });
        self.process = started;
        await waitForHttp(`${base}/health/ready`, (status) => status === 200, `${name} ready`, {
          process: started,
        });
      },
      async stop(signal = 'SIGTERM') {
        const running = self.process;
        self.process = undefined;
        return running ? running.stop(signal) : null;
      },
    };
    return self;
  };
  const replicas: [Replica, Replica] = [
    replica('gateway-a', await freePort()),
    replica('gateway-b', await freePort()),
  ];
  const haproxy = await startHaproxy(
    replicas.map((r) => ({ name: r.name, host: '127.0.0.1', port: r.port })),
  );

  const token = (sub: string) =>
    idp.mint({ sub, scope: 'cleanrooms:read cleanrooms:write' }, { key: idp.ec });
  return {
    redis,
    emulatorUrl: emulator.url,
    idp,
    haproxy,
    replicas,
    env,
    token,
    async post(body, options = {}) {
      const response = await fetch(options.url ?? haproxy.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await token(options.sub ?? 'fleet-test')}`,
        },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: Reply['body'];
      try {
        parsed = JSON.parse(text) as Reply['body'];
      } catch {
        parsed = { errors: [{ message: `not JSON (${response.status}): ${text.slice(0, 200)}` }] };
      }
      return { status: response.status, headers: response.headers, body: parsed as never };
    },
    stats: () => getStats(emulator.url),
    async close() {
      await Promise.allSettled(replicas.map((r) => r.stop('SIGINT')));
      await Promise.allSettled([
        haproxy.stop(),
        emulator.process.stop(),
        redis.stop(),
        idp.close(),
      ]);
    },
  };
}

/**
 * Runs `workers` loops of `request` while `during()` runs, and returns every outcome. The load
 * always stops when `during` ends, fails or throws, and a loop gives up after 20 failed requests
 * (a dead frontend must fail the test, not spin).
 */
export async function underLoad<T>(
  workers: number,
  request: (i: number) => Promise<T>,
  during: () => Promise<void>,
): Promise<{ outcomes: T[]; failures: unknown[] }> {
  let running = true;
  let count = 0;
  const outcomes: T[] = [];
  const failures: unknown[] = [];
  const loops = Array.from({ length: workers }, async () => {
    while (running && failures.length < 20) {
      try {
        outcomes.push(await request(count++));
      } catch (error) {
        failures.push(error);
      }
    }
  });
  try {
    await during();
  } finally {
    running = false;
    await Promise.all(loops);
  }
  return { outcomes, failures };
}
