/**
 * GraphiQL in a real browser: Debian's headless Chromium driven by playwright-core (no browser
 * download; Playwright gives each launch a fresh temporary profile). The gateway runs on a free
 * port; every request the page makes is recorded, and any to another origin is blocked and
 * fails the test. The editor opens on an example, running it shows demo data, the docs
 * explorer lists `Membership`. Skipped only where Chromium is absent outside CI; in CI
 * (`CI` set) a missing Chromium fails.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { examplesDocument, loadExamples } from '../../../src/explorer/examples';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

/** Debian's Chromium: /usr/bin/chromium, or wherever `chromium` is on the PATH. */
const CHROMIUM = ['/usr/bin', ...(process.env.PATH ?? '').split(delimiter)]
  .map((dir) => join(dir, 'chromium'))
  .find((path) => existsSync(path));
// The flags that keep Chromium from calling home on a closed network (see the machine notes).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const runs = CHROMIUM !== undefined || Boolean(process.env.CI);
if (!runs) console.warn('chromium is not installed: the GraphiQL browser test is skipped');

// Launching Chromium and loading ~1.5 MB of scripts on a loaded 2-core machine: a deadline only.
jest.setTimeout(60_000);

(runs ? describe : describe.skip)('GraphiQL in headless Chromium', () => {
  let gw: TestGateway;
  let browser: Browser | undefined;
  let page: Page;
  let origin: string;
  const requests: Array<{ method: string; url: string; contentType?: string }> = [];
  const foreign: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (!CHROMIUM) {
      throw new Error(
        "chromium is not installed: install Debian's chromium package (.ci/run does)",
      );
    }
    gw = await startTestGateway();
    origin = new URL(gw.url).origin;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const context = await browser.newContext();
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      foreign.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('request', (request) =>
      requests.push({
        method: request.method(),
        url: request.url(),
        contentType: request.headers()['content-type'],
      }),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/graphiql`);
  });

  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  const line = (text: string) =>
    page.locator('.graphiql-query-editor .CodeMirror-line', { hasText: text }).first();

  it('opens the editor on the example operations', async () => {
    await line('query Memberships').waitFor();
    // CodeMirror renders only the visible lines; its own API has the whole document.
    const editor = await page.evaluate(
      "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.getValue()",
    );
    expect(editor).toBe(examplesDocument(loadExamples()));
  });

  it('runs the operation under the cursor and shows demo data in the result pane', async () => {
    gw.resetCalls();
    await line('collaborationName').click();
    await page.keyboard.press('Control+Enter');
    await page.locator('.graphiql-response', { hasText: 'Retail media measurement' }).waitFor();
    expect(gw.calls()).toEqual({ ListMemberships: 1 });
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(2); // the schema's introspection, then the query
    for (const post of posts) {
      expect(post).toMatchObject({ url: `${origin}/graphql`, contentType: 'application/json' });
    }
  });

  it('lists Membership in the docs explorer', async () => {
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page
      .locator('.graphiql-doc-explorer a', { hasText: /^Membership$/ })
      .first()
      .waitFor();
  });

  it('made no request outside the gateway, and logged no error', () => {
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(6);
    for (const { url } of requests) expect(new URL(url).origin).toBe(origin);
    expect(errors).toEqual([]);
  });
});
