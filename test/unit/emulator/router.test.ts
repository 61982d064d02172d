import { operationSpec, OPERATION_NAMES } from '../../../src/constraints/table';
import { AwsServiceError } from '../../../src/emulator/errors';
import type { EmulatorRequest } from '../../../src/emulator/protocol';
import { matchRoute, parseQuery, readInput } from '../../../src/emulator/router';

const UUID = 'a1b2c3d4-0000-4000-8000-000000000001';
const ARN = `arn:aws:cleanrooms:us-east-1:222222222222:membership/${UUID}`;

function request(
  method: string,
  path: string,
  query = '',
  body: string | Buffer = '',
): EmulatorRequest {
  return { method, path, query, headers: {}, body: Buffer.from(body) };
}

function thrown(fn: () => unknown): AwsServiceError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AwsServiceError);
    return error as AwsServiceError;
  }
  throw new Error('expected an AwsServiceError');
}

describe('matchRoute', () => {
  it.each([
    ['POST', '/collaborations', 'CreateCollaboration', {}],
    ['GET', `/collaborations/${UUID}`, 'GetCollaboration', { collaborationIdentifier: UUID }],
    ['GET', '/collaborations', 'ListCollaborations', {}],
    ['DELETE', `/collaborations/${UUID}`, 'DeleteCollaboration', { collaborationIdentifier: UUID }],
    ['GET', `/collaborations/${UUID}/members`, 'ListMembers', { collaborationIdentifier: UUID }],
    ['POST', '/memberships', 'CreateMembership', {}],
    ['GET', `/memberships/${UUID}`, 'GetMembership', { membershipIdentifier: UUID }],
    ['PATCH', `/memberships/${UUID}`, 'UpdateMembership', { membershipIdentifier: UUID }],
    ['GET', '/memberships', 'ListMemberships', {}],
    ['DELETE', `/memberships/${UUID}`, 'DeleteMembership', { membershipIdentifier: UUID }],
    ['POST', `/tags/${encodeURIComponent(ARN)}`, 'TagResource', { resourceArn: ARN }],
    ['DELETE', `/tags/${encodeURIComponent(ARN)}`, 'UntagResource', { resourceArn: ARN }],
    ['GET', `/tags/${encodeURIComponent(ARN)}`, 'ListTagsForResource', { resourceArn: ARN }],
  ])('%s %s → %s', (method, path, operation, labels) => {
    expect(matchRoute(method, path)).toEqual({ operation, labels });
  });

  it('covers every operation of the constraint table', () => {
    const routed = OPERATION_NAMES.map((op) => {
      const { method, uri } = operationSpec(op).http;
      const path = uri.replace(/\{[^}]+\}/g, 'x');
      return matchRoute(method, path)?.operation;
    });
    expect(routed).toEqual(OPERATION_NAMES);
  });

  it('matches methods case-insensitively', () => {
    expect(matchRoute('get', '/memberships')?.operation).toBe('ListMemberships');
  });

  it('decodes ARN labels only after splitting the path, so %2F stays inside the label', () => {
    const path = '/tags/arn%3Aaws%3Acleanrooms%3Aus-east-1%3A222222222222%3Amembership%2F' + UUID;
    expect(matchRoute('GET', path)?.labels).toEqual({ resourceArn: ARN });
    // Unencoded `/` splits the ARN into extra segments: no operation matches.
    expect(matchRoute('GET', `/tags/${ARN}`)).toBeUndefined();
  });

  it('decodes a label with %20, %2B and UTF-8 escapes, but not + (a path has no form encoding)', () => {
    expect(matchRoute('GET', '/memberships/a%20b%2Bc%C3%A9+d')?.labels).toEqual({
      membershipIdentifier: 'a b+cé+d',
    });
  });

  it('gives an empty label for a trailing slash (validation then refuses it)', () => {
    expect(matchRoute('GET', '/memberships/')).toEqual({
      operation: 'GetMembership',
      labels: { membershipIdentifier: '' },
    });
  });

  it.each([
    ['PUT', '/memberships'],
    ['POST', `/memberships/${UUID}`],
    ['GET', `/memberships/${UUID}/members`],
    ['GET', '/'],
    ['GET', ''],
    ['GET', '/Memberships'],
    ['GET', '/memberships//x'],
  ])('finds no operation for %s %s', (method, path) => {
    expect(matchRoute(method, path)).toBeUndefined();
  });

  it('answers malformed percent-encoding in a label with SerializationException', () => {
    const error = thrown(() => matchRoute('GET', '/memberships/%E0%A4%A'));
    expect(error.errorType).toBe('SerializationException');
    expect(error.status).toBe(400);
  });
});

