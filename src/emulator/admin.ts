/**
 * The admin endpoints under `/_emulator` (not part of AWS): stats, reset, fault injection and
 * request-rate quotas, JSON in and out. Errors are AWS-shaped like everything else the emulator
 * answers.
 */
import { isPlainObject } from '../constraints/check';
import { OPERATION_NAMES } from '../constraints/table';
import { AwsServiceError, fail } from './errors';
import { parseFaultRule, type Faults } from './faults';
import { ownField } from './own';
import { parseRateQuota, type RateQuotas } from './quotas';
import { jsonResponse, type EmulatorRequest, type EmulatorResponse } from './protocol';
import { unknownOperation } from './router';
import type { CallStats } from './stats';

export const ADMIN_PREFIX = '/_emulator';

export function isAdminPath(path: string): boolean {
  return path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`);
}

/** What the admin endpoints act on. */
export interface AdminTarget {
  readonly stats: CallStats;
  readonly faults: Faults;
  readonly rateQuotas: RateQuotas;
  reset(seed: boolean): void;
}

function jsonBody(request: EmulatorRequest): unknown {
  if (request.body.length === 0) return {};
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    throw fail.serialization('The request body is not valid JSON');
  }
}

function badRule(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message, { reason: 'FIELD_VALIDATION_FAILED' });
}

export function handleAdmin(
  target: AdminTarget,
  request: EmulatorRequest,
  requestId: string,
): EmulatorResponse {
  const route = `${request.method.toUpperCase()} ${request.path.slice(ADMIN_PREFIX.length)}`;
  switch (route) {
    case 'GET /stats':
      return jsonResponse(200, target.stats.snapshot(), requestId);
    case 'POST /reset': {
      const body = jsonBody(request);
      target.reset(isPlainObject(body) && ownField(body, 'seed') === true);
      return jsonResponse(200, { ok: true }, requestId);
    }
    case 'GET /faults':
      return jsonResponse(200, { faults: target.faults.list() }, requestId);
    case 'POST /faults': {
      const rule = parseFaultRule(jsonBody(request), OPERATION_NAMES);
      if (typeof rule === 'string') throw badRule(rule);
      target.faults.add(rule);
      return jsonResponse(200, { faults: target.faults.list() }, requestId);
    }
    case 'DELETE /faults':
      target.faults.clear();
      return jsonResponse(200, { faults: [] }, requestId);
    case 'GET /quotas':
      return jsonResponse(200, { quotas: target.rateQuotas.list() }, requestId);
    case 'POST /quotas': {
      const quota = parseRateQuota(jsonBody(request));
      if (typeof quota === 'string') throw badRule(quota);
      target.rateQuotas.add(quota);
      return jsonResponse(200, { quotas: target.rateQuotas.list() }, requestId);
    }
    case 'DELETE /quotas':
      target.rateQuotas.clear();
      return jsonResponse(200, { quotas: [] }, requestId);
    default:
      throw unknownOperation(request.method, request.path);
  }
}
