/**
 * The client-facing error mapping: AWS error types → codes, ARN masking, validation trees →
 * dotted field paths, and the formatter that every error passes through once (no stack traces,
 * INTERNAL_SERVER_ERROR only for unexpected errors, with a logged reference).
 */
import type { ValidationError } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { UpstreamError } from '../../src/clean-rooms/errors';
import { UpstreamBudgetExceeded } from '../../src/clean-rooms/upstream';
import {
  codeForAwsError,
  errorLogEntry,
  ERROR_CODES,
  formatError,
  maskArns,
} from '../../src/errors';

describe('codeForAwsError', () => {
  it.each([
    ['ValidationException', 'BAD_USER_INPUT'],
    ['ResourceNotFoundException', 'NOT_FOUND'],
    ['AccessDeniedException', 'FORBIDDEN'],
    ['ConflictException', 'CONFLICT'],
    ['ServiceQuotaExceededException', 'SERVICE_QUOTA_EXCEEDED'],
    ['ThrottlingException', 'THROTTLED'],
    ['InternalServerException', 'UPSTREAM_UNAVAILABLE'],
  ])('maps %s to %s', (errorType, code) => {
    expect(codeForAwsError(errorType)).toBe(code);
  });

  it.each([
    'NetworkError',
    'DeserializationError',
    'ServiceUnavailableException',
    'SomethingNewException',
    'validationexception',
    '',
    // Names that exist on every JavaScript object must not be taken for table entries.
    'constructor',
    'toString',
    '__proto__',
    'hasOwnProperty',
  ])('maps the unknown name %j to UPSTREAM_UNAVAILABLE', (errorType) => {
    expect(codeForAwsError(errorType)).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('only ever answers codes of the contract', () => {
    for (const name of ['ValidationException', 'X', 'valueOf', 'isPrototypeOf']) {
      expect(ERROR_CODES).toContain(codeForAwsError(name));
    }
  });
});

describe('maskArns', () => {
  it.each([
    [
      'Resource arn:aws:cleanrooms:us-east-1:111111111111:membership/e0000000-0000-4000-8000-000000000001 not found',
      'Resource arn:aws:cleanrooms:us-east-1:************:membership/e0000000-0000-4000-8000-000000000001 not found',
    ],
    [
      'Role arn:aws:iam::123456789012:role/Results cannot be assumed',
      'Role arn:aws:iam::************:role/Results cannot be assumed',
    ],
    [
      'arn:aws-cn:cleanrooms:cn-north-1:222222222222:collaboration/x and arn:aws-us-gov:iam::333333333333:role/y',
      'arn:aws-cn:cleanrooms:cn-north-1:************:collaboration/x and arn:aws-us-gov:iam::************:role/y',
    ],
  ])('masks the account of every ARN in %j', (text, masked) => {
    expect(maskArns(text)).toBe(masked);
  });

  it.each([
    'Membership e0000000-0000-4000-8000-000000000001 not found',
    'Account 111111111111 is not a member',
    'arn:aws:s3:::acme-results/prefix',
    '',
  ])('leaves text without an account inside an ARN unchanged: %j', (text) => {
    expect(maskArns(text)).toBe(text);
  });
});

/** A class-validator error node (only the members the flattener reads). */
function node(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return { property, constraints, children } as ValidationError;
}

describe('formatError', () => {
  const format = formatError;

  /** What Apollo hands formatError for an error thrown by the resolver at `path`. */
  function resolverError(original: Error, path = ['membership']): [GraphQLFormattedError, unknown] {
    const wrapped = new GraphQLError(original.message, { path, originalError: original });
    return [wrapped.toJSON(), wrapped];
  }

  const upstream = (errorType: string, message: string, details = {}) =>
    new UpstreamError(errorType, message, 'GetMembership', 'req-1', 400, details);

  it('masks ARNs in AWS messages and in their field messages', () => {
    const formatted = format(
      ...resolverError(
        upstream('ValidationException', 'Role arn:aws:iam::111111111111:role/X is not assumable', {
          reason: 'FIELD_VALIDATION_FAILED',
          fieldList: [
            { name: 'roleArn', message: 'arn:aws:iam::111111111111:role/X is not assumable' },
          ],
        }),
      ),
    );
    expect(formatted).toEqual({
      message: 'Role arn:aws:iam::************:role/X is not assumable',
      path: ['membership'],
      locations: undefined,
      extensions: {
        code: 'BAD_USER_INPUT',
        aws: { errorType: 'ValidationException', requestId: 'req-1' },
        fields: [{ path: 'roleArn', message: 'arn:aws:iam::************:role/X is not assumable' }],
        reason: 'FIELD_VALIDATION_FAILED',
      },
    });
  });

  it('gives AWS errors without a request id a null requestId', () => {
    const error = new UpstreamError(
      'NetworkError',
      'connect ECONNREFUSED 10.0.0.1:443',
      'GetMembership',
      undefined,
      undefined,
    );
    const formatted = format(...resolverError(error));
    expect(formatted.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      aws: { errorType: 'NetworkError', requestId: null },
    });
    // Internals (addresses, SDK messages) stay in the logs.
    expect(formatted.message).toBe(
      'Clean Rooms could not be reached or failed (NetworkError); try again later',
    );
  });

  it('keeps the useful members of each AWS exception', () => {
    expect(
      format(
        ...resolverError(
          upstream('ServiceQuotaExceededException', 'quota', { quotaName: 'Q', quotaValue: 5 }),
        ),
      ).extensions,
    ).toMatchObject({ code: 'SERVICE_QUOTA_EXCEEDED', quotaName: 'Q', quotaValue: 5 });
    expect(
      format(...resolverError(upstream('ServiceQuotaExceededException', 'quota'))).extensions,
    ).toMatchObject({ quotaName: null, quotaValue: null });
    expect(
      format(
        ...resolverError(upstream('ConflictException', 'exists', { reason: 'ALREADY_EXISTS' })),
      ).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXISTS' });
    expect(
      format(
        ...resolverError(
          upstream('ResourceNotFoundException', 'gone', { resourceType: 'MEMBERSHIP' }),
        ),
      ).extensions,
    ).toMatchObject({ code: 'NOT_FOUND', resourceType: 'MEMBERSHIP' });
  });

  it('turns our argument validation into BAD_USER_INPUT with field paths', () => {
    // type-graphql validates the input object itself: paths are relative to it.
    const validation = new ArgumentValidationError([
      node('tags', { tagList: 'duplicate key' }),
      node('defaultResultConfiguration', undefined, [
        node('roleArn', { awsConstraint: 'Member must have length greater than or equal to 32' }),
      ]),
    ]);
    const formatted = format(...resolverError(validation, ['createMembership']));
    expect(formatted.message).toBe('Invalid input');
    expect(formatted.path).toEqual(['createMembership']);
    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        { path: 'tags', message: 'duplicate key' },
        {
          path: 'defaultResultConfiguration.roleArn',
          message: 'Member must have length greater than or equal to 32',
        },
      ],
    });
  });

  it('answers a call budget overrun with BAD_USER_INPUT', () => {
    const formatted = format(...resolverError(new UpstreamBudgetExceeded(250)));
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [] });
    expect(formatted.message).toMatch(/more than 250 AWS calls/);
  });

  it('keeps the code of GraphQL and Apollo errors and drops their stack trace', () => {
    const formatted = format(
      {
        message: 'Syntax Error: Expected Name, found <EOF>.',
        extensions: { code: 'GRAPHQL_PARSE_FAILED', stacktrace: ['GraphQLError: ...', '    at x'] },
      },
      new GraphQLError('Syntax Error: Expected Name, found <EOF>.'),
    );
    expect(formatted).toEqual({
      message: 'Syntax Error: Expected Name, found <EOF>.',
      locations: undefined,
      path: undefined,
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('hides an unexpected error behind INTERNAL_SERVER_ERROR with a logged reference', () => {
    const bug = new TypeError(
      "Cannot read properties of undefined (reading 'id') at arn:aws:iam::111111111111:role/X",
    );
    const [formattedInput, error] = resolverError(bug);
    const formatted = format(formattedInput, error);
    const errorId = (formatted.extensions as { errorId: string }).errorId;
    expect(formatted).toEqual({
      message: `Internal server error (reference ${errorId})`,
      path: ['membership'],
      locations: undefined,
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    });
    // The log entry names the same reference and keeps the error itself for the operator.
    const entry = errorLogEntry(error as GraphQLError);
    expect(entry).toMatchObject({ level: 'error', fields: { errorId, err: bug } });
    // The same error always gets the same reference.
    expect(format(formattedInput, error).extensions?.errorId).toBe(errorId);
  });

  it('answers FORBIDDEN with a generic message: the IAM details go to the log only', () => {
    const iam =
      'User: arn:aws:sts::111111111111:assumed-role/GatewayRole/i-0abc is not authorized to perform: cleanrooms:GetMembership because no identity-based policy allows it';
    const [formattedInput, error] = resolverError(upstream('AccessDeniedException', iam));
    const formatted = format(formattedInput, error);
    expect(formatted.extensions).toEqual({
      code: 'FORBIDDEN',
      aws: { errorType: 'AccessDeniedException', requestId: 'req-1' },
    });
    expect(formatted.message).not.toMatch(/GatewayRole|policy|arn:/);
    expect(errorLogEntry(error as GraphQLError)).toMatchObject({
      level: 'warn',
      fields: { awsMessage: iam, awsRequestId: 'req-1', operation: 'GetMembership' },
    });
  });

  it.each([
    'UnrecognizedClientException',
    'InvalidSignatureException',
    'ExpiredTokenException',
    'CredentialsProviderError',
  ])('answers refused gateway credentials (%s) as INTERNAL_SERVER_ERROR, not an outage', (type) => {
    const [formattedInput, error] = resolverError(
      upstream(type, 'The security token included in the request is expired'),
    );
    const formatted = format(formattedInput, error);
    const errorId = formatted.extensions?.errorId;
    expect(formatted.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      aws: { errorType: type, requestId: 'req-1' },
    });
    expect(formatted.message).toBe(
      `The gateway could not authenticate to AWS Clean Rooms (reference ${String(errorId)})`,
    );
    expect(errorLogEntry(error as GraphQLError)).toMatchObject({
      level: 'error',
      fields: { errorId, awsErrorType: type },
    });
  });

  it("logs nothing for the client's own mistakes", () => {
    const [formattedInput, error] = resolverError(
      upstream('ValidationException', 'bad', { reason: 'FIELD_VALIDATION_FAILED' }),
    );
    expect(format(formattedInput, error).extensions?.code).toBe('BAD_USER_INPUT');
    expect(errorLogEntry(error as GraphQLError)).toBeUndefined();
  });

  it('never answers a stacktrace extension, whatever the error', () => {
    const errors: Array<[GraphQLFormattedError, unknown]> = [
      resolverError(new Error('boom')),
      resolverError(upstream('ThrottlingException', 'slow down')),
      [
        { message: 'x', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at y'] } },
        new GraphQLError('x'),
      ],
      [
        { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at y'] } },
        new GraphQLError('x'),
      ],
    ];
    for (const [formatted, error] of errors) {
      const result = format(formatted, error);
      expect(result.extensions).not.toHaveProperty('stacktrace');
      expect(ERROR_CODES).toContain(result.extensions?.code);
    }
  });
});
