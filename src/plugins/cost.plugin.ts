/**
 * The AWS-call budget of an operation, known before it executes: the estimate of cost/estimate.ts
 * from the document, the schema and the variables. An operation whose estimate exceeds
 * MAX_UPSTREAM_CALLS is refused with BAD_USER_INPUT (HTTP 400) and makes no call; otherwise the
 * estimate becomes the operation's run-time budget (SDK retries included). Every response to a
 * resolved operation carries `extensions.cost = { estimatedAwsCalls, awsCalls, cacheHits }`.
 * Once the answer is sent, the operation makes no more AWS calls.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';
import { estimateAwsCalls } from './cost/estimate';
import type { RefusalObserver } from './limits';

/** Why a field still running after the answer makes no AWS call. */
export class AnswerAlreadySent extends Error {
  constructor() {
    super('The answer was already sent: no more AWS calls for this operation');
    this.name = 'AnswerAlreadySent';
  }
}

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
          // A field still running now (GraphQL answers once a failed non-null field has nulled
          // its parent) would only spend the account's quota on a result nobody receives.
          contextValue.scheduler.refuse(() => new AnswerAlreadySent());
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
