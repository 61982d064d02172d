/**
 * The Clean Rooms emulator: one object that answers raw REST-JSON requests, whichever transport
 * brought them (the standalone HTTP server or the SDK's in-process request handler). Order of
 * work per request, as at AWS: route → count → injected faults → read input → validate the
 * input shape → business rules. Nothing before the last step writes state.
 */
import { OPERATION_NAMES } from '../constraints/table';
import { validateOperationInput } from '../constraints/validate';
import { callerFromAuthorization } from './caller';
import { AwsServiceError, fail } from './errors';
import { Faults, parseFaultRule } from './faults';
import { parseOperationInput } from './inputs';
import { EmulatorState } from './model';
import {
  emptyResponse,
  errorResponse,
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

export interface EmulatorOptions extends Partial<ServiceOptions> {
  /** Load the demo data at start and on `reset` unless told otherwise. */
  seed?: boolean;
  /** The region the demo data goes into (default us-east-1); other regions start empty. */
  seedRegion?: string;
  /** Reports unexpected internal failures (they answer InternalServerException). */
  onInternalError?: (error: unknown) => void;
}

export const ADMIN_PREFIX = '/_emulator';

export class CleanRoomsEmulator {
  readonly stats = new CallStats();
  readonly faults = new Faults();
  private state = new EmulatorState();
  private service: CleanRoomsService;
  private readonly serviceOptions: ServiceOptions;

  constructor(private readonly options: EmulatorOptions = {}) {
    const {
      seed: _seed,
      seedRegion: _seedRegion,
      onInternalError: _onInternalError,
      ...serviceOptions
    } = options;
    this.serviceOptions = { ...DEFAULT_SERVICE_OPTIONS, ...serviceOptions };
    this.service = new CleanRoomsService(this.state, this.serviceOptions);
    if (options.seed) loadDemoSeed(this.state, this.seedRegion);
  }

  private get seedRegion(): string {
    return this.options.seedRegion ?? DEMO_REGION;
  }

  /** Clears state in every region, counters and faults; reloads the demo data when `seed` is true. */
  reset(seed = false): void {
    this.state = new EmulatorState();
    this.service = new CleanRoomsService(this.state, this.serviceOptions);
    this.stats.reset();
    this.faults.clear();
    if (seed) loadDemoSeed(this.state, this.seedRegion);
  }

  async handle(request: EmulatorRequest): Promise<EmulatorResponse> {
    const requestId = newRequestId();
    try {
      if (request.path === ADMIN_PREFIX || request.path.startsWith(`${ADMIN_PREFIX}/`)) {
        return this.admin(request, requestId);
      }
      return await this.api(request, requestId);
    } catch (error) {
      const known =
        error instanceof AwsServiceError
          ? error
          : (this.options.onInternalError?.(error),
            new AwsServiceError('InternalServerException', 'An internal error occurred'));
      this.stats.recordError(known.errorType);
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

    const injected = await this.faults.apply(match.operation);
    if (injected) throw injected;

    const caller = callerFromAuthorization(request.headers.authorization);
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

  private admin(request: EmulatorRequest, requestId: string): EmulatorResponse {
    const route = `${request.method.toUpperCase()} ${request.path.slice(ADMIN_PREFIX.length)}`;
    const body = (): unknown => {
      if (request.body.length === 0) return {};
      try {
        return JSON.parse(request.body.toString('utf8'));
      } catch {
        throw fail.serialization('The request body is not valid JSON');
      }
    };
    switch (route) {
      case 'GET /stats':
        return jsonResponse(200, this.stats.snapshot(), requestId);
      case 'POST /reset': {
        const b = body() as { seed?: unknown };
        this.reset(b !== null && typeof b === 'object' && b.seed === true);
        return jsonResponse(200, { ok: true }, requestId);
      }
      case 'GET /faults':
        return jsonResponse(200, { faults: this.faults.list() }, requestId);
      case 'POST /faults': {
        const rule = parseFaultRule(body(), OPERATION_NAMES);
        if (typeof rule === 'string') {
          throw new AwsServiceError('ValidationException', rule, {
            reason: 'FIELD_VALIDATION_FAILED',
          });
        }
        this.faults.add(rule);
        return jsonResponse(200, { faults: this.faults.list() }, requestId);
      }
      case 'DELETE /faults':
        this.faults.clear();
        return jsonResponse(200, { faults: [] }, requestId);
      default:
        throw unknownOperation(request.method, request.path);
    }
  }
}
