/**
 * Reads what the explorers were configured with out of the HTML the gateway serves: Apollo
 * Sandbox's embed configuration (a JSON literal in Apollo's inline script) and the GraphiQL
 * page's settings block. Tests assert on these because Sandbox itself cannot load here.
 */

export interface SandboxConfig {
  initialState: {
    document?: string;
    variables?: Record<string, unknown>;
    headers?: Record<string, string>;
  };
}

export function sandboxConfigOf(html: string): SandboxConfig {
  const match = /var embeddedSandboxConfig = (.*);$/m.exec(html);
  if (!match) throw new Error('no embedded Sandbox configuration in the page');
  return JSON.parse(match[1] as string) as SandboxConfig;
}

export interface GraphiqlSettings {
  endpoint: string;
  tab: { query: string; variables: string; headers?: string };
  editorTools: string;
}

export function graphiqlSettingsOf(html: string): GraphiqlSettings {
  const match = /<script id="graphiql-settings" type="application\/json">(.*?)<\/script>/s.exec(
    html,
  );
  if (!match) throw new Error('no GraphiQL settings in the page');
  return JSON.parse(match[1] as string) as GraphiqlSettings;
}

/** Every `src` and `href` attribute of the page. */
export function urlsOf(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1] as string);
}
