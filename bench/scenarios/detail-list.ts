/**
 * A detail list at real upstream latency (every emulator call answers after `latencyMs`), three
 * ways over the same SDK and the same emulator:
 *
 * - the gateway: ListMemberships, then one GetMembership per membership through its loader,
 *   at most UPSTREAM_CONCURRENCY at a time;
 * - naive resolvers: what a first GraphQL server often does — every detail field of every
 *   object calls GetMembership itself (no loader, no dedupe, no bound); built only here;
 * - a hand-written SDK fan-out: ListMemberships, then the Gets with the gateway's concurrency.
 *
 * Also `membership(id)` through the gateway against one direct GetMembership.
 */
import {
  GetMembershipCommand,
  ListMembershipsCommand,
  type CleanRoomsClient,
  type MembershipSummary,
} from '@aws-sdk/client-cleanrooms';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, graphql } from 'graphql';
import { BENCH_ACCOUNT, type EmulatorProcess } from '../lib/emulator';
import { gqlOk, timing } from '../lib/graphql';
import type { BenchResults } from '../results-types';

const DETAIL_FIELDS = ['queryLogStatus', 'jobLogStatus', 'defaultResultConfiguration'] as const;
const QUERY = `query ($n: Int) { memberships(status: ACTIVE, first: $n) { nodes {
  id queryLogStatus jobLogStatus defaultResultConfiguration { roleArn } } } }`;

/** `items` mapped with at most `limit` promises at a time, results in order. */
async function pool<T, R>(items: T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function list(client: CleanRoomsClient, n: number): Promise<MembershipSummary[]> {
  const page = await client.send(new ListMembershipsCommand({ status: 'ACTIVE', maxResults: n }));
  return page.membershipSummaries ?? [];
}

function fanOut(client: CleanRoomsClient, concurrency: number) {
  return async (n: number) => {
    const summaries = await list(client, n);
    return pool(summaries, concurrency, (s) =>
      client.send(new GetMembershipCommand({ membershipIdentifier: s.id })),
    );
  };
}

function naiveResolvers(client: CleanRoomsClient) {
  const schema = buildSchema(`
    type ResultConfiguration { roleArn: String }
    type Membership { id: ID! queryLogStatus: String jobLogStatus: String
      defaultResultConfiguration: ResultConfiguration }
    type Connection { nodes: [Membership!]! }
    enum MembershipStatus { ACTIVE }
    type Query { memberships(status: MembershipStatus, first: Int): Connection! }
  `);
  const get = async (id: string) =>
    (await client.send(new GetMembershipCommand({ membershipIdentifier: id }))).membership;
  const membership = (summary: MembershipSummary) =>
    Object.fromEntries([
      ['id', summary.id],
      ...DETAIL_FIELDS.map((field) => [
        field,
        async () => (await get(summary.id as string))?.[field],
      ]),
    ]);
  const rootValue = {
    memberships: async ({ first }: { first: number }) => ({
      nodes: (await list(client, first)).map(membership),
    }),
  };
  return async (n: number) => {
    const result = await graphql({ schema, source: QUERY, rootValue, variableValues: { n } });
    if (result.errors?.length) throw new Error(`naive resolvers: ${result.errors[0]?.message}`);
    return result;
  };
}

export async function measureDetailList(options: {
  gatewayUrl: string;
  emulator: EmulatorProcess;
  latencyMs: number;
  concurrency: number;
  sizes: number[];
  iterations: number;
}): Promise<{
  detailList: BenchResults['detailList'];
  membershipById: BenchResults['membershipById'];
}> {
  const { emulator, gatewayUrl, latencyMs, concurrency } = options;
  // The same socket pool as the gateway's (4× its concurrency, at least 50).
  const client = emulator.client(BENCH_ACCOUNT, Math.max(50, concurrency * 4));
  const variants = {
    gateway: (n: number) => gqlOk(gatewayUrl, QUERY, { n }),
    naive: naiveResolvers(client),
    fanOut: fanOut(client, concurrency),
  };
  await emulator.setLatency(latencyMs);
  const points: BenchResults['detailList']['points'] = [];
  try {
    for (const n of options.sizes) {
      const samples: Record<keyof typeof variants, number[]> = {
        gateway: [],
        naive: [],
        fanOut: [],
      };
      const calls: Record<keyof typeof variants, number> = { gateway: 0, naive: 0, fanOut: 0 };
      for (const run of Object.values(variants)) await run(n); // warm-up
      for (let i = 0; i < options.iterations; i++) {
        // Interleaved, so a noisy moment of the machine hits every variant alike.
        for (const [name, run] of Object.entries(variants) as Array<
          [keyof typeof variants, (n: number) => Promise<unknown>]
        >) {
          const mark = await emulator.mark();
          const started = performance.now();
          await run(n);
          samples[name].push(performance.now() - started);
          calls[name] = (await mark.since()).calls;
        }
      }
      points.push({
        n,
        gateway: { ...timing(samples.gateway), awsCalls: calls.gateway },
        naive: { ...timing(samples.naive), awsCalls: calls.naive },
        fanOut: { ...timing(samples.fanOut), awsCalls: calls.fanOut },
      });
    }

    const [first] = await list(client, 1);
    const id = first?.id as string;
    const byId = { gateway: [] as number[], sdk: [] as number[], hop: [] as number[] };
    // A do-nothing HTTP server: what any extra hop between a client and AWS costs here.
    const empty = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.end('{}'));
    });
    await new Promise<void>((resolve) => empty.listen(0, '127.0.0.1', resolve));
    const emptyUrl = `http://127.0.0.1:${(empty.address() as AddressInfo).port}/`;
    for (let i = 0; i < options.iterations * 4; i++) {
      let started = performance.now();
      await gqlOk(gatewayUrl, 'query ($id: ID!) { membership(id: $id) { id queryLogStatus } }', {
        id,
      });
      byId.gateway.push(performance.now() - started);
      started = performance.now();
      await client.send(new GetMembershipCommand({ membershipIdentifier: id }));
      byId.sdk.push(performance.now() - started);
      started = performance.now();
      await (await fetch(emptyUrl, { method: 'POST', body: '{}' })).text();
      byId.hop.push(performance.now() - started);
    }
    empty.close();
    const gateway = timing(byId.gateway);
    const sdk = timing(byId.sdk);
    return {
      detailList: { latencyMs, concurrency, points },
      membershipById: {
        latencyMs,
        gateway,
        sdk,
        ratio: gateway.p50Ms / sdk.p50Ms,
        emptyHop: timing(byId.hop),
      },
    };
  } finally {
    await emulator.setLatency(0);
  }
}
