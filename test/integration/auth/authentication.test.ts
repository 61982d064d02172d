/**
 * AUTH_MODE=jwt through HTTP with a local identity provider: every way a token can be missing or
 * wrong is an HTTP 401 UNAUTHENTICATED before anything executes (zero AWS calls, a Bearer
 * challenge), a valid token is served, and the verified subject and client name are in the
 * request's log lines.
 */
import { createHmac } from 'node:crypto';
import { UnsecuredJWT } from 'jose';
import { capturingLogger, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { IDS } from '../../helpers/gateway-expect';
import {
  AUDIENCE,
  ISSUER,
  startIdentityProvider,
  jwtEnv,
  type IdentityProvider,
} from '../../helpers/identity-provider';

const QUERY = '{ memberships { nodes { id } } }';
const READ = { scope: 'cleanrooms:read' };

let idp: IdentityProvider;
let gw: TestGateway;
const logs = capturingLogger();

beforeAll(async () => {
  idp = await startIdentityProvider();
  gw = await startTestGateway({
    env: jwtEnv(idp),
    logger: logs.logger,
  });
});
afterAll(async () => {
  await gw.close();
  await idp.close();
});
beforeEach(() => {
  gw.resetCalls();
  gw.emulator.faults.clear();
});

async function post(headers: Record<string, string>, query = QUERY) {
  const response = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    challenge: response.headers.get('www-authenticate'),
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    },
  };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** An HS256 token whose secret is the RSA public key: the classic algorithm-confusion forgery. */
function hmacWithPublicKey(): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ alg: 'HS256', typ: 'JWT', kid: idp.rsa.kid });
  const payload = encode({ ...READ, sub: 'attacker', iss: ISSUER, aud: AUDIENCE, exp: now + 300 });
  const secret = JSON.stringify(idp.rsa.publicJwk);
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

describe('refused before anything executes', () => {
  const cases: Array<
    [string, () => Promise<Record<string, string>> | Record<string, string>, string]
  > = [
    ['no Authorization header', () => ({}), 'missing_token'],
    ['a Basic credential', () => ({ authorization: 'Basic dXNlcjpwYXNz' }), 'malformed'],
    ['a token that is not a JWT', () => bearer('not.a.jwt'), 'malformed'],
    ['an expired token', async () => bearer(await idp.mint(READ, { expiresIn: -120 })), 'expired'],
    [
      'a token not valid yet',
      async () => bearer(await idp.mint(READ, { notBefore: 600 })),
      'not_yet_valid',
    ],
    [
      'a token from another issuer',
      async () => bearer(await idp.mint(READ, { issuer: 'https://evil.example/' })),
      'wrong_issuer',
    ],
    [
      'a token for another audience',
      async () => bearer(await idp.mint(READ, { audience: 'some-other-api' })),
      'wrong_audience',
    ],
    [
      'a token signed by a key the JWKS does not hold (same kid)',
      async () => bearer(await idp.mint(READ, { key: idp.stranger })),
      'bad_signature',
    ],
    [
      'a token with an unknown key id',
      async () => bearer(await idp.mint(READ, { kid: 'rotated-away' })),
      'unknown_key',
    ],
    [
      'an unsigned token (alg: none)',
      () =>
        bearer(
          new UnsecuredJWT({ ...READ, sub: 'attacker' })
            .setIssuer(ISSUER)
            .setAudience(AUDIENCE)
            .setExpirationTime('5m')
            .encode(),
        ),
      'algorithm_not_allowed',
    ],
    ['HMAC signed with the public key', () => bearer(hmacWithPublicKey()), 'algorithm_not_allowed'],
  ];

  it.each(cases)(
    'refuses %s: HTTP 401, UNAUTHENTICATED, zero AWS calls',
    async (_name, headers, reason) => {
      const { status, challenge, requestId, body } = await post(await headers());
      expect(status).toBe(401);
      expect(challenge).toMatch(/^Bearer realm="cleanrooms-gateway"/);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(gw.totalCalls()).toBe(0);
      // The reason is logged for the operator, the token never.
      const line = logs.lines.find((l) => l.requestId === requestId);
      expect(line).toMatchObject({ msg: 'request not authenticated', reason });
      expect(JSON.stringify(logs.lines)).not.toMatch(/eyJ[\w-]{10,}\./);
    },
  );

  it('refuses a bad token even for a query with a syntax error (nothing is parsed first)', async () => {
    const { status } = await post({}, '{ memberships {');
    expect(status).toBe(401);
  });
});

describe('valid tokens', () => {
  it('serves an RS256 token with the read scope', async () => {
    const { status, body } = await post(bearer(await idp.mint(READ)));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(gw.calls()).toEqual({ ListMemberships: 1 });
  });

  it('serves an ES256 token with scopes in `scp`', async () => {
    const token = await idp.mint({ scp: ['cleanrooms:read'] }, { key: idp.ec });
    const { status, body } = await post(bearer(token));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('accepts a token that expired within the clock tolerance (60 s by default)', async () => {
    const { status } = await post(bearer(await idp.mint(READ, { expiresIn: -30 })));
    expect(status).toBe(200);
  });

  it('puts the verified subject and the client name in the request log lines', async () => {
    gw.emulator.faults.add({ operation: 'GetMembership', errorType: 'InternalServerException' });
    const token = await idp.mint({ ...READ, sub: 'analyst-42' });
    const { requestId } = await post(
      { ...bearer(token), 'apollographql-client-name': 'audience-planner' },
      `{ membership(id: "${IDS.acmeRetailMembership}") { queryLogStatus } }`,
    );
    const line = logs.lines.find((l) => l.requestId === requestId && l.msg === 'AWS call failed');
    expect(line).toMatchObject({ subject: 'analyst-42', clientName: 'audience-planner' });
  });

  it('fetched the JWKS once for all of these requests (cached)', () => {
    expect(idp.fetches()).toBe(1);
  });
});
