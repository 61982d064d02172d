/** Federation: how the router turns a `Collaboration` representation `{ id }` into the entity. */
import { representationId } from '../shared/entity-reference';
import type { CollaborationsContext } from './collaboration.loader';
import { resolveCollaboration } from './collaboration.resolver';

export const collaborationReference = {
  // Async, so a refused representation rejects alone instead of failing the whole `_entities`.
  __resolveReference: async (reference: unknown, ctx: CollaborationsContext) =>
    resolveCollaboration(
      ctx,
      representationId('Collaboration', reference, 'GetCollaboration', 'collaborationIdentifier'),
    ),
};
