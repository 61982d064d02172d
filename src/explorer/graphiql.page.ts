/**
 * The GraphiQL page: static HTML that loads only the gateway's own assets, and a start-up
 * script that renders GraphiQL against the gateway's endpoint with the examples in its first
 * tab. The settings travel as a JSON data block (never executed), so the page's
 * Content-Security-Policy can refuse every inline script.
 */
import type { ExplorerContent } from './content';

/** The start-up script, plain browser JavaScript (GraphiQL, React and ReactDOM are globals). */
export const STARTUP_SCRIPT = `'use strict';
(function () {
  var settings = JSON.parse(document.getElementById('graphiql-settings').textContent);
  var fetcher = GraphiQL.createFetcher({ url: new URL(settings.endpoint, window.location.href).href });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: [settings.tab],
      // GraphiQL 4 fills the variables and headers editors from these props (or its storage),
      // not from the first default tab; the query editor does use the tab.
      variables: settings.tab.variables,
      headers: settings.tab.headers,
      defaultEditorToolsVisibility: settings.editorTools,
      isHeadersEditorEnabled: true,
    }),
  );
})();
`;

/**
 * What the page may load: its own origin only (fonts and icons are data: URLs inside
 * GraphiQL's stylesheet). GraphiQL's components set inline styles, hence 'unsafe-inline' for
 * styles; scripts get no such exception.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageScripts {
  stylesheet: string;
  scripts: readonly string[];
}

/** JSON that is safe inside a <script> element whatever the strings contain. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function graphiqlPage(
  endpoint: string,
  content: ExplorerContent,
  urls: PageScripts,
): string {
  const settings = {
    endpoint,
    tab: {
      query: content.document,
      variables: JSON.stringify(content.variables, null, 2),
      ...(content.headers ? { headers: JSON.stringify(content.headers, null, 2) } : {}),
    },
    // With a token to paste, open the headers pane; otherwise the variables Change/Leave use.
    editorTools: content.headers ? 'headers' : 'variables',
  };
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>GraphiQL · Clean Rooms GraphQL gateway</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${urls.stylesheet}" />
    <style>
      body { margin: 0; }
      #graphiql { height: 100vh; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script id="graphiql-settings" type="application/json">${scriptJson(settings)}</script>
${urls.scripts.map((src) => `    <script src="${src}"></script>`).join('\n')}
  </body>
</html>
`;
}
