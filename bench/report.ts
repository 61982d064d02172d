/**
 * The benchmark's figures as Markdown tables: printed by `npm run bench` and pasted into the
 * README's "Performance" section as they are.
 */
import type { BenchResults } from './results-types';

const table = (header: string[], rows: Array<Array<string | number>>): string =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

const x = (ratio: number) => `${ratio.toFixed(2)}×`;
const ms = (value: number) => value.toFixed(1);

export function report(results: BenchResults): string {
  const { detailList, membershipById, quota, cache } = results;
  return [
    `Measured with \`${results.command}\` on ${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}, ${results.machine.platform}, ${results.machine.date.slice(0, 10)}.`,
    '',
    '**AWS calls per query** (counted by the emulator; the minimum is derived from the answer)',
    '',
    table(
      ['query', 'AWS calls', 'minimum', 'calls ÷ minimum'],
      results.calls.map((r) => [r.scenario, r.awsCalls, r.minimum, r.ratio.toFixed(2)]),
    ),
    '',
    `**Detail list vs N** at ${detailList.latencyMs} ms per AWS call, concurrency ${detailList.concurrency} (p50 ms, and AWS calls)`,
    '',
    table(
      ['N', 'gateway', 'naive resolvers', 'hand-written SDK fan-out', 'gateway ÷ fan-out'],
      detailList.points.map((p) => [
        p.n,
        `${ms(p.gateway.p50Ms)} (${p.gateway.awsCalls} calls)`,
        `${ms(p.naive.p50Ms)} (${p.naive.awsCalls} calls)`,
        `${ms(p.fanOut.p50Ms)} (${p.fanOut.awsCalls} calls)`,
        x(p.gateway.p50Ms / p.fanOut.p50Ms),
      ]),
    ),
    '',
    `**\`membership(id)\`** at ${membershipById.latencyMs} ms per AWS call: gateway p50 ${ms(membershipById.gateway.p50Ms)} ms (p99 ${ms(membershipById.gateway.p99Ms)}), one direct SDK GetMembership p50 ${ms(membershipById.sdk.p50Ms)} ms (p99 ${ms(membershipById.sdk.p99Ms)}): ${x(membershipById.ratio)}. For scale, one POST to a do-nothing node:http server from the same client takes ${ms(membershipById.emptyHop.p50Ms)} ms here, so any server between a client and AWS is at least ${x((membershipById.sdk.p50Ms + membershipById.emptyHop.p50Ms) / membershipById.sdk.p50Ms)}`,
    '',
    '**Overhead on cheap queries** (requests per second and latency in ms, median of interleaved rounds)',
    '',
    table(
      [
        'query',
        'gateway',
        'plain Apollo Server 5',
        'bare graphql-js',
        'gateway ÷ Apollo',
        'gateway ÷ graphql-js',
      ],
      results.overhead.map((r) => [
        `\`${r.query}\``,
        `${r.gateway.rps}/s, p50 ${ms(r.gateway.p50Ms)}, p99 ${ms(r.gateway.p99Ms)}`,
        `${r.apollo.rps}/s, p50 ${ms(r.apollo.p50Ms)}, p99 ${ms(r.apollo.p99Ms)}`,
        `${r.graphqlJs.rps}/s, p50 ${ms(r.graphqlJs.p50Ms)}, p99 ${ms(r.graphqlJs.p99Ms)}`,
        x(r.ratioVsApollo),
        x(r.ratioVsGraphqlJs),
      ]),
    ),
    '',
    `**One account's quota** (${quota.ratePerSecond} requests/s per operation at the emulator, ${quota.replicas} replicas sharing Redis)`,
    '',
    table(
      ['', 'useful answers/s', 'AWS throttles', 'failed answers', 'p95 ms', 'p99 ms'],
      [
        [
          'without the limiter',
          quota.withoutLimiter.answersPerSecond,
          quota.withoutLimiter.throttles,
          quota.withoutLimiter.errors,
          ms(quota.withoutLimiter.p95Ms),
          ms(quota.withoutLimiter.p99Ms),
        ],
        [
          'with the limiter',
          quota.withLimiter.answersPerSecond,
          quota.withLimiter.throttles,
          quota.withLimiter.errors,
          ms(quota.withLimiter.p95Ms),
          ms(quota.withLimiter.p99Ms),
        ],
      ],
    ),
    '',
    `**Read cache**: AWS calls for ${cache.requests} requests of a mixed read workload — cache off ${cache.off.awsCalls}, cache on ${cache.on.awsCalls} (${cache.on.cacheHits} hits): ${x(cache.off.awsCalls / Math.max(1, cache.on.awsCalls))} fewer calls`,
  ].join('\n');
}
