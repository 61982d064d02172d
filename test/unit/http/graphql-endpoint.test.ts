import type { IncomingMessage } from 'node:http';
import { clientAddress, isGraphqlPost } from '../../../src/http/graphql-endpoint';

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

describe('which requests the lean GraphQL endpoint serves', () => {
  it.each(['/graphql', '/', '/GraphQL', '/graphql/', '/graphql?x=1', '/?operationName=A'])(
    'POST %s',
    (url) => expect(isGraphqlPost(request('POST', url))).toBe(true),
  );

  it.each([
    ['GET', '/graphql'],
    ['OPTIONS', '/graphql'],
    ['POST', '/graphiql'],
    ['POST', '/graphql/x'],
    ['POST', '/_emulator/faults'],
    ['POST', '/health/ready'],
  ])('not %s %s (Express serves it)', (method, url) =>
    expect(isGraphqlPost(request(method, url))).toBe(false),
  );
});

describe('the client address, as Express`s trust proxy computes it', () => {
  const from = (remoteAddress: string, forwarded?: string) =>
    ({
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
      socket: { remoteAddress },
      connection: { remoteAddress },
    }) as unknown as IncomingMessage;

  it('ignores X-Forwarded-For unless a proxy is trusted', () => {
    expect(clientAddress(false)(from('10.0.0.5', '203.0.113.9'))).toBe('10.0.0.5');
  });

  it('takes the entry the trusted hops name', () => {
    expect(clientAddress(1)(from('10.0.0.5', '198.51.100.1, 203.0.113.9'))).toBe('203.0.113.9');
    expect(clientAddress(2)(from('10.0.0.5', '198.51.100.1, 203.0.113.9'))).toBe('198.51.100.1');
    expect(clientAddress(true)(from('10.0.0.5', '198.51.100.1, 203.0.113.9'))).toBe('198.51.100.1');
  });

  it('trusts only the listed subnets', () => {
    const address = clientAddress(['10.0.0.0/8']);
    expect(address(from('10.0.0.5', '203.0.113.9'))).toBe('203.0.113.9');
    expect(address(from('192.0.2.7', '203.0.113.9'))).toBe('192.0.2.7');
  });
});
