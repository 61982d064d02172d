/**
 * `npm run load [-- --duration <s>] [-- --connections <n>]`: a bounded load test of the built
 * gateway on the seeded embedded emulator with a mix of queries and a repeatable mutation.
 * Prints throughput, latency percentiles, errors and the resident memory every 5 s, writes
 * bench/results/load.json, and exits 1 when any request failed or the memory did not level off.
 *
 * Levelling off: under steady load the RSS does not rise in a line but in a saw-tooth, up while
 * garbage accumulates and down after each major collection, which on the gateway comes every
 * 20 s or so (one 150 s run: 205–260 MB from 40 s on, no trend); the heap also takes its first
 * tens of seconds to grow to the size it settles at. So single samples are not compared: the run
 * is cut into thirds (at the default 60 s, about one collection cycle each), the first is the
 * warm-up, and the RSS levelled off when the mean of the samples in the last third is less than
 * 10% above the mean in the middle third. Steady growth of that size (here some 20 MB in 20 s)
 * fails it; the warm-up and the saw-tooth do not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_IDS } from '../src/emulator/seed';
import { startGatewayProcess, type GatewayProcess } from './lib/gateway-process';
import { machineInfo, runLoad, type LoadResult } from './lib/load';

const DEFAULT_DURATION_S = 60;
const DEFAULT_CONNECTIONS = 64;
const SAMPLE_EVERY_S = 5;
const LEVEL_OFF_MAX_GROWTH = 0.1;
const OUT_FILE = join(__dirname, 'results', 'load.json');

const MEMBERSHIP_ID = DEMO_IDS.acmeRetailMembership;

/** One kind of request in the mix; its `queries` are sent in turn (the mutation alternates). */
interface MixEntry {
  operation: string;
  percent: number;
  queries: string[];
}

const updateMembership = (status: 'ENABLED' | 'DISABLED') =>
  `mutation { updateMembership(input: { membershipIdentifier: "${MEMBERSHIP_ID}", queryLogStatus: ${status} }) { id queryLogStatus updateTime } }`;

const MIX: MixEntry[] = [
  {
    operation: 'memberships',
    percent: 50,
    queries: ['{ memberships(first: 5) { nodes { id status collaborationName } } }'],
  },
  {
    operation: 'membership',
    percent: 20,
    queries: [
      `{ membership(id: "${MEMBERSHIP_ID}") { id status queryLogStatus defaultResultConfiguration { roleArn outputConfiguration { __typename ... on ProtectedQueryS3OutputConfiguration { bucket keyPrefix resultFormat } } } tags { key value } } }`,
    ],
  },
  {
    operation: 'collaborations',
    percent: 15,
    queries: ['{ collaborations { nodes { id name members { nodes { accountId } } } } }'],
  },
  {
    operation: 'updateMembership',
    percent: 15,
    queries: [updateMembership('ENABLED'), updateMembership('DISABLED')],
  },
];

/**
 * The mix as one list of request bodies of `slots` entries, shares in proportion and spread
 * out (smooth weighted round-robin), each entry cycling through its queries.
 */
function sequence(mix: readonly MixEntry[], slots: number): string[] {
  const credit = mix.map(() => 0);
  const sent = mix.map(() => 0);
  const bodies: string[] = [];
  for (let slot = 0; slot < slots; slot++) {
    mix.forEach((entry, i) => (credit[i]! += entry.percent));
    const pick = credit.indexOf(Math.max(...credit));
    credit[pick]! -= 100;
    const { queries } = mix[pick]!;
    bodies.push(JSON.stringify({ query: queries[sent[pick]!++ % queries.length] }));
  }
  return bodies;
}

/** A GraphQL answer with data and without an `errors` array. */
function isGraphQLSuccess(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && parsed.data !== undefined && parsed.data !== null;
  } catch {
    return false;
  }
}

function parseArgs(argv: readonly string[]): { durationSeconds: number; connections: number } {
  const values: Record<string, number> = {
    duration: DEFAULT_DURATION_S,
    connections: DEFAULT_CONNECTIONS,
  };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = /^--(duration|connections)$/.exec(argv[i] ?? '')?.[1];
    const value = Number(argv[i + 1]);
    if (!flag || !Number.isFinite(value) || value <= 0) {
      throw new Error(`usage: npm run load -- [--duration <seconds>] [--connections <n>]`);
    }
    values[flag] = flag === 'connections' ? Math.round(value) : value;
  }
  return { durationSeconds: values.duration!, connections: values.connections! };
}

/** Every query of the mix once, before the clock starts: a broken query fails loudly here. */
async function checkMix(url: string): Promise<void> {
  for (const entry of MIX) {
    for (const query of entry.queries) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = await response.text();
      if (response.status !== 200 || !isGraphQLSuccess(body)) {
        throw new Error(`${entry.operation} fails: ${response.status} ${body.slice(0, 500)}`);
      }
    }
  }
}

interface RssSample {
  atSeconds: number;
  bytes: number;
}

