/**
 * Failures of AWS calls as one typed error. The SDK reports them in several shapes (modeled
 * exception classes, `CleanRoomsServiceException` with an unknown name, a bare `SyntaxError`
 * for non-JSON bodies, network and timeout errors); `toUpstreamError` turns every one of them
 * into an `UpstreamError` that keeps the AWS error type and request id.
 */

export interface UpstreamErrorDetails {
  reason?: string;
  fieldList?: Array<{ name: string; message: string }>;
  resourceId?: string;
  resourceType?: string;
  quotaName?: string;
  quotaValue?: number;
}

export class UpstreamError extends Error {
  constructor(
    /** AWS error name (`ConflictException`), or `NetworkError` / `DeserializationError`. */
    readonly errorType: string,
    message: string,
    readonly operation: string,
    readonly requestId: string | undefined,
    readonly httpStatus: number | undefined,
    readonly details: UpstreamErrorDetails = {},
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $fault?: unknown;
  reason?: unknown;
  fieldList?: unknown;
  resourceId?: unknown;
  resourceType?: unknown;
  quotaName?: unknown;
  quotaValue?: unknown;
}

/**
 * AWS's answers (and the SDK's own failure) when the gateway's credentials are missing, invalid
 * or expired: a misconfiguration of the deployment, not a passing outage or the client's fault.
 */
const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'ExpiredTokenException',
  'ExpiredToken',
  'RequestExpired',
  'InvalidAccessKeyId',
  'AuthFailure',
]);

export function isCredentialError(errorType: string): boolean {
  return CREDENTIAL_ERRORS.has(errorType);
}

const asString = (v: unknown) => (typeof v === 'string' ? v : undefined);

function fieldList(value: unknown): UpstreamErrorDetails['fieldList'] {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((f): f is { name: unknown; message: unknown } => typeof f === 'object' && f !== null)
    .map((f) => ({ name: String(f.name ?? ''), message: String(f.message ?? '') }));
}

export function toUpstreamError(error: unknown, operation: string): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const metadata = e.$metadata;
  const message = asString(e.message) ?? 'AWS request failed';
  const name = asString(e.name) ?? 'Error';
  if (name === 'RateLimitedLocally') {
    // The fleet's own rate limiter refused to send it: nothing reached AWS.
    return new UpstreamError(name, message, operation, undefined, undefined);
  }
  if (name === 'CredentialsProviderError') {
    // The SDK found no usable credentials before sending anything.
    return new UpstreamError(name, message, operation, undefined, undefined);
  }
  if (!metadata || metadata.httpStatusCode === undefined) {
    // No HTTP response at all: connection refused, DNS, timeout, aborted.
    return new UpstreamError('NetworkError', message, operation, undefined, undefined);
  }
  if (name === 'SyntaxError' || e.$fault === undefined) {
    // A response that was not the JSON the protocol promises (e.g. a proxy's HTML page).
    return new UpstreamError(
      'DeserializationError',
      message,
      operation,
      metadata.requestId,
      metadata.httpStatusCode,
    );
  }
  const quotaValue = typeof e.quotaValue === 'number' ? e.quotaValue : Number(e.quotaValue);
  return new UpstreamError(name, message, operation, metadata.requestId, metadata.httpStatusCode, {
    reason: asString(e.reason),
    fieldList: fieldList(e.fieldList),
    resourceId: asString(e.resourceId),
    resourceType: asString(e.resourceType),
    quotaName: asString(e.quotaName),
    quotaValue: Number.isFinite(quotaValue) ? quotaValue : undefined,
  });
}
