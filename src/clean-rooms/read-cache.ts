/**
 * The shared read cache as the AWS boundary sees it (implemented in fleet/): a read names its
 * operation, its input and the families of data it depends on; a write names the families it
 * changes, and every cached read of them is stale from then on, fleet-wide, before the write
 * returns. Families: `membership:<id>`, `memberships` (lists), `collaboration:<id>` and
 * `collaboration:*`, `collaborations`, `members:<collaboration>` and `members:*`, `tags:<arn>`
 * and `tags:*`.
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
  changeTags: (resourceArn: string) => [`tags:${resourceArn}`],
};
