/**
 * The shared read cache as the AWS boundary sees it (implemented in fleet/): a read names its
 * operation, its input and the families of data it depends on; a write names the families it
 * changes, and every cached read of them is stale from then on, fleet-wide, before the write
 * returns. Families: `membership:<id>` and `membership:*`, `memberships` (lists),
 * `collaboration:<id>` and `collaboration:*`, `collaborations`, `members:<collaboration>` and
 * `members:*`, `tags:<arn>` and `tags:*`. A `*` family covers every read of its kind, for a
 * write that cannot tell which ones it changed.
 */
export interface CachedRead {
  operation: string;
  input: unknown;
  families: string[];
}

export interface ReadCache {
  /** The cached answer of `read`, or `load()`'s (then cached); `hit` says which. */
  read<T>(read: CachedRead, load: () => Promise<T>): Promise<{ value: T; hit: boolean }>;
  /** Makes every cached read of these families stale, for the whole fleet, then resolves. */
  invalidate(families: string[]): Promise<void>;
}

/** The families each write changes. */
export const WRITES = {
  createMembership: (collaborationId: string) => [
    'memberships',
    `collaboration:${collaborationId}`,
    'collaborations',
    `members:${collaborationId}`,
  ],
  updateMembership: (membershipId: string) => [`membership:${membershipId}`, 'memberships'],
  // Which collaboration the membership belonged to is not known here: all of them.
  deleteMembership: (membershipId: string) => [
    `membership:${membershipId}`,
    'memberships',
    'collaboration:*',
    'collaborations',
    'members:*',
    'tags:*',
  ],
  createCollaboration: () => ['collaborations'],
  // A new name shows in the caller's memberships too (summaries and Gets); which membership is
  // the caller's is not known before the answer: all of them.
  updateCollaboration: (collaborationId: string) => [
    `collaboration:${collaborationId}`,
    'collaborations',
    'memberships',
    'membership:*',
  ],
  // Memberships turn COLLABORATION_DELETED and its tags go; its ARN is not known here.
  deleteCollaboration: (collaborationId: string) => [
    `collaboration:${collaborationId}`,
    'collaborations',
    `members:${collaborationId}`,
    'memberships',
    'membership:*',
    'tags:*',
  ],
  changeTags: (resourceArn: string) => [`tags:${resourceArn}`],
};
