/** The shape of bench/results/latest.json, written by `npm run bench` and read by bench/charts.ts. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  date: string;
}
export interface Timing {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}
export interface BenchResults {
  command: string;
  machine: Machine;
  calls: Array<{ scenario: string; awsCalls: number; minimum: number; ratio: number }>;
  detailList: {
    latencyMs: number;
    concurrency: number;
    points: Array<{
      n: number;
      gateway: Timing & { awsCalls: number };
      naive: Timing & { awsCalls: number };
      fanOut: Timing & { awsCalls: number };
    }>;
  };
  overhead: Array<{
    query: string;
    gateway: { rps: number } & Timing;
    apollo: { rps: number } & Timing;
    graphqlJs: { rps: number } & Timing;
    ratioVsApollo: number;
    ratioVsGraphqlJs: number;
  }>;
  membershipById: {
    latencyMs: number;
    gateway: Timing;
    sdk: Timing;
    ratio: number;
    /** One POST to a do-nothing node:http server from the same client: the cost of any hop. */
    emptyHop: Timing;
  };
  quota: {
    ratePerSecond: number;
    replicas: number;
    withoutLimiter: { answersPerSecond: number; throttles: number; errors: number } & Timing;
    withLimiter: { answersPerSecond: number; throttles: number; errors: number } & Timing;
  };
  cache: {
    requests: number;
    off: { awsCalls: number };
    on: { awsCalls: number; cacheHits: number };
  };
}
