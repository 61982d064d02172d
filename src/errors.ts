/**
 * Every error a client can see goes through here, once (`formatError`): it gets a stable
 * `extensions.code` from interface.md, AWS errors keep `extensions.aws = { errorType, requestId }`,
 * validation errors list `extensions.fields = [{ path, message }]`, and unexpected errors become
 * INTERNAL_SERVER_ERROR with an id that is logged. No stack traces, credentials or other
 * accounts' ARNs reach clients.
 */
import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { UpstreamError } from './clean-rooms/errors';
import { UpstreamBudgetExceeded } from './clean-rooms/upstream';
import type { Logger } from './logger';
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
};

/** AWS members whose GraphQL argument has another name (connections use first/after). */
const GRAPHQL_NAMES: Record<string, string> = { nextToken: 'after', maxResults: 'first' };

export function codeForAwsError(errorType: string): ErrorCode {
  // Own entries only: a name such as `constructor` (the type comes from a response header) must
  // not pick up Object.prototype members.
  return Object.hasOwn(AWS_CODES, errorType)
    ? (AWS_CODES[errorType] as ErrorCode)
    : 'UPSTREAM_UNAVAILABLE';
}

/** Masks the account id inside ARNs, so messages never disclose other accounts. */
export function maskArns(text: string): string {
  return text.replace(/(arn:aws[\w-]*:[\w-]+:[\w-]*:)\d{12}(:)/g, '$1************$2');
}

function fromUpstream(error: UpstreamError): {
  message: string;
  extensions: Record<string, unknown>;
} {
  const code = codeForAwsError(error.errorType);
  const extensions: Record<string, unknown> = {
    code,
    aws: { errorType: error.errorType, requestId: error.requestId ?? null },
  };
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
  const message =
    code === 'UPSTREAM_UNAVAILABLE'
      ? `Clean Rooms could not be reached or failed (${error.errorType}); try again later`
      : maskArns(error.message);
  return { message, extensions };
}

/** Apollo Server's `formatError`: the single mapping from thrown errors to client errors. */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
    };

    if (original instanceof ArgumentValidationError) {
      const fields = flattenValidationErrors(original.extensions.validationErrors);
      return { ...base, message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } };
    }
    if (original instanceof UpstreamError) {
      const { message, extensions } = fromUpstream(original);
      if (extensions.code === 'UPSTREAM_UNAVAILABLE') {
        logger.warn({ err: original, operation: original.operation }, 'AWS call failed');
      }
      return { ...base, message, extensions };
    }
    if (original instanceof UpstreamBudgetExceeded) {
      return {
        ...base,
        message: original.message,
        extensions: { code: 'BAD_USER_INPUT', fields: [] },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      // Errors GraphQL or Apollo raised with a code of their own (parse, validation, variables).
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions: { ...extensions, code } };
    }
    const errorId = randomUUID();
    logger.error({ err: original, errorId }, 'unexpected error while serving a request');
    return {
      ...base,
      message: `Internal server error (reference ${errorId})`,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}
