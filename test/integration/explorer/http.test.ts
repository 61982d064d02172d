/**
 * The explorers over HTTP. Development: `/graphiql` is a page whose every URL is one of the
 * gateway's own assets, served from an allow-list with their content types and caching (nothing
 * else under node_modules is reachable), carrying the examples; Sandbox's page carries them too.
 * Production: no explorer at all (`/graphiql` 404, no Sandbox on `/` or `/graphql`).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { explorerContent } from '../../../src/explorer/content';
import { examplesDocument, examplesVariables, loadExamples } from '../../../src/explorer/examples';
import {
  loadPackageAssets,
  nodeModulesLocator,
  PACKAGE_FILES,
} from '../../../src/explorer/graphiql.assets';
import { graphiqlRoutes } from '../../../src/explorer/graphiql.routes';
import { graphiqlSettingsOf, sandboxConfigOf, urlsOf } from '../../helpers/explorer';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

const EXAMPLES = loadExamples();
const sha = (body: Buffer | Uint8Array) => createHash('sha256').update(body).digest('hex');

function originOf(gw: TestGateway): string {
  return gw.url.replace(/\/graphql$/, '');
}

describe('development', () => {
  let gw: TestGateway;
  let base: string;
  let page: Response;
  let html: string;
  beforeAll(async () => {
    gw = await startTestGateway();
    base = originOf(gw);
    page = await fetch(`${base}/graphiql`);
    html = await page.text();
  });
  afterAll(() => gw.close());

  it('GET /graphiql → the GraphiQL page, revalidated on each visit, locked to its own origin', () => {
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(gw.totalCalls()).toBe(0);
  });

  it('loads nothing but the gateway’s own assets (and a data: icon)', () => {
    const urls = urlsOf(html);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(url).toMatch(/^(\/graphiql\/assets\/[\w.-]+|data:,)$/);
  });

  it('serves each asset with its content type, cached for good, byte for byte', async () => {
    const urls = urlsOf(html).filter((url) => url.startsWith('/graphiql/assets/'));
    const expected = new Map(
      Object.values(PACKAGE_FILES).map((f) => [
        sha(readFileSync(join(nodeModulesLocator(f.packageName), f.path))),
        f.path,
      ]),
    );
    const served: string[] = [];
    for (const url of urls) {
      const response = await fetch(`${base}${url}`);
      expect([url, response.status]).toEqual([url, 200]);
      expect(response.headers.get('content-type')).toBe(
        url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      );
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const body = Buffer.from(await response.arrayBuffer());
      expect(url).toContain(sha(body).slice(0, 12));
      const file = expected.get(sha(body));
      if (file) served.push(file);
    }
    // Every allow-listed package file is on the page; the one other script is the start-up one.
    expect(served.sort()).toEqual(
      Object.values(PACKAGE_FILES)
        .map((f) => f.path)
        .sort(),
    );
    expect(urls).toHaveLength(Object.keys(PACKAGE_FILES).length + 1);
  });

  it.each([
    '/graphiql/assets/graphiql.min.js',
    '/graphiql/assets/react',
    '/graphiql/assets/..%2Fpackage.json',
    '/graphiql/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/graphiql/assets/..%2F..%2Fnode_modules%2Freact%2Fpackage.json',
    '/graphiql/assets/',
    '/graphiql/assets/react/umd/react.production.min.js',
  ])('serves nothing else: %s → 404', async (path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not found' });
  });

  it('opens GraphiQL on the examples and their variables, against /graphql', () => {
    const settings = graphiqlSettingsOf(html);
    expect(settings.endpoint).toBe('/graphql');
    expect(settings.tab.query).toBe(examplesDocument(EXAMPLES));
    expect(JSON.parse(settings.tab.variables)).toEqual(examplesVariables(EXAMPLES));
    expect(settings.tab.headers).toBeUndefined();
  });

  it.each(['/', '/graphql'])('GET %s from a browser → Sandbox with the examples', async (path) => {
    const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const { initialState } = sandboxConfigOf(await response.text());
    expect(initialState.document).toBe(examplesDocument(EXAMPLES));
    expect(initialState.variables).toEqual(examplesVariables(EXAMPLES));
  });
});

describe('GraphiQL without its assets installed (an install without dev dependencies)', () => {
  it('answers 503 saying what is missing', async () => {
    const app = express();
    app.use(
      graphiqlRoutes({
        endpoint: '/graphql',
        content: explorerContent({ authMode: 'none' }, EXAMPLES),
        locate: (name) => {
          throw Object.assign(new Error(`Cannot find module '${name}/package.json'`), {
            code: 'MODULE_NOT_FOUND',
          });
        },
      }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/graphiql`);
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(
        /^GraphiQL needs react\/umd\/react.production.min.js, a development dependency/,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('production', () => {
  let gw: TestGateway;
  let base: string;
  beforeAll(async () => {
    gw = await startTestGateway({
      env: { NODE_ENV: 'production', CLEANROOMS_BACKEND: 'embedded', AUTH_MODE: 'none' },
    });
    base = originOf(gw);
  });
  afterAll(() => gw.close());

  it.each(['/graphiql', '/graphiql/', '/graphiql/assets/graphiql-startup.js'])(
    'GET %s → 404',
    async (path) => {
      const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(404);
    },
  );

  it('serves none of the development assets, even under their exact names', async () => {
    const names = Object.values(loadPackageAssets(nodeModulesLocator)).map((a) => a.name);
    expect(names).toHaveLength(Object.keys(PACKAGE_FILES).length);
    for (const name of names) {
      expect((await fetch(`${base}/graphiql/assets/${name}`)).status).toBe(404);
    }
  });

  it.each(['/', '/graphql'])('GET %s from a browser → no Sandbox, no examples', async (path) => {
    const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(html).not.toMatch(/embeddableSandbox|EmbeddedSandbox|graphiql/i);
    expect(html).not.toContain('query Memberships');
  });
});
