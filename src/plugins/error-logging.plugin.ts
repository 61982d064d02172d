/**
 * Logs what operators must see about an operation's errors — AWS failures with their AWS request
 * ids, denied access with AWS's own message, refused gateway credentials, bugs with the reference
 * the client was given — through the request's logger, so every line carries the request id.
 * The client's own mistakes (invalid input, unknown fields) are not logged.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { errorLogEntry } from '../errors';
import type { Logger } from '../shared/logger';

export function errorLoggingPlugin(fallback: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const log = contextValue.log ?? fallback;
          for (const error of errors) {
            const entry = errorLogEntry(error);
            if (entry) log[entry.level](entry.fields, entry.msg);
          }
        },
      };
    },
  };
}
