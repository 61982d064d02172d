/**
 * Fault injection for tests and benchmarks: added latency and/or errors, per operation or for
 * all. Faults fire before the request is parsed, so a failed attempt never changes state (the
 * SDK retries 5xx and throttling errors, and CreateMembership has no idempotency token).
 */
import { isPlainObject } from '../constraints/check';
import type { OperationName } from '../constraints/table';
import { AwsServiceError, isKnownErrorType, statusOf } from './errors';
import { isOperationName, ownField } from './own';

export interface FaultRule {
  operation?: OperationName;
  latencyMs?: number;
  /** Probability 0..1 that a request fails; defaults to 1 when `errorType` is given. */
  errorRate?: number;
  errorType?: string;
  /** Stop after firing this many errors (unlimited when absent). */
  times?: number;
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Faults {
  private rules: Array<FaultRule & { fired: number }> = [];

  constructor(
    private readonly random: () => number = Math.random,
    /** How latency is waited for; tests inject one that records the wait. */
    private readonly sleep: Sleep = realSleep,
  ) {}

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ fired: _fired, ...rule }) => rule);
  }

  /** Applies the rules that match `operation`: waits, then returns an error to answer, if any. */
  async apply(operation: OperationName): Promise<AwsServiceError | undefined> {
    const matching = this.rules.filter((r) => !r.operation || r.operation === operation);
    const latency = matching.reduce((sum, r) => sum + (r.latencyMs ?? 0), 0);
    if (latency > 0) await this.sleep(latency);
    for (const rule of matching) {
      const rate = rule.errorRate ?? (rule.errorType ? 1 : 0);
      if (rate <= 0 || (rule.times !== undefined && rule.fired >= rule.times)) continue;
      if (this.random() < rate) {
        rule.fired++;
        const type = rule.errorType ?? 'InternalServerException';
        return injectedError(type);
      }
    }
    return undefined;
  }
}

function injectedError(type: string): AwsServiceError {
  const message = `Injected fault: ${type}`;
  switch (type) {
    case 'ResourceNotFoundException':
      return new AwsServiceError(type, message, {
        resourceId: 'injected',
        resourceType: 'MEMBERSHIP',
      });
    case 'ServiceQuotaExceededException':
      return new AwsServiceError(type, message, { quotaName: 'Injected quota', quotaValue: 0 });
    case 'ConflictException':
      return new AwsServiceError(type, message, { reason: 'INVALID_STATE' });
    case 'ValidationException':
      return new AwsServiceError(type, message, {
        reason: 'FIELD_VALIDATION_FAILED',
        fieldList: [],
      });
    case 'AccessDeniedException':
      return new AwsServiceError(type, message, { reason: 'INSUFFICIENT_PERMISSIONS' });
    default:
      return new AwsServiceError(type, message, {}, statusOf(type));
  }
}

/** Validates an admin request body into a rule; returns an error text for bad rules. */
export function parseFaultRule(body: unknown, operations: readonly string[]): FaultRule | string {
  if (!isPlainObject(body)) return 'body must be a JSON object';
  const b = {
    operation: ownField(body, 'operation'),
    latencyMs: ownField(body, 'latencyMs'),
    errorRate: ownField(body, 'errorRate'),
    errorType: ownField(body, 'errorType'),
    times: ownField(body, 'times'),
  };
  const rule: FaultRule = {};
  if (b.operation !== undefined) {
    if (!isOperationName(b.operation) || !operations.includes(b.operation)) {
      return `operation must be one of ${operations.join(', ')}`;
    }
    rule.operation = b.operation;
  }
  if (b.latencyMs !== undefined) {
    if (typeof b.latencyMs !== 'number' || !(b.latencyMs >= 0 && b.latencyMs <= 60_000)) {
      return 'latencyMs must be a number between 0 and 60000';
    }
    rule.latencyMs = b.latencyMs;
  }
  if (b.errorRate !== undefined) {
    if (typeof b.errorRate !== 'number' || !(b.errorRate >= 0 && b.errorRate <= 1)) {
      return 'errorRate must be a number between 0 and 1';
    }
    rule.errorRate = b.errorRate;
  }
  if (b.errorType !== undefined) {
    if (typeof b.errorType !== 'string' || !isKnownErrorType(b.errorType)) {
      return 'errorType must be the name of a Clean Rooms exception';
    }
    rule.errorType = b.errorType;
  }
  if (b.times !== undefined) {
    if (typeof b.times !== 'number' || !Number.isInteger(b.times) || b.times < 1) {
      return 'times must be a positive integer';
    }
    rule.times = b.times;
  }
  return rule;
}
