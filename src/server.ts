/**
 * Assembles the HTTP side: Express 5 + Apollo Server 5 serving the subgraph at `/graphql` (and
 * `/` for browsers: Apollo Sandbox in development), the health routes, the explorers (GraphiQL
 * on `/graphiql`) and the embedded emulator's admin routes outside production, and the HTTP
 * error answers. Graceful shutdown drains in-flight requests. Each concern lives in its own
 * module under http/, plugins/ and explorer/.
 */
import 'reflect-metadata';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { createAuthenticator } from './auth/authenticator';
import type { CleanRoomsBackend } from './backend';
import { createReadinessCheck } from './clean-rooms/readiness';
import type { Config } from './config';
import type { GatewayContext } from './context';
import { formatError } from './errors';
import { explorers } from './explorer';
import { adminRoutes } from './http/admin.routes';
import { httpErrorHandler, notFound } from './http/error-handler';
import { healthRoutes } from './http/health.routes';
import { hygiene } from './http/hygiene';
import { metricsRoutes } from './http/metrics.routes';
import { requestId, requestIdOf } from './http/request-id';
import {
  GRAPHQL_PATHS,
  graphqlEndpoint,
  isGraphqlPost,
  type RawMiddleware,
} from './http/graphql-endpoint';
import { argumentValidationPlugin } from './plugins/argument-validation.plugin';
import { costPlugin } from './plugins/cost.plugin';
import { errorLoggingPlugin } from './plugins/error-logging.plugin';
import { staticLimits } from './plugins/limits';
import { operationLogPlugin } from './plugins/operation-log.plugin';
import { requestContext } from './request';
import { buildGatewaySchema } from './schema';
import { logger as rootLogger, type Logger } from './shared/logger';
import { GatewayMetrics } from './shared/metrics';
import { createFleet, type Fleet } from './fleet';

/** Largest GraphQL request body accepted (413 beyond). */
const BODY_LIMIT = '1mb';

export interface GatewayServer {
  url: string;
  httpServer: Server;
  backend: CleanRoomsBackend;
  metrics: GatewayMetrics;
  /**
   * The first step of a graceful stop: readiness answers 503 (load balancers take the replica
   * out) and every response closes its connection, while requests are still served.
   */
  startDraining(): void;
  /** Closes the listener, finishes in-flight requests, releases the AWS client and Redis. */
  stop(): Promise<void>;
}

export interface GatewayOptions {
  backend: CleanRoomsBackend;
  /** What the replicas share; assembled from the configuration when not given. */
  fleet?: Fleet;
  metrics?: GatewayMetrics;
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
  // Its request handler is attached once everything is assembled (below).
  const httpServer = createServer();
  let draining = false;
  const explorer = explorers(config);

  const metrics = options.metrics ?? new GatewayMetrics();
  const fleet = options.fleet ?? createFleet(config, logger, metrics);
  fleet.attach(backend.client);
  // Whose X-Forwarded-For names the client (the per-caller limit keys on it).
  app.set('trust proxy', config.fleet.trustProxy);
  const refused = (limit: string) => metrics.refused(limit);
  const limits = staticLimits(config.limits, refused);
  const authenticator = createAuthenticator(config.auth, logger);
  await authenticator.warmUp();

  const apollo = new ApolloServer<GatewayContext>({
    schema: await buildGatewaySchema(config.auth),
    introspection: config.introspection,
    // Without introspection, "Did you mean …?" suggestions would still spell out the schema.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // One operation per HTTP request (the endpoint answers a batch with a clear message).
    allowBatchedHttpRequests: false,
    parseOptions: limits.parseOptions,
    // Shared by the fleet through Redis (APQ registered on one replica runs on any other).
    persistedQueries: fleet.persistedQueries
      ? { cache: fleet.persistedQueries, ttl: 24 * 3600 }
      : undefined,
    validationRules: limits.validationRules,
    // index.ts owns SIGTERM/SIGINT. Apollo's own handlers (on when NODE_ENV is not `test`) would
    // start stop() first, and Apollo 5.5.1 never settles a concurrent stop() call: ours would hang,
    // so the backend was never destroyed and "stopped" never logged.
    stopOnTerminationSignals: false,
    formatError,
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...limits.plugins,
      argumentValidationPlugin(),
      costPlugin(config.maxUpstreamCalls, refused),
      errorLoggingPlugin(logger),
      operationLogPlugin(metrics),
      explorer.landingPage,
    ],
  });
  await apollo.start();

  const drainHeader: RawMiddleware = (_req, res, next) => {
    // While draining, a keep-alive client (or proxy) reconnects for its next request, and so
    // reaches a replica that is not stopping.
    if (draining) res.setHeader('connection', 'close');
    next();
  };
  const before: RawMiddleware[] = [requestId, drainHeader, ...hygiene(config)];
  app.use(...before);
  app.use(metricsRoutes(metrics));
  app.use(
    healthRoutes({
      backend: config.backend,
      backendReady: createReadinessCheck(backend.client),
      authReady: () => authenticator.keysReady(),
      degraded: () => fleet.degraded(),
      isDraining: () => draining,
    }),
  );
  if (backend.admin && !config.production) {
    app.use(adminRoutes(backend.admin.prefix, backend.admin.endpoints));
  }
  if (explorer.routes) app.use(explorer.routes);
  const context = requestContext({ config, backend, fleet, authenticator, metrics, logger });
  const endpoint = graphqlEndpoint({
    apollo,
    context,
    before,
    trustProxy: config.fleet.trustProxy,
    bodyLimit: BODY_LIMIT,
    onBatchRefused: () => refused('batch'),
    logger,
  });
  // GET (the landing page for browsers, GET queries) and other methods stay on Express.
  app.all(
    GRAPHQL_PATHS,
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        context({ requestId: requestIdOf(res), header: (name) => req.get(name), ip: req.ip }),
    }),
  );
  app.use(notFound);
  // POSTs to the GraphQL paths take the lean endpoint (http/graphql-endpoint.ts); the rest Express.
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (isGraphqlPost(req)) endpoint(req, res);
    else app(req, res);
  });
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
    metrics,
    startDraining: () => {
      draining = true;
    },
    stop: async () => {
      draining = true;
      await apollo.stop();
      backend.client.destroy();
      await fleet.close();
    },
  };
}
