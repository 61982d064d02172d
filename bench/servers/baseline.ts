/**
 * The baselines the gateway is measured against, built only for the benchmark: the gateway's
 * own schema and per-request context (loaders, scheduler) served by
 *
 * - `apollo`: a plain Apollo Server 5 with `startStandaloneServer` and its defaults — no auth,
 *   no limits, no cost, no logging, no metrics;
 * - `graphql-js`: bare graphql-js behind node:http (parse, validate, execute per request).
 *
 * Both talk to Clean Rooms through the same SDK client as the gateway: the embedded emulator,
 * or CLEANROOMS_ENDPOINT. Run: `node -r ts-node/register/transpile-only bench/servers/baseline.ts
 * <apollo|graphql-js> <port>`; it prints `listening <url>` when ready.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { execute, parse, validate, type GraphQLSchema } from 'graphql';
import { createBackend } from '../../src/backend';
import { loadConfig } from '../../src/config';
import { createContext, type GatewayContext } from '../../src/context';
import { buildGatewaySchema } from '../../src/schema';
import { logger } from '../../src/shared/logger';
import { unauthenticatedPrincipal } from '../../src/shared/principal';

type Variant = 'apollo' | 'graphql-js';

async function main(): Promise<void> {
  const variant = process.argv[2] as Variant;
  const port = Number(process.argv[3] ?? 0);
  if (variant !== 'apollo' && variant !== 'graphql-js') {
    throw new Error('usage: baseline.ts <apollo|graphql-js> <port>');
  }
  const config = loadConfig({
    ...process.env,
    CLEANROOMS_BACKEND: process.env.CLEANROOMS_ENDPOINT ? 'aws' : 'embedded',
    AUTH_MODE: 'none',
    LOG_LEVEL: 'warn',
  });
  logger.level = 'warn';
  const backend = await createBackend(config);
  const schema = await buildGatewaySchema(config.auth);
  // The gateway's resolvers need its context: the same loaders and scheduler, nothing else.
  const context = (): GatewayContext =>
    createContext(
      {
        client: backend.client,
        logger,
        upstreamConcurrency: config.upstreamConcurrency,
        maxUpstreamCalls: config.maxUpstreamCalls,
      },
      undefined,
      unauthenticatedPrincipal(),
    );
  const url =
    variant === 'apollo' ? await apollo(schema, port, context) : await bare(schema, port, context);
  process.stdout.write(`listening ${url}\n`);
}

async function apollo(
  schema: GraphQLSchema,
  port: number,
  context: () => GatewayContext,
): Promise<string> {
  const server = new ApolloServer<GatewayContext>({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: async () => context(),
  });
  return new URL('graphql', url).toString();
}

async function bare(
  schema: GraphQLSchema,
  port: number,
  context: () => GatewayContext,
): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        const document = parse(query);
        const errors = validate(schema, document);
        const result =
          errors.length > 0
            ? { errors }
            : await execute({
                schema,
                document,
                variableValues: variables,
                contextValue: context(),
              });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      })().catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
