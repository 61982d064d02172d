/**
 * Request-rate quotas. AWS meters each API per account and region (5 requests per second by
 * default, adjustable); the emulator does so on request: a token bucket per (account, region,
 * operation), holding `burst` tokens and refilled continuously at `ratePerSecond`. A quota
 * without an operation covers every operation that has none of its own. The clock is injected
 * (milliseconds), so the buckets can be tested without waiting.
 */
import { isPlainObject } from '../constraints/check';
import { OPERATION_NAMES, type OperationName } from '../constraints/table';
import { AwsServiceError } from './errors';
import { isOperationName, ownField } from './own';

export interface RateQuota {
  operation?: OperationName;
  ratePerSecond: number;
  burst: number;
}

/** Bounds that keep the arithmetic meaningful; far above anything a test or benchmark needs. */
export const MAX_RATE_PER_SECOND = 1_000_000;
export const MAX_BURST = 1_000_000;

const FIELDS: ReadonlySet<string> = new Set(['operation', 'ratePerSecond', 'burst']);

/** Validates an admin request body into a quota; returns an error text for a bad one. */
export function parseRateQuota(body: unknown): RateQuota | string {
  if (!isPlainObject(body)) return 'body must be a JSON object';
  const unknown = Object.keys(body).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) {
    return `unknown field "${unknown.slice(0, 64)}": a quota has operation, ratePerSecond and burst`;
  }
  const operation = ownField(body, 'operation');
  const rate = ownField(body, 'ratePerSecond');
  const burst = ownField(body, 'burst');
  if (operation !== undefined && !isOperationName(operation)) {
    return `operation must be one of ${OPERATION_NAMES.join(', ')}`;
  }
  if (typeof rate !== 'number' || !(rate > 0 && rate <= MAX_RATE_PER_SECOND)) {
    return `ratePerSecond must be a number greater than 0 and at most ${MAX_RATE_PER_SECOND}`;
  }
  if (
    burst !== undefined &&
    (typeof burst !== 'number' || !Number.isInteger(burst) || burst < 1 || burst > MAX_BURST)
  ) {
    return `burst must be an integer from 1 to ${MAX_BURST}`;
  }
  return {
    ...(operation === undefined ? {} : { operation }),
    ratePerSecond: rate,
    burst: burst ?? Math.max(1, Math.ceil(rate)),
  };
}

/** What AWS answers a request over its rate quota. */
export function rateExceeded(): AwsServiceError {
  return new AwsServiceError('ThrottlingException', 'Rate exceeded');
}

interface Bucket {
  tokens: number;
  /** Clock reading (ms) when `tokens` was computed. */
  at: number;
}

const EVERY_OPERATION = '*';

export class RateQuotas {
  private readonly quotas = new Map<string, RateQuota>();
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** Adds a quota, or replaces the one for the same operation (or for every operation). */
  add(quota: RateQuota): void {
    this.quotas.set(quota.operation ?? EVERY_OPERATION, { ...quota });
    // Buckets start full under the new limits.
    this.buckets.clear();
  }

  list(): RateQuota[] {
    return [...this.quotas.values()].map((quota) => ({ ...quota }));
  }

  clear(): void {
    this.quotas.clear();
    this.buckets.clear();
  }

  /** Takes a token from the caller's bucket for `operation`; false when it is empty. */
  admit(accountId: string, region: string, operation: OperationName): boolean {
    const quota = this.quotas.get(operation) ?? this.quotas.get(EVERY_OPERATION);
    if (!quota) return true;
    const key = JSON.stringify([accountId, region, operation]);
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: quota.burst, at: now };
    const elapsedSeconds = Math.max(0, now - bucket.at) / 1000;
    const tokens = Math.min(quota.burst, bucket.tokens + elapsedSeconds * quota.ratePerSecond);
    const admitted = tokens >= 1;
    this.buckets.set(key, { tokens: admitted ? tokens - 1 : tokens, at: now });
    return admitted;
  }
}
