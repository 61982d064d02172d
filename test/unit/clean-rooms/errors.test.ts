/**
 * `toUpstreamError`: every shape in which the SDK reports a failed call becomes one
 * `UpstreamError` that keeps the AWS error type, request id, HTTP status and modeled members.
 */
import {
  AccessDeniedException,
  CleanRoomsServiceException,
  ConflictException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-cleanrooms';
import { toUpstreamError, UpstreamError } from '../../../src/clean-rooms/errors';

const metadata = (httpStatusCode: number, requestId = 'req-123') => ({
  httpStatusCode,
  requestId,
  attempts: 1,
  totalRetryDelay: 0,
});

describe('toUpstreamError', () => {
  it('keeps the type, request id, status and members of a modeled SDK exception', () => {
    const sdkError = new ResourceNotFoundException({
      message: 'Membership e0000000-0000-4000-8000-0000000000ff not found',
      $metadata: metadata(404),
      resourceId: 'e0000000-0000-4000-8000-0000000000ff',
      resourceType: 'MEMBERSHIP',
    });
    const error = toUpstreamError(sdkError, 'GetMembership');
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      errorType: 'ResourceNotFoundException',
      message: 'Membership e0000000-0000-4000-8000-0000000000ff not found',
      operation: 'GetMembership',
      requestId: 'req-123',
      httpStatus: 404,
      details: {
        resourceId: 'e0000000-0000-4000-8000-0000000000ff',
        resourceType: 'MEMBERSHIP',
      },
    });
  });

  it('keeps the field list and reason of a ValidationException', () => {
    const error = toUpstreamError(
      new ValidationException({
        message: '1 validation error detected',
        $metadata: metadata(400),
        reason: 'FIELD_VALIDATION_FAILED',
        fieldList: [{ name: 'queryLogStatus', message: 'Member must satisfy enum value set' }],
      }),
      'CreateMembership',
    );
    expect(error).toMatchObject({
      errorType: 'ValidationException',
      httpStatus: 400,
      details: {
        reason: 'FIELD_VALIDATION_FAILED',
        fieldList: [{ name: 'queryLogStatus', message: 'Member must satisfy enum value set' }],
      },
    });
  });

  it('keeps the quota of a ServiceQuotaExceededException, numeric even when sent as text', () => {
    const numeric = toUpstreamError(
      new ServiceQuotaExceededException({
        message: 'quota',
        $metadata: metadata(402),
        quotaName: 'Maximum number of members per collaboration',
        quotaValue: 5,
      }),
      'CreateCollaboration',
    );
    expect(numeric.details).toMatchObject({
      quotaName: 'Maximum number of members per collaboration',
      quotaValue: 5,
    });
    const text = toUpstreamError(
      Object.assign(
        new ServiceQuotaExceededException({
          message: 'quota',
          $metadata: metadata(402),
          quotaName: 'Q',
          quotaValue: 0,
        }),
        { quotaValue: '7' },
      ),
      'CreateCollaboration',
    );
    expect(text.details.quotaValue).toBe(7);
    const garbage = toUpstreamError(
      Object.assign(
        new ServiceQuotaExceededException({
          message: 'quota',
          $metadata: metadata(402),
          quotaName: 'Q',
          quotaValue: 0,
        }),
        { quotaValue: 'many' },
      ),
      'CreateCollaboration',
    );
    expect(garbage.details.quotaValue).toBeUndefined();
  });

  it.each([
    [
      'AccessDeniedException',
      new AccessDeniedException({ message: 'no', $metadata: metadata(403) }),
      403,
    ],
    ['ConflictException', new ConflictException({ message: 'dup', $metadata: metadata(409) }), 409],
    [
      'ThrottlingException',
      new ThrottlingException({ message: 'slow', $metadata: metadata(429) }),
      429,
    ],
  ])('keeps the type of %s', (errorType, sdkError, status) => {
    expect(toUpstreamError(sdkError, 'GetCollaboration')).toMatchObject({
      errorType,
      httpStatus: status,
      requestId: 'req-123',
    });
  });

  it('keeps the name of an exception newer than the SDK model', () => {
    const sdkError = new CleanRoomsServiceException({
      name: 'ServiceUnavailableException',
      $fault: 'server',
      $metadata: metadata(503),
      message: 'try later',
    });
    expect(toUpstreamError(sdkError, 'ListMemberships')).toMatchObject({
      errorType: 'ServiceUnavailableException',
      httpStatus: 503,
      requestId: 'req-123',
    });
  });

  it('reads a SyntaxError with response metadata as a DeserializationError', () => {
    // What the SDK throws when a proxy answers HTML instead of the protocol's JSON.
    const sdkError = Object.assign(
      new SyntaxError('Unexpected token \'<\', "<html>" is not valid JSON'),
      {
        $metadata: metadata(502, 'proxy-1'),
      },
    );
    const error = toUpstreamError(sdkError, 'GetMembership');
    expect(error).toMatchObject({
      errorType: 'DeserializationError',
      operation: 'GetMembership',
      requestId: 'proxy-1',
      httpStatus: 502,
      details: {},
    });
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('reads an error with metadata but no $fault as a DeserializationError', () => {
    const error = toUpstreamError(
      Object.assign(new Error('Expected a string'), { $metadata: metadata(200) }),
      'GetMembership',
    );
    expect(error.errorType).toBe('DeserializationError');
  });

  it.each([
    [
      'a connection error',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4599'), { code: 'ECONNREFUSED' }),
    ],
    ['a timeout', Object.assign(new Error('Request timed out'), { name: 'TimeoutError' })],
    [
      'an abort with empty metadata',
      Object.assign(new Error('aborted'), { name: 'AbortError', $metadata: {} }),
    ],
  ])('reads %s (no HTTP response) as a NetworkError without request id', (_name, sdkError) => {
    const error = toUpstreamError(sdkError, 'ListCollaborations');
    expect(error).toMatchObject({
      errorType: 'NetworkError',
      message: sdkError.message,
      operation: 'ListCollaborations',
      requestId: undefined,
      httpStatus: undefined,
      details: {},
    });
  });

  it('reads a thrown non-error value as a NetworkError with a generic message', () => {
    expect(toUpstreamError('boom', 'GetMembership')).toMatchObject({
      errorType: 'NetworkError',
      message: 'AWS request failed',
    });
    expect(toUpstreamError(undefined, 'GetMembership').errorType).toBe('NetworkError');
  });

  it('passes an UpstreamError through unchanged', () => {
    const original = new UpstreamError(
      'DeserializationError',
      'no id',
      'GetMembership',
      undefined,
      undefined,
    );
    expect(toUpstreamError(original, 'ListMemberships')).toBe(original);
  });
});