describe('parseQuery', () => {
  it('collects repeated keys in order', () => {
    expect(parseQuery('tagKeys=a&tagKeys=b%20c&tagKeys=x%26y&maxResults=5')).toEqual(
      new Map([
        ['tagKeys', ['a', 'b c', 'x&y']],
        ['maxResults', ['5']],
      ]),
    );
  });

  it('reads both %20 and + as a space, and %2B as a plus', () => {
    expect(parseQuery('k=a%20b+c%2Bd')).toEqual(new Map([['k', ['a b c+d']]]));
  });

  it('decodes keys, and keeps keys without a value or "="', () => {
    expect(parseQuery('next%54oken=1&flag&empty=')).toEqual(
      new Map([
        ['nextToken', ['1']],
        ['flag', ['']],
        ['empty', ['']],
      ]),
    );
  });

  it('ignores empty parts and an empty string', () => {
    expect(parseQuery('')).toEqual(new Map());
    expect(parseQuery('&&a=1&')).toEqual(new Map([['a', ['1']]]));
  });

  it('splits on the first "=" only', () => {
    expect(parseQuery('nextToken=abc==')).toEqual(new Map([['nextToken', ['abc==']]]));
  });

  it('refuses malformed percent-encoding', () => {
    expect(thrown(() => parseQuery('a=%ZZ')).errorType).toBe('SerializationException');
  });
});

describe('readInput', () => {
  it('merges labels, query members (lists repeated) and typed integers', () => {
    const match = matchRoute('DELETE', `/tags/${encodeURIComponent(ARN)}`);
    expect(readInput(match!, request('DELETE', '', 'tagKeys=a&tagKeys=b%20c&ignored=1'))).toEqual({
      resourceArn: ARN,
      tagKeys: ['a', 'b c'],
    });
    const list = matchRoute('GET', '/memberships');
    expect(readInput(list!, request('GET', '', 'maxResults=20&status=ACTIVE&nextToken=t'))).toEqual(
      {
        maxResults: 20,
        status: 'ACTIVE',
        nextToken: 't',
      },
    );
  });

  it('treats an empty nextToken as absent', () => {
    const match = matchRoute('GET', '/memberships');
    expect(readInput(match!, request('GET', '', 'nextToken='))).toEqual({});
  });

  it.each(['abc', '1.5', '1e2', '', '9'.repeat(16)])(
    'refuses maxResults=%s as not an integer (SerializationException)',
    (value) => {
      const match = matchRoute('GET', '/collaborations');
      const error = thrown(() => readInput(match!, request('GET', '', `maxResults=${value}`)));
      expect(error.errorType).toBe('SerializationException');
    },
  );

  it('reads body members by their model names and drops unknown ones', () => {
    const match = matchRoute('PATCH', `/memberships/${UUID}`);
    const body = JSON.stringify({ queryLogStatus: 'ENABLED', membershipIdentifier: 'x', bogus: 1 });
    expect(readInput(match!, request('PATCH', '', '', body))).toEqual({
      membershipIdentifier: UUID,
      queryLogStatus: 'ENABLED',
    });
  });

  it('reads an empty body as {}', () => {
    const match = matchRoute('POST', '/memberships');
    expect(readInput(match!, request('POST', '', '', ''))).toEqual({});
  });

  it.each([
    ['malformed JSON', '{"a":'],
    ['an array', '[]'],
    ['a string', '"x"'],
    ['null', 'null'],
    ['a number', '42'],
  ])('refuses %s as the body (SerializationException)', (_kind, body) => {
    const match = matchRoute('POST', '/memberships');
    const error = thrown(() => readInput(match!, request('POST', '', '', body)));
    expect(error.errorType).toBe('SerializationException');
    expect(error.status).toBe(400);
  });

  it('ignores any body on operations without body members', () => {
    const match = matchRoute('GET', `/memberships/${UUID}`);
    expect(readInput(match!, request('GET', '', '', 'not json'))).toEqual({
      membershipIdentifier: UUID,
    });
  });
});
