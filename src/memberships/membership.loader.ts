/**
 * The per-request loaders for memberships (built in context.ts, never shared between requests):
 * the entity store (Get by id), list pages, tags by ARN and the tag mutations. List results
 * teach the store the summary fields of every membership they contain.
 */
import type DataLoader from 'dataloader';
import type { MembershipRepository } from '../clean-rooms/membership.repository';
import type { TagRepository } from '../clean-rooms/tag.repository';
import type { Membership, MembershipSummary, Page, Tag } from '../clean-rooms/types';
import { EntityStore } from '../shared/entity-store';
import { keyedLoader } from '../shared/keyed-loader';
import { tagLoaders, type EntityTagging } from '../shared/tagging';
import { MEMBERSHIP_SUMMARY_FIELDS } from './membership.type';

export interface MembershipListKey {
  status?: string;
  maxResults?: number;
  nextToken?: string;
}

/**
 * What else the request must forget when a membership is created or deleted (the collaboration
 * it joins or leaves changes too). Supplied by whoever assembles the context (see relations/).
 */
export interface MembershipWriteEffects {
  created(membership: Membership): void;
  deleted(membershipId: string): void;
}

export interface MembershipLoaders {
  repository: MembershipRepository;
  store: EntityStore<Membership>;
  lists: DataLoader<MembershipListKey, Page<MembershipSummary>, string>;
  tags: DataLoader<{ arn: string }, Tag[], string>;
  /** tagMembership / untagMembership. */
  tagging: EntityTagging;
  writeEffects: MembershipWriteEffects;
}

/** The part of the request context the membership resolvers use. */
export interface MembershipsContext {
  memberships: MembershipLoaders;
}

export function createMembershipLoaders(
  repository: MembershipRepository,
  tagRepository: TagRepository,
  writeEffects: MembershipWriteEffects,
): MembershipLoaders {
  const store = new EntityStore<Membership>((id) => repository.get(id));
  return {
    repository,
    store,
    lists: keyedLoader(async (key: MembershipListKey) => {
      const page = await repository.list(key);
      for (const summary of page.items)
        store.remember(summary.id, summary, MEMBERSHIP_SUMMARY_FIELDS);
      return page;
    }),
    ...tagLoaders(store, tagRepository),
    writeEffects,
  };
}
