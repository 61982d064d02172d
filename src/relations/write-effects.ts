/**
 * What a write of one feature changes on the other side, for the rest of the request. A
 * membership write changes its collaboration's `memberStatus`, `membershipId`/`membershipArn`
 * and member list; a collaboration write changes the caller's memberships of it (their
 * `collaborationName`, or their status when it is deleted). (Between requests nothing is kept,
 * so only the request that wrote needs this.)
 */
import type {
  CollaborationLoaders,
  CollaborationWriteEffects,
} from '../collaborations/collaboration.loader';
import type { MembershipLoaders, MembershipWriteEffects } from '../memberships/membership.loader';

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

/**
 * `memberships` is a getter: the membership loaders are built after the collaboration loaders
 * (theirs need these), and effects only run during a mutation, when both exist.
 */
export function collaborationWriteEffects(
  memberships: () => MembershipLoaders,
): CollaborationWriteEffects {
  // Which memberships name the collaboration is not known without loading them: forget all.
  const forgetMemberships = () => {
    memberships().store.clearAll();
    memberships().lists.clearAll();
  };
  return { updated: forgetMemberships, deleted: forgetMemberships };
}
