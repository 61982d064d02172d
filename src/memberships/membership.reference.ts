/** Federation: how the router turns a `Membership` representation `{ id }` into the entity. */
import { representationId } from '../shared/entity-reference';
import type { MembershipsContext } from './membership.loader';
import { resolveMembership } from './membership.resolver';

export const membershipReference = {
  // N representations in one `_entities` call share the request's loader: one Get per unique id.
  // Async, so a refused representation rejects alone instead of failing the whole `_entities`.
  __resolveReference: async (reference: unknown, ctx: MembershipsContext) =>
    resolveMembership(
      ctx,
      representationId('Membership', reference, 'GetMembership', 'membershipIdentifier'),
    ),
};
