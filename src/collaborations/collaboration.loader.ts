/**
 * The per-request loaders for collaborations and their members (built in context.ts): the
 * entity store (Get by id), list pages, member pages per collaboration, tags by ARN and the tag
 * mutations.
 */
import type DataLoader from 'dataloader';
import type { CollaborationRepository } from '../clean-rooms/collaboration.repository';
import type { TagRepository } from '../clean-rooms/tag.repository';
import type {
  Collaboration,
  CollaborationSummary,
  MemberSummary,
  Page,
  Tag,
} from '../clean-rooms/types';
import { EntityStore } from '../shared/entity-store';
import { keyedLoader } from '../shared/keyed-loader';
import { tagLoaders, type EntityTagging } from '../shared/tagging';
import { COLLABORATION_SUMMARY_FIELDS } from './collaboration.type';

export interface CollaborationListKey {
  memberStatus?: string;
  maxResults?: number;
  nextToken?: string;
}

export interface MemberListKey {
  collaborationId: string;
  maxResults?: number;
  nextToken?: string;
}

/**
 * What else the request must forget when a collaboration is updated or deleted (the caller's
 * memberships name it and follow its fate). Supplied by whoever assembles the context (see
 * relations/).
 */
export interface CollaborationWriteEffects {
  updated(collaboration: Collaboration): void;
  deleted(collaborationId: string): void;
}

export interface CollaborationLoaders {
  repository: CollaborationRepository;
  store: EntityStore<Collaboration>;
  lists: DataLoader<CollaborationListKey, Page<CollaborationSummary>, string>;
  members: DataLoader<MemberListKey, Page<MemberSummary>, string>;
  tags: DataLoader<{ arn: string }, Tag[], string>;
  /** tagCollaboration / untagCollaboration. */
  tagging: EntityTagging;
  writeEffects: CollaborationWriteEffects;
}

/** The part of the request context the collaboration resolvers use. */
export interface CollaborationsContext {
  collaborations: CollaborationLoaders;
}

export function createCollaborationLoaders(
  repository: CollaborationRepository,
  tagRepository: TagRepository,
  writeEffects: CollaborationWriteEffects,
): CollaborationLoaders {
  const store = new EntityStore<Collaboration>((id) => repository.get(id));
  return {
    repository,
    store,
    lists: keyedLoader(async (key: CollaborationListKey) => {
      const page = await repository.list(key);
      for (const summary of page.items)
        store.remember(summary.id, summary, COLLABORATION_SUMMARY_FIELDS);
      return page;
    }),
    members: keyedLoader(({ collaborationId, ...page }: MemberListKey) =>
      repository.listMembers(collaborationId, page),
    ),
    ...tagLoaders(store, tagRepository),
    writeEffects,
  };
}
