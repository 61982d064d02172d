/**
 * Apollo Sandbox, the landing page Apollo Server serves browsers on `/` and `/graphql` in
 * development, opened on the example operations (and the auth hint) instead of an empty editor.
 * Sandbox itself loads from Apollo's CDN; `/graphiql` is the explorer that works offline.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { ExplorerContent } from './content';

export function sandboxLandingPage(content: ExplorerContent): ApolloServerPlugin {
  const { document, variables, headers } = content;
  return ApolloServerPluginLandingPageLocalDefault({
    embed: true,
    footer: false,
    document,
    variables,
    ...(headers ? { headers } : {}),
  });
}
