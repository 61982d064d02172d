/**
 * `GET /graphiql`: the GraphiQL explorer, development only, with every asset served from
 * `/graphiql/assets/<content-hashed name>` (no CDN, no external font or worker), so it works
 * with no internet access. Only the allow-listed files exist there; any other name falls
 * through to the gateway's 404. The page is revalidated on every visit, the hashed assets are
 * cached for good.
 */
import express, { type Router } from 'express';
import type { ExplorerContent } from './content';
import {
  asset,
  loadPackageAssets,
  nodeModulesLocator,
  type Asset,
  type PackageLocator,
} from './graphiql.assets';
import { graphiqlPage, PAGE_CSP, STARTUP_SCRIPT } from './graphiql.page';

export const GRAPHIQL_PATH = '/graphiql';
const ASSETS_PATH = `${GRAPHIQL_PATH}/assets`;

export interface GraphiqlOptions {
  /** The GraphQL endpoint the explorer talks to, on the page's own origin (`/graphql`). */
  endpoint: string;
  content: ExplorerContent;
  /** Where the asset packages are installed (node_modules by default). */
  locate?: PackageLocator;
}

type Page = { html: string; assets: Map<string, Asset> } | { unavailable: string };

function buildPage({ endpoint, content, locate = nodeModulesLocator }: GraphiqlOptions): Page {
  let packages: ReturnType<typeof loadPackageAssets>;
  try {
    packages = loadPackageAssets(locate);
  } catch (error) {
    return { unavailable: (error as Error).message };
  }
  const startup = asset('graphiql-startup.js', Buffer.from(STARTUP_SCRIPT));
  const url = (a: Asset) => `${ASSETS_PATH}/${a.name}`;
  const html = graphiqlPage(endpoint, content, {
    stylesheet: url(packages.graphiqlCss),
    scripts: [url(packages.react), url(packages.reactDom), url(packages.graphiql), url(startup)],
  });
  const assets = new Map([...Object.values(packages), startup].map((a) => [a.name, a]));
  return { html, assets };
}

export function graphiqlRoutes(options: GraphiqlOptions): Router {
  const page = buildPage(options);
  const router = express.Router();
  router.get(GRAPHIQL_PATH, (_req, res) => {
    res.set('x-content-type-options', 'nosniff');
    if ('unavailable' in page) {
      res.status(503).set('cache-control', 'no-store').type('text/plain').send(page.unavailable);
      return;
    }
    res
      .set({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': PAGE_CSP,
        'referrer-policy': 'no-referrer',
      })
      .send(page.html);
  });
  router.get(`${ASSETS_PATH}/:name`, (req, res, next) => {
    const found = 'assets' in page ? page.assets.get(req.params.name) : undefined;
    if (!found) {
      next();
      return;
    }
    res
      .set({
        'content-type': found.contentType,
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      })
      .send(found.body);
  });
  return router;
}
