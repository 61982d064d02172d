/**
 * A membership and its collaboration repeat each other's facts under different names
 * (`collaborationName` ↔ `name`, …). Whatever one side already knows is taught to the other, so
 * walking `membership → collaboration → membership` never pays a Get for data already in hand.
 */
import type { Collaboration, Membership } from '../clean-rooms/types';
import type { RelationsContext } from './relations.context';

/** Facts a membership and its collaboration share, as (membership field, collaboration field). */
export const SHARED_FIELDS = [
  ['collaborationId', 'id'],
  ['collaborationArn', 'arn'],
  ['collaborationName', 'name'],
  ['collaborationCreatorAccountId', 'creatorAccountId'],
  ['collaborationCreatorDisplayName', 'creatorDisplayName'],
] as const satisfies ReadonlyArray<readonly [keyof Membership, keyof Collaboration]>;

/** Teaches the collaboration store what membership `membershipId` knows about its collaboration. */
export function teachCollaboration(
  ctx: RelationsContext,
  membershipId: string,
  collaborationId: string,
): void {
  const memberships = ctx.memberships.store;
  const values: Partial<Collaboration> = { id: collaborationId };
  const fields: Array<keyof Collaboration> = ['id'];
  for (const [from, to] of SHARED_FIELDS) {
    const known = memberships.peek(membershipId, from);
    if (known) {
      Object.assign(values, { [to]: known.value });
      fields.push(to);
    }
  }
  // An ACTIVE membership is the caller's membership of that collaboration.
  const arn = memberships.peek(membershipId, 'arn');
  if (memberships.peek(membershipId, 'status')?.value === 'ACTIVE' && arn) {
    Object.assign(values, { memberStatus: 'ACTIVE', membershipId, membershipArn: arn.value });
    fields.push('memberStatus', 'membershipId', 'membershipArn');
  }
  ctx.collaborations.store.remember(collaborationId, values, fields);
}

/** Teaches the membership store what collaboration `collaborationId` knows about the caller's membership. */
export function teachMembership(
  ctx: RelationsContext,
  collaborationId: string,
  membershipId: string,
  membershipArn: string | undefined,
): void {
  const collaborations = ctx.collaborations.store;
  const values: Partial<Membership> = { id: membershipId, collaborationId };
  const fields: Array<keyof Membership> = ['id', 'collaborationId'];
  if (membershipArn) {
    values.arn = membershipArn;
    fields.push('arn');
  }
  for (const [to, from] of SHARED_FIELDS) {
    const known = collaborations.peek(collaborationId, from);
    if (known && to !== 'collaborationId') {
      Object.assign(values, { [to]: known.value });
      fields.push(to);
    }
  }
  if (collaborations.peek(collaborationId, 'memberStatus')?.value === 'ACTIVE') {
    values.status = 'ACTIVE';
    fields.push('status');
  }
  ctx.memberships.store.remember(membershipId, values, fields);
}
