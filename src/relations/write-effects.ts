/**
 * What a membership write changes on the collaboration side, for the rest of the request: the
 * collaboration's `memberStatus`, `membershipId`/`membershipArn` and its member list. (Between
 * requests nothing is kept, so only the request that wrote needs this.)
 */
import type { CollaborationLoaders } from '../collaborations/collaboration.loader';
import type { MembershipWriteEffects } from '../memberships/membership.loader';

export function membershipWriteEffects(
  collaborations: CollaborationLoaders,
): MembershipWriteEffects {
  return {
    created(membership) {
      collaborations.store.clear(membership.collaborationId);
      collaborations.lists.clearAll();
      collaborations.members.clearAll();
    },
    deleted() {
      // The membership is gone, and with it what named its collaboration: forget them all.
      collaborations.store.clearAll();
      collaborations.lists.clearAll();
      collaborations.members.clearAll();
    },
  };
}
