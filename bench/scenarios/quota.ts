/**
 * One AWS account's request-rate quota shared by a fleet: two gateway replicas and Redis
 * against the emulator with a quota (every operation, `ratePerSecond`), loaded through both
 * replicas at once, with and without the fleet's rate limiter. Counts useful answers (no
 * errors) per second, the throttles AWS (the emulator) answered, failed answers, and latency.
 */
import type { EmulatorProcess } from '../lib/emulator';
import { startGatewayProcess } from '../lib/gateway-process';
import { gql, timing } from '../lib/graphql';
import type { BenchResults } from '../results-types';
import { startRedisServer } from '../../test/helpers/redis-server';

type QuotaRun = BenchResults['quota']['withLimiter'];

async function loadFleet(
  urls: string[],
  ids: string[],
  workers: number,
  seconds: number,
): Promise<{ ok: number; errors: number; samples: number[]; elapsedSeconds: number }> {
  const started = Date.now();
  const deadline = started + seconds * 1000;
  let ok = 0;
  let errors = 0;
  let turn = 0;
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < deadline) {
        const i = turn++;
        const url = urls[i % urls.length] as string;
        const id = ids[i % ids.length] as string;
        const answer = await gql(
          url,
          'query ($id: ID!) { membership(id: $id) { id queryLogStatus } }',
          {
            id,
          },
        ).catch(() => undefined);
        if (answer && answer.status === 200 && !answer.errors?.length) {
          ok++;
          samples.push(answer.ms);
        } else errors++;
      }
    }),
  );
  // Requests started before the deadline are waited for: the rate is over the whole time.
  return { ok, errors, samples, elapsedSeconds: (Date.now() - started) / 1000 };
}

export async function measureQuota(options: {
  emulator: EmulatorProcess;
  ids: string[];
  ratePerSecond: number;
  workers: number;
  seconds: number;
  /** How the gateways reach the emulator, and as whom. */
  env: Record<string, string>;
}): Promise<BenchResults['quota']> {
  const { emulator, ratePerSecond } = options;
  const redis = await startRedisServer();
  const run = async (limiter: boolean): Promise<QuotaRun> => {
    const env = {
      ...options.env,
      REDIS_URL: redis.url,
      UPSTREAM_RATE_LIMITS: limiter ? `*=${ratePerSecond}` : 'off',
      // Long enough for every queued call to get its turn at this load.
      UPSTREAM_QUEUE_TIMEOUT_MS: '10000',
    };
    const replicas = await Promise.all([
      startGatewayProcess({ name: 'replica A', env }),
      startGatewayProcess({ name: 'replica B', env }),
    ]);
    try {
      await emulator.setQuota(ratePerSecond);
      await new Promise((resolve) => setTimeout(resolve, 1200)); // a full bucket to start from
      const mark = await emulator.mark();
      const result = await loadFleet(
        replicas.map((r) => r.url),
        options.ids,
        options.workers,
        options.seconds,
      );
      const { throttled } = await mark.since();
      return {
        answersPerSecond: Math.round((result.ok / result.elapsedSeconds) * 100) / 100,
        throttles: throttled,
        errors: result.errors,
        ...timing(result.samples),
      };
    } finally {
      await emulator.setQuota(undefined);
      await Promise.all(replicas.map((r) => r.stop()));
    }
  };
  try {
    const withoutLimiter = await run(false);
    const withLimiter = await run(true);
    return { ratePerSecond, replicas: 2, withoutLimiter, withLimiter };
  } finally {
    await redis.stop();
  }
}
