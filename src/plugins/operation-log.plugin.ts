/**
 * One JSON log line and one metric sample per GraphQL operation: operation name and type,
 * outcome, duration, AWS calls (and the estimate), error codes — with the request id, subject and
 * client name that the request's logger carries. Never a variable value, a token or a credential.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { GatewayMetrics, OperationOutcome } from '../shared/metrics';

export function operationLogPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ response, operation, operationName, contextValue }) {
          const seconds = (performance.now() - started) / 1000;
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errors = body?.errors ?? [];
          const outcome: OperationOutcome =
            errors.length === 0
              ? 'ok'
              : body && !('data' in body)
                ? 'refused'
                : body?.data === null
                  ? 'error'
                  : 'partial';
          const operationType = operation?.operation ?? 'unknown';
          const name = operationName ?? undefined;
          metrics.operation(name, operationType, outcome, seconds);
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          contextValue.log.info(
            {
              operationName: name ?? null,
              operationType,
              outcome,
              durationMs: Math.round(seconds * 1000),
              awsCalls: contextValue.scheduler.sent,
              estimatedAwsCalls: contextValue.cost.estimatedAwsCalls ?? null,
              ...(codes.length ? { errorCodes: codes } : {}),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
