/** Federation: how the router turns a `Collaboration` representation `{ id }` into the entity. */
import type { GatewayContext } from '../context';
import { resolveCollaboration } from './collaboration.resolver';

export const collaborationReference = {
  __resolveReference: (reference: { id: string }, ctx: GatewayContext) =>
    resolveCollaboration(ctx, reference.id),
};
