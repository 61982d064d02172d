/**
 * One round of HTTP load with autocannon: POSTs of JSON bodies over `connections` keep-alive
 * connections, for a duration or a number of requests, summarised as throughput, latency
 * percentiles and errors. Short rounds (a few seconds) can be interleaved by the caller.
 *
 * Latencies are recorded per response here, in fractional milliseconds: autocannon's own
 * histogram counts whole milliseconds and has no 95th percentile.
 */
import { cpus, release } from 'node:os';
import autocannon from 'autocannon';
import type { Machine } from '../results-types';

export interface LoadRequest {
  body: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds to run (10 when neither this nor `amount` is given). */
  durationSeconds?: number;
  /** Total requests to make; takes precedence over `durationSeconds`. */
  amount?: number;
  /** Sent in turn by every connection, each connection starting at a different one. */
  requests: LoadRequest[];
  /** A 2xx response whose body fails this check counts as an error. */
  checkBody?: (body: string) => boolean;
}

export interface LoadResult {
  /** Responses received. */
  requests: number;
  durationSeconds: number;
  /** Responses per second. */
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Socket errors and timeouts, non-2xx responses, and 2xx bodies failing `checkBody`. */
  errors: number;
  non2xx: number;
  /** Of `errors`: requests without an answer within autocannon's 10 s. */
  timeouts: number;
  /** Of `errors`: 2xx responses whose body failed `checkBody`. */
  failedChecks: number;
}

/** The machine a result was measured on, for the results files. */
export function machineInfo(): Machine {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${release()} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

/** Nearest-rank percentile of ascending `sorted`; 0 for no samples. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** `items` shifted left by `by` places, wrapping round. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.requests.length === 0) throw new Error('runLoad: no requests to send');
  // autocannon refuses more connections than requests.
  const connections =
    options.amount === undefined
      ? options.connections
      : Math.max(1, Math.min(options.connections, options.amount));
  const latencies: number[] = [];
  let non2xx = 0;
  let failedChecks = 0;
  const check = options.checkBody;
  const requests: autocannon.Request[] = options.requests.map((request) => ({
    method: 'POST',
    body: request.body,
    headers: { 'content-type': 'application/json', ...request.headers },
    ...(check && {
      onResponse: (status: number, body: string) => {
        if (status >= 200 && status < 300 && !check(body)) failedChecks += 1;
      },
    }),
  }));
  let clients = 0;

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections,
        method: 'POST',
        ...(options.amount === undefined
          ? { duration: options.durationSeconds ?? 10 }
          : { amount: options.amount }),
        requests,
        // Every connection starts at another place in the list, so the mix holds from the
        // first second and not only over whole cycles.
        setupClient: (client) => {
          const offset = Math.floor((clients++ * requests.length) / connections);
          client.setRequests(rotate(requests, offset).map((request) => ({ ...request })));
        },
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx += 1;
    });
  });

  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    durationSeconds: result.duration,
    rps: result.duration > 0 ? latencies.length / result.duration : 0,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    // autocannon's `errors` already includes its `timeouts`.
    errors: result.errors + non2xx + failedChecks,
    non2xx,
    timeouts: result.timeouts,
    failedChecks,
  };
}
