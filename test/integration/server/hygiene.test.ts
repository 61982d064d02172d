/**
 * Browser-facing HTTP hygiene: no cross-origin access unless CORS_ORIGINS lists the origin
 * (preflight included), security headers on every answer, and a strict Content Security Policy
 * in production, where only JSON is served.
 */
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

const APP = 'https://app.example.com';

async function preflight(gw: TestGateway, origin: string) {
  return fetch(gw.url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization',
    },
  });
}

describe('CORS', () => {
  let closed: TestGateway;
  let open: TestGateway;
  beforeAll(async () => {
    closed = await startTestGateway();
    open = await startTestGateway({ env: { CORS_ORIGINS: `${APP},http://localhost:3000` } });
  });
  afterAll(async () => {
    await closed.close();
    await open.close();
  });

  it('allows no origin by default', async () => {
    const response = await preflight(closed, APP);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const post = await closed.gql('{ __typename }', undefined, { origin: APP });
    expect(post.status).toBe(200);
    expect(closed.totalCalls()).toBe(0);
  });

  it('allows a listed origin, with the headers a GraphQL client sends', async () => {
    const response = await preflight(open, APP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const post = await fetch(open.url, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBe(APP);
    expect(post.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('refuses an origin that is not listed', async () => {
    const response = await preflight(open, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers', () => {
  let development: TestGateway;
  let production: TestGateway;
  beforeAll(async () => {
    development = await startTestGateway();
    production = await startTestGateway({
      env: { NODE_ENV: 'production', CLEANROOMS_BACKEND: 'embedded', AUTH_MODE: 'none' },
    });
  });
  afterAll(async () => {
    await development.close();
    await production.close();
  });

  it('sends the usual protections on every answer', async () => {
    for (const gw of [development, production]) {
      const response = await fetch(gw.url.replace(/\/graphql$/, '/health/live'));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('has a strict Content Security Policy in production only', async () => {
    const prod = await fetch(production.url.replace(/\/graphql$/, '/health/live'));
    expect(prod.headers.get('content-security-policy')).toBe(
      "default-src 'none';frame-ancestors 'none'",
    );
    // Development serves the explorers, whose pages carry their own policies.
    const dev = await fetch(development.url.replace(/\/graphql$/, '/health/live'));
    expect(dev.headers.get('content-security-policy')).toBeNull();
  });
});
