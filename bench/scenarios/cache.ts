/**
 * The shared read cache: the same mixed read workload (details, lists, collaborations with
 * their members, tags — over a set of ids, in a fixed pseudo-random order) sent to a gateway
 * with the cache off and to one with CACHE_TTL_SECONDS on, counting AWS calls per `requests`
 * requests at the emulator and the hits the gateway reports in `extensions.cost`.
 */
import type { EmulatorProcess } from '../lib/emulator';
import { startGatewayProcess } from '../lib/gateway-process';
import { gqlOk } from '../lib/graphql';
import type { BenchResults } from '../results-types';

/** A small deterministic generator (mulberry32): the same workload every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mixedReads(
  memberships: Array<{ id: string; collaborationId: string }>,
  count: number,
): Array<{ query: string; variables: Record<string, unknown> }> {
  const next = random(42);
  const pick = () =>
    memberships[Math.floor(next() * memberships.length)] as (typeof memberships)[number];
  return Array.from({ length: count }, () => {
    const r = next();
    const m = pick();
    if (r < 0.4) {
      return {
        query:
          'query ($id: ID!) { membership(id: $id) { id queryLogStatus defaultResultConfiguration { roleArn } } }',
        variables: { id: m.id },
      };
    }
    if (r < 0.6) {
      return {
        query: '{ memberships(first: 20) { nodes { id status collaborationName } } }',
        variables: {},
      };
    }
    if (r < 0.8) {
      return {
        query:
          'query ($id: ID!) { collaboration(id: $id) { id name description members { nodes { accountId status } } } }',
        variables: { id: m.collaborationId },
      };
    }
    return {
      query: 'query ($id: ID!) { membership(id: $id) { id tags { key value } } }',
      variables: { id: m.id },
    };
  });
}

export async function measureCache(options: {
  emulator: EmulatorProcess;
  memberships: Array<{ id: string; collaborationId: string }>;
  requests: number;
  ttlSeconds: number;
  /** How the gateway reaches the emulator, and as whom. */
  env: Record<string, string>;
}): Promise<BenchResults['cache']> {
  const workload = mixedReads(options.memberships, options.requests);
  const run = async (ttl: number) => {
    const gateway = await startGatewayProcess({
      name: ttl > 0 ? 'gateway (cache on)' : 'gateway (cache off)',
      env: { ...options.env, CACHE_TTL_SECONDS: String(ttl) },
    });
    try {
      const mark = await options.emulator.mark();
      let cacheHits = 0;
      for (const { query, variables } of workload) {
        const answer = await gqlOk(gateway.url, query, variables);
        cacheHits += answer.extensions?.cost?.cacheHits ?? 0;
      }
      return { awsCalls: (await mark.since()).calls, cacheHits };
    } finally {
      await gateway.stop();
    }
  };
  const off = await run(0);
  const on = await run(options.ttlSeconds);
  return { requests: options.requests, off: { awsCalls: off.awsCalls }, on };
}