/** Samples RSS at 0, every `everyS` seconds while `work` runs, and once after it. */
async function withRssSamples<T>(
  gateway: GatewayProcess,
  everyS: number,
  work: () => Promise<T>,
): Promise<{ value: T; samples: RssSample[] }> {
  const start = Date.now();
  const samples: RssSample[] = [];
  // Timed when the answer arrives: the gateway reads its RSS when it serves the request, which
  // under load can be seconds after the request was sent.
  const sample = async () => {
    const bytes = await gateway.rssBytes();
    samples.push({ atSeconds: Math.round((Date.now() - start) / 100) / 10, bytes });
  };
  await sample();
  let pending: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    pending = pending.then(sample);
  }, everyS * 1000);
  try {
    const value = await work();
    clearInterval(timer);
    await pending;
    await sample();
    return { value, samples };
  } finally {
    clearInterval(timer);
  }
}

/** See the file comment: the mean RSS of the last third of the run against the middle third. */
function levelling(samples: readonly RssSample[], durationSeconds: number) {
  const third = durationSeconds / 3;
  const meanOf = (from: number, to: number) => {
    const inside = samples.filter((s) => s.atSeconds >= from && s.atSeconds < to);
    return inside.reduce((sum, s) => sum + s.bytes, 0) / Math.max(1, inside.length);
  };
  const middle = meanOf(third, 2 * third);
  const last = meanOf(2 * third, Infinity);
  const growth = (last - middle) / middle;
  return { middle, last, growth, levelledOff: growth < LEVEL_OFF_MAX_GROWTH };
}

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
const round2 = (value: number) => Math.round(value * 100) / 100;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function printTable(rows: Array<[string, string]>): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

async function main(): Promise<number> {
  const { durationSeconds, connections } = parseArgs(process.argv.slice(2));
  const everyS = Math.min(SAMPLE_EVERY_S, durationSeconds / 3);
  const gateway = await startGatewayProcess({ name: 'gateway (load)' });
  let load: LoadResult;
  let rss: RssSample[];
  try {
    await checkMix(gateway.url);
    console.log(
      `load: ${connections} connections for ${durationSeconds} s against ${gateway.url} ` +
        `(${MIX.map((m) => `${m.percent}% ${m.operation}`).join(', ')})`,
    );
    const run = await withRssSamples(gateway, everyS, () =>
      runLoad({
        url: gateway.url,
        connections,
        durationSeconds,
        requests: sequence(MIX, 40).map((body) => ({ body })),
        checkBody: isGraphQLSuccess,
      }),
    );
    load = run.value;
    rss = run.samples;
  } finally {
    await gateway.stop();
  }

  const level = levelling(rss, durationSeconds);
  const first = rss[0]!;
  const last = rss[rss.length - 1]!;
  const mid = rss.reduce((best, s) =>
    Math.abs(s.atSeconds - durationSeconds / 2) < Math.abs(best.atSeconds - durationSeconds / 2)
      ? s
      : best,
  );
  console.log('');
  printTable([
    ['requests', `${load.requests} in ${load.durationSeconds.toFixed(1)} s`],
    ['throughput', `${load.rps.toFixed(0)} req/s`],
    ['latency p50', ms(load.p50Ms)],
    ['latency p95', ms(load.p95Ms)],
    ['latency p99', ms(load.p99Ms)],
    [
      'errors',
      `${load.errors} (non-2xx ${load.non2xx}, timeouts ${load.timeouts}, GraphQL errors ` +
        `${load.failedChecks})${load.errors > 0 ? '  FAIL' : ''}`,
    ],
    ['RSS start', `${mb(first.bytes)} (${first.atSeconds} s)`],
    ['RSS mid-run', `${mb(mid.bytes)} (${mid.atSeconds} s)`],
    ['RSS end', `${mb(last.bytes)} (${last.atSeconds} s)`],
    ['RSS series', rss.map((s) => `${s.atSeconds}s ${mb(s.bytes)}`).join(', ')],
    [
      'RSS levelled off',
      `${level.levelledOff ? 'yes' : 'NO  FAIL'}: mean of the last third ${mb(level.last)}, ` +
        `${signed(level.growth * 100)}% on the middle third's ${mb(level.middle)} ` +
        `(limit +${LEVEL_OFF_MAX_GROWTH * 100}%)`,
    ],
  ]);

  const args = process.argv.slice(2).join(' ');
  mkdirSync(join(OUT_FILE, '..'), { recursive: true });
  writeFileSync(
    OUT_FILE,
    `${JSON.stringify(
      {
        command: `npm run load${args ? ` -- ${args}` : ''}`,
        machine: machineInfo(),
        durationSeconds,
        connections,
        mix: MIX.map(({ operation, percent, queries }) => ({ operation, percent, queries })),
        rps: Math.round(load.rps * 10) / 10,
        p50Ms: round2(load.p50Ms),
        p95Ms: round2(load.p95Ms),
        p99Ms: round2(load.p99Ms),
        errors: load.errors,
        errorDetail: {
          non2xx: load.non2xx,
          timeouts: load.timeouts,
          graphqlErrors: load.failedChecks,
        },
        rss,
        levelledOff: level.levelledOff,
        rssLevelling: {
          criterion: `mean RSS of the last third < ${1 + LEVEL_OFF_MAX_GROWTH} × mean of the middle third`,
          middleThirdMeanBytes: Math.round(level.middle),
          lastThirdMeanBytes: Math.round(level.last),
          growth: Math.round(level.growth * 1000) / 1000,
        },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${OUT_FILE}`);
  return load.errors === 0 && level.levelledOff ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
