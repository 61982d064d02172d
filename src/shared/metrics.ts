/**
 * The gateway's Prometheus metrics (prom-client), one registry per server so that replicas in
 * one process (tests) never mix their figures. Families: GraphQL operations by name, type and
 * outcome with durations; AWS calls by Clean Rooms operation and outcome with durations; refusals
 * by limit; authentication failures by reason; authorization denials; process metrics. Label
 * values that come from clients (operation names) or from the network (error types) are bounded,
 * so a client cannot blow up the number of series.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The most distinct operation names tracked; later ones are counted as `other`. */
const MAX_OPERATION_NAMES = 200;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/** Error types a Clean Rooms call can end with (anything else is `other`). */
const AWS_OUTCOMES = new Set([
  'ok',
  'ValidationException',
  'ResourceNotFoundException',
  'AccessDeniedException',
  'ConflictException',
  'ServiceQuotaExceededException',
  'ThrottlingException',
  'InternalServerException',
  'NetworkError',
  'DeserializationError',
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'RateLimitedLocally',
]);

export type OperationOutcome = 'ok' | 'partial' | 'error' | 'refused';

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();

  private readonly operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations served, by operation name, type and outcome.',
    labelNames: ['operation_name', 'operation_type', 'outcome'],
    registers: [this.registry],
  });

  private readonly operationSeconds = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response.',
    labelNames: ['operation_type', 'outcome'],
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly awsCalls = new Counter({
    name: 'aws_calls_total',
    help: 'Calls to AWS Clean Rooms (every HTTP attempt, SDK retries included), by operation and outcome.',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });

  private readonly awsSeconds = new Histogram({
    name: 'aws_call_duration_seconds',
    help: 'Duration of calls to AWS Clean Rooms (all attempts of one call), by operation and outcome.',
    labelNames: ['operation', 'outcome'],
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  private readonly refusals = new Counter({
    name: 'graphql_limit_refusals_total',
    help: 'Requests refused before execution by a static limit or the AWS-call budget.',
    labelNames: ['limit'],
    registers: [this.registry],
  });

  private readonly authFailures = new Counter({
    name: 'auth_failures_total',
    help: 'Requests refused with HTTP 401, by reason.',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  private readonly denials = new Counter({
    name: 'authorization_denials_total',
    help: 'Fields refused FORBIDDEN because the token lacks a scope, by schema coordinate.',
    labelNames: ['field'],
    registers: [this.registry],
  });

  private readonly retries = new Counter({
    name: 'aws_retries_total',
    help: 'SDK retries of AWS calls, by operation and why (THROTTLING: AWS throttled the call).',
    labelNames: ['operation', 'reason'],
    registers: [this.registry],
  });

  private readonly limiterWaits = new Histogram({
    name: 'aws_rate_limiter_wait_seconds',
    help: "Time AWS calls waited for their turn at the fleet's rate limiter.",
    labelNames: ['operation'],
    buckets: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });

  private readonly limiterRefusals = new Counter({
    name: 'aws_rate_limiter_refusals_total',
    help: 'AWS calls not sent because their turn was further away than UPSTREAM_QUEUE_TIMEOUT_MS.',
    labelNames: ['operation'],
    registers: [this.registry],
  });

  private readonly cacheLookups = new Counter({
    name: 'aws_cache_lookups_total',
    help: 'Reads of the shared AWS read cache, by operation and result (hit, miss, bypass).',
    labelNames: ['operation', 'result'],
    registers: [this.registry],
  });

  private readonly redisUp = new Gauge({
    name: 'redis_available',
    help: '1 while the shared Redis is reachable, 0 while the replica serves degraded without it.',
    registers: [this.registry],
  });

  private readonly callerRefusals = new Counter({
    name: 'caller_rate_limit_refusals_total',
    help: 'Requests refused with HTTP 429 by the per-caller limit (RATE_LIMIT_PER_MINUTE).',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  retry(operation: string, reason: string) {
    this.retries.inc({ operation, reason });
  }

  rateLimiterWait(operation: string, seconds: number) {
    this.limiterWaits.observe({ operation }, seconds);
  }

  rateLimited(operation: string) {
    this.limiterRefusals.inc({ operation });
  }

  cacheLookup(operation: string, result: 'hit' | 'miss' | 'bypass') {
    this.cacheLookups.inc({ operation, result });
  }

  redisAvailable(available: boolean) {
    this.redisUp.set(available ? 1 : 0);
  }

  callerLimited() {
    this.callerRefusals.inc();
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!NAME.test(name)) return 'other';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(name);
    return name;
  }

  operation(name: string | undefined, type: string, outcome: OperationOutcome, seconds: number) {
    const operationType = type || 'unknown';
    this.operations.inc({
      operation_name: this.operationLabel(name),
      operation_type: operationType,
      outcome,
    });
    this.operationSeconds.observe({ operation_type: operationType, outcome }, seconds);
  }

  awsCall(operation: string, outcome: string, attempts: number, seconds: number) {
    const label = AWS_OUTCOMES.has(outcome) ? outcome : 'other';
    this.awsCalls.inc({ operation, outcome: label }, attempts);
    this.awsSeconds.observe({ operation, outcome: label }, seconds);
  }

  refused(limit: string) {
    this.refusals.inc({ limit });
  }

  authFailure(reason: string) {
    this.authFailures.inc({ reason });
  }

  accessDenied(field: string) {
    this.denials.inc({ field });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
