/**
 * TagResource, UntagResource and ListTagsForResource, plus the tag rules that CreateCollaboration
 * and CreateMembership share: reserved `aws:` keys (neither set nor removed), the per-resource
 * maximum, and ownership (only the account that owns a resource may read or change its tags).
 */
import { RESERVED_TAG_PREFIX } from '../../constraints/rules';
import { fail, type ResourceType } from '../errors';
import type { ResourceArnInput, TagMap, TagResourceInput, UntagResourceInput } from '../inputs';
import type { OperationContext } from './context';

/** Keys with the reserved prefix belong to AWS: nobody may set or remove them. */
function checkNotReserved(keys: string[], field: string): void {
  if (keys.some((k) => k.toLowerCase().startsWith(RESERVED_TAG_PREFIX))) {
    throw fail.field(
      field,
      `Tag keys starting with "${RESERVED_TAG_PREFIX}" are reserved for AWS use`,
    );
  }
}

export function checkNewTags(
  ctx: OperationContext,
  tags: TagMap | undefined,
  field: string,
  existing?: ReadonlyMap<string, string>,
): void {
  if (!tags) return;
  checkNotReserved(Object.keys(tags), field);
  const limit = ctx.options.quotas.tagsPerResource;
  const merged = new Set([...(existing?.keys() ?? []), ...Object.keys(tags)]);
  if (merged.size > limit) throw fail.field(field, `A resource can have at most ${limit} tags`);
}

export function setTags(ctx: OperationContext, arn: string, tags: TagMap | undefined): void {
  if (!tags || Object.keys(tags).length === 0) return;
  const current = ctx.state.tags.get(arn) ?? new Map<string, string>();
  for (const [k, v] of Object.entries(tags)) current.set(k, v);
  ctx.state.setTags(arn, current);
}

const RESOURCE_ARN = /^arn:aws:cleanrooms:[^:]+:(\d{12}):([a-z]+)\/([0-9a-f-]{36})$/;

/** The tagged resource behind an ARN, if it exists and belongs to the caller. */
function taggable(
  ctx: OperationContext,
  { resourceArn: arn }: ResourceArnInput,
): { arn: string; tags: Map<string, string> } {
  const match = RESOURCE_ARN.exec(arn);
  const kind = match?.[2];
  const id = match?.[3] ?? arn;
  const resourceType: ResourceType = kind === 'membership' ? 'MEMBERSHIP' : 'COLLABORATION';
  let owner: string | undefined;
  if (kind === 'collaboration') {
    const c = ctx.state.collaborations.get(id);
    if (c && !c.deleted && c.arn === arn) owner = c.creatorAccountId;
  } else if (kind === 'membership') {
    const m = ctx.state.memberships.get(id);
    if (m && m.arn === arn) owner = m.accountId;
  }
  if (owner === undefined || owner !== ctx.caller.accountId) {
    throw fail.notFound(resourceType, arn, `Resource ${arn} not found`);
  }
  return { arn, tags: ctx.state.tags.get(arn) ?? new Map() };
}

export function tagResource(ctx: OperationContext, input: TagResourceInput): void {
  const { arn, tags } = taggable(ctx, input);
  checkNewTags(ctx, input.tags, 'tags', tags);
  setTags(ctx, arn, input.tags);
}

export function untagResource(ctx: OperationContext, input: UntagResourceInput): void {
  const { arn, tags } = taggable(ctx, input);
  checkNotReserved(input.tagKeys, 'tagKeys');
  for (const key of input.tagKeys) tags.delete(key);
  if (tags.size === 0) ctx.state.deleteTags(arn);
}

export function listTagsForResource(ctx: OperationContext, input: ResourceArnInput): TagMap {
  return Object.fromEntries(taggable(ctx, input).tags);
}
