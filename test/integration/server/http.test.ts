/**
 * The HTTP surface around the GraphQL endpoint: health, CSRF prevention (refused before any AWS
 * call), the Sandbox landing page outside production, request ids, 404 and malformed bodies as
 * JSON, no stack traces in errors, the emulator's admin passthrough, and graceful shutdown.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEMO_IDS } from '../../../src/emulator/seed';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

const LIST = '{ memberships { nodes { id status } } }';
const MISSING_MEMBERSHIP = 'e0000000-0000-4000-8000-0000000000ff';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface ErrorBody {
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

let gw: TestGateway;
let base: string;
beforeAll(async () => {
  gw = await startTestGateway();
  base = gw.url.replace(/\/graphql$/, '');
});
afterAll(() => gw.close());
beforeEach(() => gw.resetCalls());

describe('health', () => {
  it('GET /health/live → 200 {status: ok}', async () => {
    const response = await fetch(`${base}/health/live`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(gw.totalCalls()).toBe(0);
  });

  it('GET /health/ready → 200 with the backend', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', backend: 'embedded' });
  });
});

describe('CSRF prevention', () => {
  it('refuses a simple GET (no preflight header, no content-type) before any AWS call', async () => {
    const response = await fetch(`${gw.url}?query=${encodeURIComponent(LIST)}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody & { data?: unknown };
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST' });
    expect(gw.totalCalls()).toBe(0);
  });

  it('serves the same GET with apollo-require-preflight', async () => {
    const response = await fetch(`${gw.url}?query=${encodeURIComponent(LIST)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: { memberships: { nodes: unknown[] } } };
    expect(body.data?.memberships.nodes.length).toBeGreaterThan(0);
    expect(gw.calls()).toEqual({ ListMemberships: 1 });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'])(
    'refuses a POST with content-type %s before any AWS call',
    async (contentType) => {
      const response = await fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: JSON.stringify({ query: LIST }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(gw.totalCalls()).toBe(0);
    },
  );
});

describe('landing page', () => {
  it.each(['/', '/graphql'])('GET %s from a browser → the Sandbox page', async (path) => {
    const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<!DOCTYPE html>/i);
    expect(html).toContain('<div id="embeddableSandbox">');
    expect(gw.totalCalls()).toBe(0);
  });
});

describe('request ids', () => {
  it('echoes a given x-request-id', async () => {
    const response = await fetch(`${base}/health/live`, {
      headers: { 'x-request-id': 'client-req.42:a' },
    });
    expect(response.headers.get('x-request-id')).toBe('client-req.42:a');
  });

  it('generates one when none is given, different per request', async () => {
    const [a, b] = await Promise.all([
      fetch(`${base}/health/live`),
      fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
    ]);
    const ids = [a.headers.get('x-request-id'), b.headers.get('x-request-id')];
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('replaces an unusable one (not a plain token, or too long)', async () => {
    for (const given of ['has spaces in it', 'x'.repeat(129)]) {
      const response = await fetch(`${base}/health/live`, { headers: { 'x-request-id': given } });
      expect(response.headers.get('x-request-id')).toMatch(UUID);
    }
  });
});

describe('errors', () => {
  it('answers an unknown path with 404 JSON', async () => {
    const response = await fetch(`${base}/no/such/path`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: 'not found' });
  });

  it('answers a malformed JSON body with a 400 GraphQL-shaped error, not a stack trace', async () => {
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ memberships { nodes { id } } }",',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'Malformed request body', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(text).not.toMatch(/SyntaxError|at .*\.js|stack/i);
    expect(gw.totalCalls()).toBe(0);
  });

  it.each([
    ['an unsupported charset', { 'content-type': 'application/json; charset=latin1' }, 415],
    [
      'an unsupported content encoding',
      { 'content-type': 'application/json', 'content-encoding': 'zstd-x' },
      415,
    ],
  ])(
    'answers %s with its own status and reason, not "Internal server error"',
    async (_name, headers, status) => {
      const response = await fetch(gw.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: LIST }),
      });
      expect(response.status).toBe(status);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.message).not.toMatch(/internal server error/i);
      expect(body.errors?.[0]?.message).toMatch(/unsupported/i);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
      expect(gw.totalCalls()).toBe(0);
    },
  );

  it('never includes a stacktrace extension (NOT_FOUND, parse and validation errors)', async () => {
    const notFound = await gw.gql(`{ membership(id: "${MISSING_MEMBERSHIP}") { id } }`);
    expect(notFound.status).toBe(200);
    expect(notFound.body.data).toEqual({ membership: null });
    expect(notFound.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const parse = await gw.gql('{ memberships { nodes { id }');
    expect(parse.status).toBe(400);
    expect(parse.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');

    const validation = await gw.gql('{ memberships { nodes { noSuchField } } }');
    expect(validation.status).toBe(400);
    expect(validation.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    for (const { body } of [notFound, parse, validation]) {
      for (const error of body.errors ?? [])
        expect(error.extensions).not.toHaveProperty('stacktrace');
      expect(JSON.stringify(body)).not.toContain('stacktrace');
    }
  });
});

describe('emulator admin passthrough (embedded, outside production)', () => {
  afterEach(() => gw.emulator.faults.clear());

  it('serves /_emulator/stats through the gateway', async () => {
    await gw.gql(`{ membership(id: "${DEMO_IDS.acmeRetailMembership}") { id queryLogStatus } }`);
    const response = await fetch(`${base}/_emulator/stats`);
    expect(response.status).toBe(200);
    const stats = (await response.json()) as { calls: Record<string, number> };
    expect(stats.calls).toEqual({ GetMembership: 1 });
  });

  const FAULT = JSON.stringify({
    operation: 'GetMembership',
    errorType: 'InternalServerException',
  });

  it.each([
    [
      'a text/plain body (what a cross-site form or fetch can send)',
      { 'content-type': 'text/plain' },
      415,
    ],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    [
      'a browser request from another site',
      {
        'content-type': 'application/json',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      403,
    ],
    [
      'an Origin that is not the gateway',
      { 'content-type': 'application/json', origin: 'http://127.0.0.1:1' },
      403,
    ],
  ])('refuses %s, and injects nothing', async (_name, headers, status) => {
    const response = await fetch(`${base}/_emulator/faults`, {
      method: 'POST',
      headers,
      body: FAULT,
    });
    expect(response.status).toBe(status);
    expect(gw.emulator.faults.list()).toEqual([]);
  });

  it('accepts JSON from a non-browser client, and from the same origin', async () => {
    const plain = await fetch(`${base}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: FAULT,
    });
    expect(plain.status).toBe(200);
    const sameOrigin = await fetch(`${base}/_emulator/faults`, {
      method: 'DELETE',
      headers: { origin: new URL(base).origin, 'sec-fetch-site': 'same-origin' },
    });
    expect(sameOrigin.status).toBe(200);
    expect(gw.emulator.faults.list()).toEqual([]);
  });
});

describe('in production', () => {
  let prod: TestGateway;
  let prodBase: string;
  beforeAll(async () => {
    // The embedded backend in production is unusual but explicit: it isolates the HTTP behaviour.
    prod = await startTestGateway({
      env: { NODE_ENV: 'production', CLEANROOMS_BACKEND: 'embedded', AUTH_MODE: 'none' },
    });
    prodBase = prod.url.replace(/\/graphql$/, '');
  });
  afterAll(() => prod?.close());

  it('shows no landing page at all and no emulator admin endpoints', async () => {
    for (const path of ['/', '/graphql']) {
      const landing = await fetch(`${prodBase}${path}`, { headers: { accept: 'text/html' } });
      expect(landing.status).toBe(400);
      expect(landing.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await landing.text();
      expect(text).not.toMatch(/<html|sandbox|apollographql\.com/i);
    }

    const stats = await fetch(`${prodBase}/_emulator/stats`);
    expect(stats.status).toBe(404);
  });

  it.each([
    ['a misspelt root field', '{ membershps { nodes { id } } }'],
    ['a misspelt nested field', '{ memberships { nodes { collaborationNam } } }'],
    ['a misspelt argument', '{ memberships(frist: 2) { nodes { id } } }'],
    ['a misspelt type in a fragment', '{ memberships { nodes { ... on Membershp { id } } } }'],
  ])('gives no "Did you mean" hints about the schema for %s', async (_name, query) => {
    const { status, body } = await prod.gql(query);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/did you mean/i);
    expect(prod.totalCalls()).toBe(0);
  });

  it('refuses introspection', async () => {
    const { status, body } = await prod.gql('{ __schema { queryType { name } } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toContain('stacktrace');
  });
});

describe('graceful shutdown', () => {
  let draining: TestGateway;
  beforeAll(async () => {
    draining = await startTestGateway();
  });
  afterAll(() => draining?.close());

  it('lets an in-flight query finish while stop() is pending, then refuses connections', async () => {
    const { httpServer } = draining.server;
    const { port } = httpServer.address() as AddressInfo;
    draining.emulator.faults.add({ latencyMs: 200 });

    const events: string[] = [];
    const received = new Promise<void>((resolve) =>
      httpServer.once('request', (_req, res) => {
        res.once('finish', () => events.push('response sent'));
        resolve();
      }),
    );
    const slow = draining.gql<{ memberships: { nodes: unknown[] } }>(LIST);
    await received;

    const stopping = draining.server.stop().then(() => events.push('stopped'));
    const { status, body } = await slow;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.memberships.nodes.length).toBeGreaterThan(0);
    await stopping;
    expect(events).toEqual(['response sent', 'stopped']);
    expect(draining.calls()).toEqual({ ListMemberships: 1 });

    const refused = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });
});
