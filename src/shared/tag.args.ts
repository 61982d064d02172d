/**
 * Arguments of the tag mutations, added to an entity's id arguments: `withTags(MembershipIdArgs)`
 * is `(id, tags)` and `withTagKeys(MembershipIdArgs)` is `(id, tagKeys)`, with the same rules
 * on every kind of resource (TagResource and UntagResource are the same API for all of them).
 */
import { ValidateNested } from 'class-validator';
import { ArgsType, Field, type ClassType } from 'type-graphql';
import { MAX_TAGS_PER_RESOURCE } from '../constraints/rules';
import { TagInput } from './common.inputs';
import { NotEmpty, TagKeyListRules, TagListRules } from './validation';

export function withTags<Base extends ClassType>(base: Base) {
  @ArgsType()
  class TagsArgs extends base {
    @Field(() => [TagInput], {
      description: `Tags to add (1-${MAX_TAGS_PER_RESOURCE}, unique keys, none starting with "aws:"); a key the resource already has gets the new value. A resource carries at most ${MAX_TAGS_PER_RESOURCE} tags.`,
    })
    @NotEmpty('tag')
    @TagListRules('TagResource')
    @ValidateNested({ each: true })
    tags!: TagInput[];
  }
  return TagsArgs;
}

export function withTagKeys<Base extends ClassType>(base: Base) {
  @ArgsType()
  class TagKeysArgs extends base {
    @Field(() => [String], {
      description: `Keys of the tags to remove (1-${MAX_TAGS_PER_RESOURCE}, 1-128 characters each, none starting with "aws:"); keys the resource does not have are ignored.`,
    })
    @NotEmpty('tag key')
    @TagKeyListRules()
    tagKeys!: string[];
  }
  return TagKeysArgs;
}
