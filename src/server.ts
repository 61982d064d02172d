/**
 * Assembles the HTTP side: Express 5 + Apollo Server 5 serving the subgraph at `/graphql` (and
 * `/` for browsers: Apollo Sandbox in development), the health routes, the explorers (GraphiQL
 * on `/graphiql`) and the embedded emulator's admin routes outside production, and the HTTP
 * error answers. Graceful shutdown drains in-flight requests. Each concern lives in its own
 * module under http/, plugins/ and explorer/.
 */
import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { CleanRoomsBackend } from './backend';
import { createReadinessCheck } from './clean-rooms/readiness';
import type { Config } from './config';
import { createContext, type GatewayContext } from './context';
import { formatError } from './errors';
import { explorers } from './explorer';
import { adminRoutes } from './http/admin.routes';
import { httpErrorHandler, notFound } from './http/error-handler';
import { healthRoutes } from './http/health.routes';
import { requestId, requestIdOf } from './http/request-id';
import { argumentValidationPlugin } from './plugins/argument-validation.plugin';
import { errorLoggingPlugin } from './plugins/error-logging.plugin';
import { buildGatewaySchema } from './schema';
import { logger as rootLogger, type Logger } from './shared/logger';

export interface GatewayServer {
  url: string;
  httpServer: Server;
  backend: CleanRoomsBackend;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  backend: CleanRoomsBackend;
  logger?: Logger;
}

export async function startGateway(
  config: Config,
  options: GatewayOptions,
): Promise<GatewayServer> {
  const logger = options.logger ?? rootLogger;
  const { backend } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  let draining = false;
  const explorer = explorers(config);

  const apollo = new ApolloServer<GatewayContext>({
    schema: await buildGatewaySchema(),
    introspection: config.introspection,
    // Without introspection, "Did you mean …?" suggestions would still spell out the schema.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // index.ts owns SIGTERM/SIGINT. Apollo's own handlers (on when NODE_ENV is not `test`) would
    // start stop() first, and Apollo 5.5.1 never settles a concurrent stop() call: ours would hang,
    // so the backend was never destroyed and "stopped" never logged.
    stopOnTerminationSignals: false,
    formatError,
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      argumentValidationPlugin(),
      errorLoggingPlugin(logger),
      explorer.landingPage,
    ],
  });
  await apollo.start();

  app.use(requestId);
  app.use(
    healthRoutes({
      backend: config.backend,
      backendReady: createReadinessCheck(backend.client),
      isDraining: () => draining,
    }),
  );
  if (backend.admin && !config.production) {
    app.use(adminRoutes(backend.admin.prefix, backend.admin.endpoints));
  }
  if (explorer.routes) app.use(explorer.routes);
  const graphql = expressMiddleware(apollo, {
    context: async ({ res }) =>
      createContext(
        {
          client: backend.client,
          logger,
          upstreamConcurrency: config.upstreamConcurrency,
          maxUpstreamCalls: config.maxUpstreamCalls,
        },
        requestIdOf(res),
      ),
  });
  app.all(['/', '/graphql'], express.json({ limit: '1mb' }), graphql);
  app.use(notFound);
  app.use(httpErrorHandler(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/graphql`;

  return {
    url,
    httpServer,
    backend,
    stop: async () => {
      draining = true;
      await apollo.stop();
      backend.client.destroy();
    },
  };
}
