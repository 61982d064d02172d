/**
 * Errors the emulator answers with, shaped like the Clean Rooms service's: a name that goes into
 * `x-amzn-ErrorType`, an HTTP status, and the modeled fields of the exception's JSON body.
 */
import { errorSpec, isErrorName } from '../constraints/table';
import { validationMessage, type Violation } from '../constraints/validate';

export type ResourceType =
  'CONFIGURED_TABLE' | 'COLLABORATION' | 'MEMBERSHIP' | 'CONFIGURED_TABLE_ASSOCIATION';

/** Extra, non-modeled errors that a real AWS front end answers before the service runs. */
const PROTOCOL_ERRORS: ReadonlyMap<string, number> = new Map([
  ['SerializationException', 400],
  ['UnknownOperationException', 404],
  ['RequestEntityTooLargeException', 413],
  ['UnsupportedMediaTypeException', 415],
]);

export class AwsServiceError extends Error {
  readonly status: number;

  constructor(
    readonly errorType: string,
    message: string,
    readonly fields: Record<string, unknown> = {},
    status?: number,
  ) {
    super(message);
    this.name = errorType;
    this.status = status ?? statusOf(errorType);
  }

  /** The JSON body: `message` plus the exception's modeled members. */
  body(): Record<string, unknown> {
    return { message: this.message, ...this.fields };
  }
}

export function statusOf(errorType: string): number {
  if (isErrorName(errorType)) return errorSpec(errorType).httpStatus;
  return PROTOCOL_ERRORS.get(errorType) ?? 500;
}

export function isKnownErrorType(errorType: string): boolean {
  return isErrorName(errorType) || PROTOCOL_ERRORS.has(errorType);
}

export const fail = {
  validation(violations: Violation[]): AwsServiceError {
    return new AwsServiceError('ValidationException', validationMessage(violations), {
      reason: 'FIELD_VALIDATION_FAILED',
      fieldList: violations.map((v) => ({ name: v.path, message: v.message })),
    });
  },
  /** A valid-looking request whose combination of values the service refuses. */
  invalidConfiguration(message: string, field?: string): AwsServiceError {
    return new AwsServiceError('ValidationException', message, {
      reason: 'INVALID_CONFIGURATION',
      ...(field ? { fieldList: [{ name: field, message }] } : {}),
    });
  },
  field(field: string, message: string): AwsServiceError {
    return new AwsServiceError('ValidationException', message, {
      reason: 'FIELD_VALIDATION_FAILED',
      fieldList: [{ name: field, message }],
    });
  },
  serialization(message: string): AwsServiceError {
    return new AwsServiceError('SerializationException', message);
  },
  accessDenied(message: string): AwsServiceError {
    return new AwsServiceError('AccessDeniedException', message, {
      reason: 'INSUFFICIENT_PERMISSIONS',
    });
  },
  notFound(resourceType: ResourceType, resourceId: string, message?: string): AwsServiceError {
    const label = resourceType === 'MEMBERSHIP' ? 'Membership' : 'Collaboration';
    return new AwsServiceError(
      'ResourceNotFoundException',
      message ?? `${label} ${resourceId} not found`,
      { resourceId, resourceType },
    );
  },
  conflict(
    reason: 'ALREADY_EXISTS' | 'SUBRESOURCES_EXIST' | 'INVALID_STATE',
    resourceType: ResourceType,
    resourceId: string,
    message: string,
  ): AwsServiceError {
    return new AwsServiceError('ConflictException', message, { resourceId, resourceType, reason });
  },
  quota(quotaName: string, quotaValue: number): AwsServiceError {
    return new AwsServiceError(
      'ServiceQuotaExceededException',
      `Request would exceed the quota "${quotaName}" (${quotaValue})`,
      { quotaName, quotaValue },
    );
  },
};
