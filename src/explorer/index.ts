/**
 * The explorers a browser gets, chosen once from the configuration. Development: Apollo Sandbox
 * as the landing page of `/` and `/graphql`, and GraphiQL on `/graphiql`, both opened on the
 * example operations of examples/. Production: no landing page at all (a browser gets the same
 * JSON answer as any client), and no route, file or example read.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Router } from 'express';
import { explorerContent, type ExplorerSettings } from './content';
import { graphiqlRoutes } from './graphiql.routes';
import { sandboxLandingPage } from './landing-page';

export type { ExplorerSettings } from './content';

export interface Explorers {
  landingPage: ApolloServerPlugin;
  /** `/graphiql` and its assets; absent in production. */
  routes?: Router;
}

export function explorers(settings: ExplorerSettings, endpoint = '/graphql'): Explorers {
  if (settings.production) {
    return { landingPage: ApolloServerPluginLandingPageDisabled() };
  }
  const content = explorerContent(settings);
  return {
    landingPage: sandboxLandingPage(content),
    routes: graphiqlRoutes({ endpoint, content }),
  };
}
