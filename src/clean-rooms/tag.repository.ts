/**
 * Tags of Clean Rooms resources (memberships and collaborations alike, by ARN): list, add or
 * overwrite, remove. Writes make the resource's cached tag reads stale fleet-wide.
 */
import {
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-cleanrooms';
import { cachedRead, callAws, invalidating, type UpstreamContext } from './call';
import { WRITES } from './read-cache';
import type { Tag } from './types';

export class TagRepository {
  constructor(private readonly ctx: UpstreamContext) {}

  /** The resource's tags, sorted by key. */
  list(resourceArn: string): Promise<Tag[]> {
    const read = {
      operation: 'ListTagsForResource',
      input: { resourceArn },
      families: [`tags:${resourceArn}`, 'tags:*'],
    };
    return cachedRead(this.ctx, read, async () => {
      const out = await callAws(this.ctx, 'ListTagsForResource', (c) =>
        c.send(new ListTagsForResourceCommand({ resourceArn })),
      );
      return Object.entries(out.tags ?? {})
        .map(([key, value]) => ({ key, value }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    });
  }

  /** Adds the tags; a key the resource already has gets the new value. */
  tag(resourceArn: string, tags: Record<string, string>): Promise<void> {
    return invalidating(this.ctx, WRITES.changeTags(resourceArn), async () => {
      await callAws(this.ctx, 'TagResource', (c) =>
        c.send(new TagResourceCommand({ resourceArn, tags })),
      );
    });
  }

  /** Removes the keys; keys the resource does not have are ignored. */
  untag(resourceArn: string, tagKeys: string[]): Promise<void> {
    return invalidating(this.ctx, WRITES.changeTags(resourceArn), async () => {
      await callAws(this.ctx, 'UntagResource', (c) =>
        c.send(new UntagResourceCommand({ resourceArn, tagKeys })),
      );
    });
  }
}
