/**
 * The Clean Rooms emulator: one object that answers raw REST-JSON requests, whichever transport
 * brought them (the standalone HTTP server or the SDK's in-process request handler). Order of
 * work per API request, as at AWS: route → count → rate quota → injected faults → read input →
 * validate the input shape → parse it into the typed input → business rules. Nothing before the
 * last step writes state, so a throttled or faulted request (which the SDK retries) changes
 * nothing.
 */
import { validateOperationInput } from '../constraints/validate';
import { handleAdmin, isAdminPath } from './admin';
import { callerFromAuthorization } from './caller';
import { AwsServiceError, fail } from './errors';
import { Faults, realSleep, type Sleep } from './faults';
import { parseOperationInput } from './inputs';
import { EmulatorState } from './model';
import { RateQuotas, rateExceeded } from './quotas';
import {
  emptyResponse,
  errorResponse,
  headerOf,
  jsonResponse,
  MAX_BODY_BYTES,
  newRequestId,
  type EmulatorRequest,
  type EmulatorResponse,
} from './protocol';
import { matchRoute, readInput, unknownOperation } from './router';
import { DEMO_REGION, loadDemoSeed } from './seed';
import { CleanRoomsService, DEFAULT_SERVICE_OPTIONS, type ServiceOptions } from './service';
import { CallStats } from './stats';

export { ADMIN_PREFIX } from './admin';

export interface EmulatorOptions extends Partial<ServiceOptions> {
  /** Load the demo data at start and on `reset` unless told otherwise. */
  seed?: boolean;
  /** The region the demo data goes into (default us-east-1); other regions start empty. */
  seedRegion?: string;
  /** Reports unexpected internal failures (they answer InternalServerException). */
  onInternalError?: (error: unknown) => void;
  /** How injected latency is waited for (default: a timer); tests inject one that records it. */
  sleep?: Sleep;
  /** Monotonic clock in milliseconds for the rate quotas (default `performance.now`). */
  clock?: () => number;
}

export class CleanRoomsEmulator {
  readonly stats = new CallStats();
  readonly faults: Faults;
  /** Request-rate quotas (`/_emulator/quotas`); none until added. */
  readonly rateQuotas: RateQuotas;
  private state = new EmulatorState();
  private service: CleanRoomsService;
  private readonly serviceOptions: ServiceOptions;

  constructor(private readonly options: EmulatorOptions = {}) {
    const {
      seed: _seed,
      seedRegion: _seedRegion,
      onInternalError: _onInternalError,
      sleep = realSleep,
      clock,
      ...serviceOptions
    } = options;
    this.serviceOptions = { ...DEFAULT_SERVICE_OPTIONS, ...serviceOptions };
    this.service = new CleanRoomsService(this.state, this.serviceOptions);
    this.faults = new Faults(Math.random, sleep);
    this.rateQuotas = new RateQuotas(clock);
    if (options.seed) loadDemoSeed(this.state, this.seedRegion);
  }

  private get seedRegion(): string {
    return this.options.seedRegion ?? DEMO_REGION;
  }

  /**
   * Clears state in every region, counters, faults and rate quotas; reloads the demo data when
   * `seed` is true.
   */
  reset(seed = false): void {
    this.state = new EmulatorState();
    this.service = new CleanRoomsService(this.state, this.serviceOptions);
    this.stats.reset();
    this.faults.clear();
    this.rateQuotas.clear();
    if (seed) loadDemoSeed(this.state, this.seedRegion);
  }

  async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
    const requestId = newRequestId();
    if (isAdminPath(request.path)) {
      return this.answer(requestId, async () => handleAdmin(this, request, requestId));
    }
    this.stats.enter();
    try {
      return await this.answer(requestId, () => this.api(request, requestId), true);
    } finally {
      this.stats.leave();
    }
  }

  /** Runs `work`, turning any failure into an AWS-shaped error response. */
  private async answer(
    requestId: string,
    work: () => Promise<EmulatorResponse>,
    counted = false,
  ): Promise<EmulatorResponse> {
    try {
      return await work();
    } catch (error) {
      const known =
        error instanceof AwsServiceError
          ? error
          : (this.options.onInternalError?.(error),
            new AwsServiceError('InternalServerException', 'An internal error occurred'));
      if (counted) this.stats.recordError(known.errorType);
      return errorResponse(known, requestId);
    }
  }

  private async api(request: EmulatorRequest, requestId: string): Promise<EmulatorResponse> {
    if (request.body.length > MAX_BODY_BYTES) {
      throw new AwsServiceError(
        'RequestEntityTooLargeException',
        `Request body exceeds ${MAX_BODY_BYTES} bytes`,
      );
    }
    const match = matchRoute(request.method, request.path);
    if (!match) throw unknownOperation(request.method, request.path);
    this.stats.record(match.operation);

    const caller = callerFromAuthorization(headerOf(request, 'authorization'));
    if (!this.rateQuotas.admit(caller.accountId, caller.region, match.operation)) {
      this.stats.recordThrottle(match.operation);
      throw rateExceeded();
    }

    const injected = await this.faults.apply(match.operation);
    if (injected) throw injected;

    const input = readInput(match, request);
    const { typeErrors, violations } = validateOperationInput(match.operation, input);
    const typeError = typeErrors[0];
    if (typeError) {
      throw fail.serialization(
        `Value at '${typeError.path}' ${typeError.message.replace(/^Member /, '')}`,
      );
    }
    if (violations.length > 0) throw fail.validation(violations);

    const result = this.service.run(parseOperationInput(match.operation, input), caller);
    return result.status === 204
      ? emptyResponse(204, requestId)
      : jsonResponse(200, result.body, requestId);
  }
}
