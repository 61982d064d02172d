/** Federation: how the router turns a `Membership` representation `{ id }` into the entity. */
import type { GatewayContext } from '../context';
import { resolveMembership } from './membership.resolver';

export const membershipReference = {
  // N representations in one `_entities` call share the request's loader: one Get per unique id.
  __resolveReference: (reference: { id: string }, ctx: GatewayContext) =>
    resolveMembership(ctx, reference.id),
};
