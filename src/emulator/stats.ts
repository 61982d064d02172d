/**
 * Counters of the API requests served since the last reset, by operation: every HTTP request,
 * retries and failures too (admin requests are not counted). `throttled` counts the requests a
 * rate quota refused; `peakInFlight` is the most requests being served at the same time.
 */
import type { OperationName } from '../constraints/table';

export interface StatsSnapshot {
  calls: Record<string, number>;
  total: number;
  errors: Record<string, number>;
  throttled: Record<string, number>;
  peakInFlight: number;
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export class CallStats {
  private calls = new Map<OperationName, number>();
  private errors = new Map<string, number>();
  private throttled = new Map<OperationName, number>();
  private inFlight = 0;
  private peak = 0;

  record(operation: OperationName): void {
    increment(this.calls, operation);
  }

  recordError(errorType: string): void {
    increment(this.errors, errorType);
  }

  recordThrottle(operation: OperationName): void {
    increment(this.throttled, operation);
  }

  /** An API request starts being served. */
  enter(): void {
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
  }

  /** An API request has been answered. */
  leave(): void {
    this.inFlight--;
  }

  /** Zeroes the counters; the peak restarts from the requests still being served. */
  reset(): void {
    this.calls.clear();
    this.errors.clear();
    this.throttled.clear();
    this.peak = this.inFlight;
  }

  count(operation: OperationName): number {
    return this.calls.get(operation) ?? 0;
  }

  total(): number {
    let n = 0;
    for (const v of this.calls.values()) n += v;
    return n;
  }

  snapshot(): StatsSnapshot {
    return {
      calls: Object.fromEntries(this.calls),
      total: this.total(),
      errors: Object.fromEntries(this.errors),
      throttled: Object.fromEntries(this.throttled),
      peakInFlight: this.peak,
    };
  }
}
