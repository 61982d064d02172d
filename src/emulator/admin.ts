/**
 * The admin endpoints under `/_emulator` (not part of AWS): stats, reset, fault injection and
 * request-rate quotas, JSON in and out. Errors are AWS-shaped like everything else the emulator
 * answers.
 *
 * A web page can send "simple" cross-site requests (a text/plain POST) without any CORS
 * preflight, so these endpoints accept only JSON bodies and refuse whatever a browser marks as
 * cross-site (Sec-Fetch-Site) or sends from another origin than the Host it addressed.
 * Non-browser clients (curl, Node's fetch, the SDK) send neither header and are unaffected.
 */
import { isPlainObject } from '../constraints/check';
import { OPERATION_NAMES } from '../constraints/table';
import { AwsServiceError, fail } from './errors';
import { parseFaultRule, type Faults } from './faults';
import { ownField } from './own';
import { parseRateQuota, type RateQuotas } from './quotas';
import { headerOf, jsonResponse, type EmulatorRequest, type EmulatorResponse } from './protocol';
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

const BROWSER_SAME_SITE: ReadonlySet<string> = new Set(['same-origin', 'none']);

/** True when `origin` (an Origin header) names the same host and port as the Host header. */
function sameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    // `null` (an opaque origin) and anything else that is not an http(s) origin fail here.
    const from = new URL(origin);
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
    if (from.username || from.password || from.pathname !== '/' || from.search || from.hash) {
      return false;
    }
    // The Host header read with the origin's scheme, so default ports compare equal.
    const to = new URL(`${from.protocol}//${host}`);
    return to.pathname === '/' && !to.username && to.host === from.host;
  } catch {
    return false;
  }
}

function refuseCrossSite(request: EmulatorRequest): void {
  const site = headerOf(request, 'sec-fetch-site');
  if (site !== undefined && !BROWSER_SAME_SITE.has(site.trim())) {
    throw fail.accessDenied('The emulator admin endpoints refuse cross-site browser requests');
  }
  const origin = headerOf(request, 'origin');
  if (origin !== undefined && !sameOrigin(origin.trim(), headerOf(request, 'host'))) {
    throw fail.accessDenied('The emulator admin endpoints refuse requests from another origin');
  }
}

/** A body, or any Content-Type at all, must be JSON (media type parameters allowed). */
function requireJson(request: EmulatorRequest): void {
  const contentType = headerOf(request, 'content-type');
  if (contentType === undefined && request.body.length === 0) return;
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new AwsServiceError(
      'UnsupportedMediaTypeException',
      'The emulator admin endpoints accept only application/json',
    );
  }
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

/** A list of rules behind GET (list), POST (validate and add) and DELETE (clear). */
interface RuleSet<T> {
  list(): T[];
  add(rule: T): void;
  clear(): void;
}

function ruleEndpoint<T>(
  name: string,
  rules: RuleSet<T>,
  parse: (body: unknown) => T | string,
  request: EmulatorRequest,
  requestId: string,
): EmulatorResponse {
  switch (request.method.toUpperCase()) {
    case 'GET':
      break;
    case 'POST': {
      const rule = parse(jsonBody(request));
      if (typeof rule === 'string') throw badRule(rule);
      rules.add(rule);
      break;
    }
    case 'DELETE':
      rules.clear();
      break;
    default:
      throw unknownOperation(request.method, request.path);
  }
  return jsonResponse(200, { [name]: rules.list() }, requestId);
}

export function handleAdmin(
  target: AdminTarget,
  request: EmulatorRequest,
  requestId: string,
): EmulatorResponse {
  refuseCrossSite(request);
  requireJson(request);
  const route = `${request.method.toUpperCase()} ${request.path.slice(ADMIN_PREFIX.length)}`;
  switch (route) {
    case 'GET /stats':
      return jsonResponse(200, target.stats.snapshot(), requestId);
    case 'POST /reset': {
      const body = jsonBody(request);
      target.reset(isPlainObject(body) && ownField(body, 'seed') === true);
      return jsonResponse(200, { ok: true }, requestId);
    }
  }
  switch (request.path.slice(ADMIN_PREFIX.length)) {
    case '/faults':
      return ruleEndpoint(
        'faults',
        target.faults,
        (body) => parseFaultRule(body, OPERATION_NAMES),
        request,
        requestId,
      );
    case '/quotas':
      return ruleEndpoint('quotas', target.rateQuotas, parseRateQuota, request, requestId);
    default:
      throw unknownOperation(request.method, request.path);
  }
}
