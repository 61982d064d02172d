/**
 * `npm run bench`: every benchmark in one run, side by side — AWS calls against the minimum,
 * detail lists at real latency (gateway, naive resolvers, hand-written fan-out), overhead
 * against a plain Apollo Server 5 and bare graphql-js, one account's quota with and without
 * the fleet's limiter, and the read cache. Prints Markdown tables and writes them to
 * bench/results/latest.md, the figures to latest.json and the SVG charts next to them.
 * Figures are ratios within this one run; nothing here asserts a time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_IDS } from '../src/emulator/seed';
import { renderCharts } from './charts';
import { actingAs, addMemberships, BENCH_ACCOUNT, startEmulator } from './lib/emulator';
import { startGatewayProcess } from './lib/gateway-process';
import { machineInfo } from './lib/load';
import { report } from './report';
import { hasRedisServer } from '../test/helpers/redis-server';
import type { BenchResults } from './results-types';
import { measureCache } from './scenarios/cache';
import { measureCalls } from './scenarios/calls';
import { measureDetailList } from './scenarios/detail-list';
import { measureOverhead } from './scenarios/overhead';
import { measureQuota } from './scenarios/quota';

const OUT = join(__dirname, 'results');
const quick = process.argv.includes('--quick');

const step = (what: string) => process.stdout.write(`… ${what}\n`);

async function main(): Promise<void> {
  if (!hasRedisServer) {
    throw new Error(
      'the quota scenario runs two replicas sharing a real Redis: install redis-server (apt-get install redis-server)',
    );
  }
  const started = Date.now();
  const emulator = await startEmulator();
  try {
    step(`populating the emulator: 100 memberships for account ${BENCH_ACCOUNT}`);
    const memberships = await addMemberships(emulator, 100);

    // The bench account for reads; the seeded demo account (with its pending invitation) for
    // the mutations.
    const [gateway, demoGateway] = await Promise.all([
      startGatewayProcess({ env: actingAs(emulator) }),
      startGatewayProcess({
        env: { CLEANROOMS_BACKEND: 'aws', CLEANROOMS_ENDPOINT: emulator.endpoint },
      }),
    ]);
    let calls: BenchResults['calls'];
    let detail: Awaited<ReturnType<typeof measureDetailList>>;
    try {
      step('AWS calls per query');
      calls = await measureCalls(gateway.url, emulator, {
        url: demoGateway.url,
        invitedCollaboration: DEMO_IDS.mlPilot,
      });
      step('detail lists at 20 ms per AWS call');
      detail = await measureDetailList({
        gatewayUrl: gateway.url,
        emulator,
        latencyMs: 20,
        concurrency: 16,
        sizes: [1, 10, 50, 100],
        iterations: quick ? 3 : 9,
      });
    } finally {
      await Promise.all([gateway.stop(), demoGateway.stop()]);
    }

    step('overhead against a plain Apollo Server 5 and bare graphql-js');
    const overhead = await measureOverhead({
      rounds: quick ? 3 : 7,
      roundSeconds: quick ? 2 : 3,
      connections: 10,
    });
    step('the read cache');
    const cache = await measureCache({
      emulator,
      memberships: memberships.slice(0, 30),
      env: actingAs(emulator),
      requests: 1000,
      ttlSeconds: 60,
    });
    step("one account's quota, two replicas, with and without the limiter");
    const quota = await measureQuota({
      emulator,
      ids: memberships.map((m) => m.id),
      env: actingAs(emulator),
      ratePerSecond: 5,
      workers: 8,
      seconds: quick ? 6 : 12,
    });

    const results: BenchResults = {
      command: quick ? 'npm run bench -- --quick' : 'npm run bench',
      machine: machineInfo(),
      calls,
      detailList: detail.detailList,
      overhead,
      membershipById: detail.membershipById,
      quota,
      cache,
    };
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'latest.json');
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    const charts = renderCharts(results, OUT);
    const tables = join(OUT, 'latest.md');
    writeFileSync(tables, `${report(results)}\n`);
    process.stdout.write(`\n${report(results)}\n\n`);
    process.stdout.write(
      `wrote ${[file, tables, ...charts].join(', ')} in ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  } finally {
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
