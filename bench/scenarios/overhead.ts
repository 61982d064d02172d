/**
 * The gateway's own cost: throughput and latency of cheap queries through the gateway (as in
 * production: JSON logs at info, metrics, limits, cost, security headers) against a plain
 * Apollo Server 5 and bare graphql-js serving the same schema and resolvers
 * (bench/servers/baseline.ts), each over its own seeded embedded emulator. Short rounds are
 * interleaved and the median round is kept, so a noisy moment of the shared machine hits all
 * three alike.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, startGatewayProcess } from '../lib/gateway-process';
import { runLoad, type LoadResult } from '../lib/load';
import type { BenchResults } from '../results-types';

const ROOT = join(__dirname, '..', '..');

export const CHEAP_QUERIES = {
  '{ __typename }': '{ __typename }',
  'memberships(first: 5)': '{ memberships(first: 5) { nodes { id status collaborationName } } }',
};

async function startBaseline(variant: 'apollo' | 'graphql-js') {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'bench/servers/baseline.ts', variant, String(port)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${variant} baseline exited (${code})`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const median = (rounds: LoadResult[], key: 'rps' | 'p50Ms' | 'p95Ms' | 'p99Ms') => {
  const values = rounds.map((r) => r[key]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? 0;
};

export async function measureOverhead(options: {
  rounds: number;
  roundSeconds: number;
  connections: number;
}): Promise<BenchResults['overhead']> {
  const [gateway, apollo, graphqlJs] = await Promise.all([
    startGatewayProcess({
      name: 'gateway',
      env: {
        NODE_ENV: 'production',
        CLEANROOMS_BACKEND: 'embedded',
        AUTH_MODE: 'none',
        LOG_LEVEL: 'info',
      },
    }),
    startBaseline('apollo'),
    startBaseline('graphql-js'),
  ]);
  const servers = { gateway, apollo, graphqlJs };
  try {
    const rows: BenchResults['overhead'] = [];
    for (const [name, query] of Object.entries(CHEAP_QUERIES)) {
      const body = JSON.stringify({ query });
      const rounds: Record<keyof typeof servers, LoadResult[]> = {
        gateway: [],
        apollo: [],
        graphqlJs: [],
      };
      const round = (url: string, seconds: number) =>
        runLoad({
          url,
          connections: options.connections,
          durationSeconds: seconds,
          requests: [{ body }],
          checkBody: (text) => !text.includes('"errors"'),
        });
      for (const server of Object.values(servers)) await round(server.url, 1); // warm-up
      for (let i = 0; i < options.rounds; i++) {
        for (const [key, server] of Object.entries(servers) as Array<
          [keyof typeof servers, { url: string }]
        >) {
          const result = await round(server.url, options.roundSeconds);
          if (result.errors > 0)
            throw new Error(`${key} answered ${result.errors} errors to ${name}`);
          rounds[key].push(result);
        }
      }
      const summary = (key: keyof typeof servers) => ({
        rps: Math.round(median(rounds[key], 'rps')),
        p50Ms: median(rounds[key], 'p50Ms'),
        p95Ms: median(rounds[key], 'p95Ms'),
        p99Ms: median(rounds[key], 'p99Ms'),
      });
      const row = {
        gateway: summary('gateway'),
        apollo: summary('apollo'),
        graphqlJs: summary('graphqlJs'),
      };
      // The median of per-round ratios: rounds next to each other saw the same machine.
      const ratio = (other: keyof typeof servers) => {
        const ratios = rounds.gateway.map((r, i) => r.rps / (rounds[other][i]?.rps ?? Infinity));
        return ratios.sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? 0;
      };
      rows.push({
        query: name,
        ...row,
        ratioVsApollo: ratio('apollo'),
        ratioVsGraphqlJs: ratio('graphqlJs'),
      });
    }
    return rows;
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  }
}
