/**
 * A GraphQL client for the benchmarks: one POST, its parsed body and how long it took.
 */
import { percentile } from './load';

export interface GraphQLAnswer {
  status: number;
  ms: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
  extensions?: { cost?: { estimatedAwsCalls: number; awsCalls: number; cacheHits: number } };
}

export async function gql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLAnswer, 'status' | 'ms'>;
  return { ...body, status: response.status, ms: performance.now() - started };
}

/** Like `gql`, but an answer with errors is a failure of the benchmark itself. */
export async function gqlOk(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLAnswer> {
  const answer = await gql(url, query, variables);
  if (answer.status !== 200 || answer.errors?.length) {
    throw new Error(`query failed (${answer.status}): ${JSON.stringify(answer.errors)}\n${query}`);
  }
  return answer;
}

/** p50/p95/p99 of samples in milliseconds, rounded to 0.01 ms. */
export function timing(samples: number[]): { p50Ms: number; p95Ms: number; p99Ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round(percentile(sorted, p) * 100) / 100;
  return { p50Ms: at(50), p95Ms: at(95), p99Ms: at(99) };
}
