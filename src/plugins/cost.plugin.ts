/**
 * The AWS-call budget of an operation, known before it executes: the estimate of cost/estimate.ts
 * from the document, the schema and the variables. An operation whose estimate exceeds
 * MAX_UPSTREAM_CALLS is refused with BAD_USER_INPUT (HTTP 400) and makes no call; otherwise the
 * estimate becomes the operation's run-time budget (SDK retries included). Every response to a
 * resolved operation carries `extensions.cost = { estimatedAwsCalls, awsCalls, cacheHits }`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';
import { estimateAwsCalls } from './cost/estimate';
import type { RefusalObserver } from './limits';

export function costPlugin(
  maxUpstreamCalls: number,
  refused: RefusalObserver,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const coerced = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          // Variables GraphQL cannot coerce are its error to report; nothing executes then.
          if (coerced.errors) return;
          const estimated = estimateAwsCalls(schema, document, operation, coerced.coerced);
          contextValue.cost.estimatedAwsCalls = estimated;
          if (estimated > maxUpstreamCalls) {
            refused('aws_calls');
            throw new GraphQLError(
              `This operation could make up to ${estimated} AWS calls, more than the limit of ${maxUpstreamCalls} (MAX_UPSTREAM_CALLS): ask for fewer items (first) or fewer nested lists`,
              {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  fields: [],
                  cost: { estimatedAwsCalls: estimated, maxAwsCalls: maxUpstreamCalls },
                  http: { status: 400 },
                },
              },
            );
          }
          contextValue.scheduler.limit(estimated);
        },
        async willSendResponse({ response, contextValue }) {
          const estimated = contextValue.cost.estimatedAwsCalls;
          if (estimated === undefined || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            cost: {
              estimatedAwsCalls: estimated,
              awsCalls: contextValue.scheduler.sent,
              cacheHits: contextValue.cost.cacheHits,
            },
          };
        },
      };
    },
  };
}
