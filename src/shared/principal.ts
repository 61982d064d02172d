/**
 * Who is calling, as far as the gateway knows after authentication: the verified subject and
 * scopes of a JWT, or — with `AUTH_MODE=none` — a development caller that may do everything.
 * The client name (`apollographql-client-name`) is informational only and never grants anything.
 */
export interface Principal {
  /** `jwt`: a verified token; `none`: authentication is off and everything is granted. */
  kind: 'jwt' | 'none';
  subject?: string;
  scopes: ReadonlySet<string>;
  clientName?: string;
}

export function unauthenticatedPrincipal(clientName?: string): Principal {
  return { kind: 'none', scopes: new Set(), clientName };
}
