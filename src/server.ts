/**
 * The HTTP side: Express 5 + Apollo Server 5 serving the subgraph at `/graphql` (and `/` for
 * browsers: Apollo Sandbox in development), health endpoints, and — for the embedded emulator
 * outside production — the emulator's admin endpoints at `/_emulator/*`. Graceful shutdown
 * drains in-flight requests.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Response } from 'express';
import { createCleanRoomsBackend, type CleanRoomsBackend } from './clean-rooms/client';
import { createReadinessCheck } from './clean-rooms/readiness';
import type { Config } from './config';
import { createContext, type GatewayContext } from './context';
import { ADMIN_PREFIX } from './emulator/emulator';
import { createErrorFormatter } from './errors';
import { badUserInput } from './shared/input-errors';
import { validateOperationArguments } from './shared/argument-validation';
import { logger as rootLogger, type Logger } from './logger';
import { buildGatewaySchema } from './schema';

export interface GatewayServer {
  url: string;
  httpServer: Server;
  backend: CleanRoomsBackend;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  backend?: CleanRoomsBackend;
  logger?: Logger;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export async function startGateway(
  config: Config,
  options: GatewayOptions = {},
): Promise<GatewayServer> {
  const logger = options.logger ?? rootLogger;
  const backend = options.backend ?? createCleanRoomsBackend(config);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  let draining = false;

  const apollo = new ApolloServer<GatewayContext>({
    schema: await buildGatewaySchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // index.ts owns SIGTERM/SIGINT. Apollo's own handlers (on when NODE_ENV is not `test`) would
    // start stop() first, and Apollo 5.5.1 never settles a concurrent stop() call: ours would hang,
    // so the backend was never destroyed and "stopped" never logged.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger),
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        // Every argument of the operation is checked before anything executes. With one invalid
        // argument anywhere (a nested `members(first: 0)`, one of several root fields) no AWS
        // call is made at all: the invalid fields report their own errors as usual, and fields
        // that would need AWS fail with the same BAD_USER_INPUT details instead of calling it.
        async requestDidStart() {
          return {
            async didResolveOperation({ schema, document, operation, request, contextValue }) {
              if (!operation) return;
              const problems = await validateOperationArguments(
                schema,
                document,
                operation,
                request.variables ?? {},
              );
              if (problems) {
                const where = problems.path.join('.');
                contextValue.scheduler.refuse(() =>
                  badUserInput(
                    `Not executed: the operation has invalid arguments (at ${where})`,
                    problems.fields,
                  ),
                );
              }
            },
          };
        },
      },
      config.production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    next();
  });

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const backendReady = createReadinessCheck(backend.client);
  app.get('/health/ready', async (_req, res) => {
    if (draining) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const readiness = await backendReady();
    if (!readiness.ready) {
      res
        .status(503)
        .json({ status: 'unavailable', backend: config.backend, reason: readiness.reason });
      return;
    }
    res.json({ status: 'ok', backend: config.backend });
  });

  if (backend.emulator && !config.production) {
    const emulator = backend.emulator;
    app.all(
      `${ADMIN_PREFIX}/*path`,
      express.raw({ type: () => true, limit: '1mb' }),
      async (req, res) => {
        const q = req.originalUrl.indexOf('?');
        const reply = await emulator.handle({
          method: req.method,
          path: q < 0 ? req.originalUrl : req.originalUrl.slice(0, q),
          query: q < 0 ? '' : req.originalUrl.slice(q + 1),
          headers: {},
          body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        });
        res.status(reply.statusCode).set(reply.headers).send(reply.body);
      },
    );
  }

  const graphql = expressMiddleware(apollo, {
    context: async ({ res }: { req: Request; res: Response }) =>
      createContext(
        {
          client: backend.client,
          logger,
          upstreamConcurrency: config.upstreamConcurrency,
          maxUpstreamCalls: config.maxUpstreamCalls,
        },
        String(res.locals.requestId),
      ),
  });
  app.all(['/', '/graphql'], express.json({ limit: '1mb' }), graphql);

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // Malformed JSON bodies and oversized requests end here: answer like a GraphQL server would.
  app.use(
    (
      error: { status?: number; type?: string },
      _req: Request,
      res: Response,
      _next: express.NextFunction,
    ) => {
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      if (status === 500) logger.error({ err: error }, 'unexpected HTTP error');
      res.status(status).json({
        errors: [
          {
            message:
              status === 413
                ? 'Request body too large'
                : status === 400
                  ? 'Malformed request body'
                  : 'Internal server error',
            extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' },
          },
        ],
      });
    },
  );

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
