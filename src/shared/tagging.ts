/**
 * The tags of one kind of entity, per request: a loader of tags by ARN, and the tag mutations.
 * TagResource and UntagResource take the resource's ARN, the mutations its id: the ARN comes
 * from what the request already knows, else from the entity's one Get through the request's
 * store (which then also answers the mutation's fields). Afterwards the request forgets the
 * tags it read of that ARN.
 */
import type DataLoader from 'dataloader';
import type { EntityStore } from './entity-store';
import { keyedLoader } from './keyed-loader';

interface TagPair {
  key: string;
  value: string;
}

/** The AWS side (clean-rooms/tag.repository.ts). */
export interface TagWriter {
  tag(resourceArn: string, tags: Record<string, string>): Promise<void>;
  untag(resourceArn: string, tagKeys: string[]): Promise<void>;
}

export interface TagSource extends TagWriter {
  list(resourceArn: string): Promise<TagPair[]>;
}

export interface EntityTagging {
  tag(id: string, tags: Record<string, string>): Promise<void>;
  untag(id: string, tagKeys: string[]): Promise<void>;
}

function entityTagging(
  arnOf: (id: string) => Promise<string | undefined>,
  writer: TagWriter,
  forgetTags: (resourceArn: string) => void,
): EntityTagging {
  const change = async (id: string, write: (arn: string) => Promise<void>) => {
    const arn = await arnOf(id);
    if (!arn) throw new Error(`Clean Rooms returned no ARN for ${id}`);
    try {
      await write(arn);
    } finally {
      // Even a failed write may have been applied (a timeout after AWS took it).
      forgetTags(arn);
    }
  };
  return {
    tag: (id, tags) => change(id, (arn) => writer.tag(arn, tags)),
    untag: (id, tagKeys) => change(id, (arn) => writer.untag(arn, tagKeys)),
  };
}

/** The tags loader and the tag mutations of the entities of `store`. */
export function tagLoaders<T extends { id: string; arn: string }>(
  store: EntityStore<T>,
  source: TagSource,
): { tags: DataLoader<{ arn: string }, TagPair[], string>; tagging: EntityTagging } {
  const tags = keyedLoader(({ arn }: { arn: string }) => source.list(arn));
  const forget = (arn: string) => void tags.clear({ arn });
  return { tags, tagging: entityTagging((id) => store.field(id, 'arn'), source, forget) };
}
