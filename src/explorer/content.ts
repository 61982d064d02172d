/**
 * What both explorers (Apollo Sandbox on `/graphql`, GraphiQL on `/graphiql`) open with: the
 * example operations as one document, their variables, and — when the gateway verifies JWTs —
 * a prefilled `Authorization` header and a comment saying what the token needs, so a newcomer's
 * first request is not an unexplained 401.
 */
import { examplesDocument, examplesVariables, loadExamples, type Example } from './examples';

/** The part of the configuration the explorers depend on (config.ts's `Config` fits it). */
export interface ExplorerSettings {
  production: boolean;
  /** `jwt`: every request needs `Authorization: Bearer <token>`. */
  authMode: 'none' | 'jwt';
}

export interface ExplorerContent {
  document: string;
  variables: Record<string, unknown>;
  /** Headers the explorer starts with; only set when requests need a token. */
  headers?: Record<string, string>;
}

const JWT_HINT = [
  '# This gateway verifies JWTs (AUTH_MODE=jwt): set the Authorization header to "Bearer "',
  '# followed by a token. Queries need its read scope (AUTH_READ_SCOPE, cleanrooms:read by',
  '# default), mutations its write scope (AUTH_WRITE_SCOPE, cleanrooms:write by default).',
].join('\n');

export function explorerContent(
  settings: Pick<ExplorerSettings, 'authMode'>,
  examples: readonly Example[] = loadExamples(),
): ExplorerContent {
  const document = examplesDocument(examples);
  const variables = examplesVariables(examples);
  if (settings.authMode !== 'jwt') return { document, variables };
  return {
    document: `${JWT_HINT}\n\n${document}`,
    variables,
    headers: { Authorization: 'Bearer ' },
  };
}
