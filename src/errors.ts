/**
 * Every error a client can see is described here, once: a stable `extensions.code` (the
 * README's error table), `extensions.aws = { errorType, requestId }` for AWS errors,
 * `extensions.fields` for refused input. Clients get generic wording wherever AWS's own text could disclose more than
 * they should see (an IAM denial names roles and policies; a failure names hosts); those details
 * go to the request's log line instead (see plugins/error-logging.plugin.ts), with the request id.
 * Formatting is pure: `formatError` never logs.
 */
import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { isCredentialError, UpstreamError } from './clean-rooms/errors';
import { UpstreamBudgetExceeded } from './clean-rooms/upstream';
import { flattenValidationErrors } from './shared/input-errors';

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'SERVICE_QUOTA_EXCEEDED',
  'THROTTLED',
  'UPSTREAM_UNAVAILABLE',
  'UNAUTHENTICATED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** AWS error type → our code. Anything not listed means AWS could not serve us. */
const AWS_CODES: Record<string, ErrorCode> = {
  ValidationException: 'BAD_USER_INPUT',
  ResourceNotFoundException: 'NOT_FOUND',
  AccessDeniedException: 'FORBIDDEN',
  ConflictException: 'CONFLICT',
  ServiceQuotaExceededException: 'SERVICE_QUOTA_EXCEEDED',
  ThrottlingException: 'THROTTLED',
  // The fleet's own rate limiter: the call never left, AWS's quota is protected.
  RateLimitedLocally: 'THROTTLED',
};

/** AWS members whose GraphQL argument has another name (connections use first/after). */
const GRAPHQL_NAMES: Record<string, string> = { nextToken: 'after', maxResults: 'first' };

export function codeForAwsError(errorType: string): ErrorCode {
  // Own entries only: a name such as `constructor` (the type comes from a response header) must
  // not pick up Object.prototype members.
  if (isCredentialError(errorType)) return 'INTERNAL_SERVER_ERROR';
  return Object.hasOwn(AWS_CODES, errorType)
    ? (AWS_CODES[errorType] as ErrorCode)
    : 'UPSTREAM_UNAVAILABLE';
}

/** Masks the account id inside ARNs, so messages never disclose other accounts. */
export function maskArns(text: string): string {
  return text.replace(/(arn:aws[\w-]*:[\w-]+:[\w-]*:)\d{12}(:)/g, '$1************$2');
}

/** What the operator should read about an error: a log level, a message and its fields. */
export interface ErrorLogEntry {
  level: 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown>;
}

interface Described {
  message: string;
  extensions: Record<string, unknown>;
  log?: ErrorLogEntry;
}

// One reference per error object, so the response and the log line name the same id whichever
// of formatError and the logging plugin sees the error first.
const references = new WeakMap<object, string>();

function referenceOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return randomUUID();
  let id = references.get(error);
  if (!id) {
    id = randomUUID();
    references.set(error, id);
  }
  return id;
}

function describeUpstream(error: UpstreamError): Described {
  const code = codeForAwsError(error.errorType);
  const aws = { errorType: error.errorType, requestId: error.requestId ?? null };
  const detail = {
    operation: error.operation,
    awsErrorType: error.errorType,
    awsRequestId: error.requestId,
    awsMessage: error.message,
  };
  switch (code) {
    case 'INTERNAL_SERVER_ERROR': {
      const errorId = referenceOf(error);
      return {
        message: `The gateway could not authenticate to AWS Clean Rooms (reference ${errorId})`,
        extensions: { code, errorId, aws },
        log: {
          level: 'error',
          msg: 'AWS refused the gateway credentials',
          fields: { ...detail, errorId },
        },
      };
    }
    case 'FORBIDDEN':
      return {
        message:
          'Access denied by AWS Clean Rooms: the resource is not visible to this account, or the gateway may not perform this operation',
        extensions: { code, aws },
        log: { level: 'warn', msg: 'AWS denied access', fields: detail },
      };
    case 'UPSTREAM_UNAVAILABLE':
      return {
        message: `Clean Rooms could not be reached or failed (${error.errorType}); try again later`,
        extensions: { code, aws },
        log: { level: 'warn', msg: 'AWS call failed', fields: detail },
      };
    default:
      break;
  }
  const extensions: Record<string, unknown> = { code, aws };
  if (code === 'BAD_USER_INPUT') {
    extensions.fields = (error.details.fieldList ?? []).map((f) => ({
      path: Object.hasOwn(GRAPHQL_NAMES, f.name) ? GRAPHQL_NAMES[f.name] : f.name,
      message: maskArns(f.message),
    }));
    if (error.details.reason) extensions.reason = error.details.reason;
  }
  if (code === 'NOT_FOUND' && error.details.resourceType)
    extensions.resourceType = error.details.resourceType;
  if (code === 'CONFLICT' && error.details.reason) extensions.reason = error.details.reason;
  if (code === 'SERVICE_QUOTA_EXCEEDED') {
    extensions.quotaName = error.details.quotaName ?? null;
    extensions.quotaValue = error.details.quotaValue ?? null;
  }
  return { message: maskArns(error.message), extensions };
}

function describe(formatted: GraphQLFormattedError, error: unknown): Described {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    const fields = flattenValidationErrors(original.extensions.validationErrors);
    return { message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } };
  }
  if (original instanceof UpstreamError) return describeUpstream(original);
  if (original instanceof UpstreamBudgetExceeded) {
    return { message: original.message, extensions: { code: 'BAD_USER_INPUT', fields: [] } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    // Errors GraphQL or Apollo raised with a code of their own (parse, validation, variables).
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, extensions: { ...extensions, code } };
  }
  const errorId = referenceOf(original);
  return {
    message: `Internal server error (reference ${errorId})`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    log: {
      level: 'error',
      msg: 'unexpected error while serving a request',
      fields: { err: original, errorId },
    },
  };
}

/** Apollo Server's `formatError`: the single mapping from thrown errors to client errors. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const { message, extensions } = describe(formatted, error);
  return { message, locations: formatted.locations, path: formatted.path, extensions };
}

/** What to log about an error that reached GraphQL; undefined for the client's own mistakes. */
export function errorLogEntry(error: {
  message: string;
  extensions?: unknown;
}): ErrorLogEntry | undefined {
  const formatted: GraphQLFormattedError = {
    message: error.message,
    extensions: (error.extensions ?? {}) as Record<string, unknown>,
  };
  return describe(formatted, error).log;
}
