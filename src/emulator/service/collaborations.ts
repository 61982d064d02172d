/**
 * CreateCollaboration, GetCollaboration, ListCollaborations, UpdateCollaboration and
 * DeleteCollaboration, plus the
 * visibility rule the member and membership operations share: a collaboration exists for the
 * creator and its INVITED or ACTIVE members only, and for nobody once deleted.
 */
import { fail } from '../errors';
import type {
  CollaborationIdInput,
  CreateCollaborationInput,
  ListCollaborationsInput,
  MemberSpecification,
  UpdateCollaborationInput,
} from '../inputs';
import type { CollaborationRecord, MemberRecord } from '../model';
import { arnOf, compact, pageByCreation, QUERY_ABILITY, type OperationContext } from './context';
import { checkDesignatedPayers, defaultPayment } from './payment';
import { checkNewTags, setTags } from './tags';
import { collaborationSummaryView, collaborationView } from './views';

function checkMembers(ctx: OperationContext, input: CreateCollaborationInput): void {
  const accountIds = input.members.map((m) => m.accountId);
  if (accountIds.includes(ctx.caller.accountId)) {
    throw fail.field('members', 'The collaboration creator must not be listed in members');
  }
  if (new Set(accountIds).size !== accountIds.length) {
    throw fail.field('members', 'Each account may be listed only once in members');
  }
  const queriers = [
    input.creatorMemberAbilities,
    ...input.members.map((m) => m.memberAbilities),
  ].filter((abilities) => abilities.includes(QUERY_ABILITY)).length;
  if (queriers > 1) {
    throw fail.invalidConfiguration(`Only one member can have the ${QUERY_ABILITY} ability`);
  }
}

function checkCollaborationQuotas(ctx: OperationContext, input: CreateCollaborationInput): void {
  const { quotas } = ctx.options;
  if (input.members.length > quotas.membersPerCollaboration) {
    throw fail.quota('Maximum number of members per collaboration', quotas.membersPerCollaboration);
  }
  const created = [...ctx.state.collaborations.values()].filter(
    (c) => !c.deleted && c.creatorAccountId === ctx.caller.accountId,
  ).length;
  if (created >= quotas.collaborationsPerAccount) {
    throw fail.quota(
      'Maximum number of collaborations per account',
      quotas.collaborationsPerAccount,
    );
  }
}

export function createCollaboration(ctx: OperationContext, input: CreateCollaborationInput) {
  const { caller } = ctx;
  checkMembers(ctx, input);
  const { someoneResponsible } = checkDesignatedPayers(
    { abilities: input.creatorMemberAbilities, payment: input.creatorPaymentConfiguration },
    input.members,
  );
  checkNewTags(ctx, input.tags, 'tags');
  checkCollaborationQuotas(ctx, input);

  const now = ctx.options.now();
  const id = ctx.options.newId('collaboration');
  const member = (spec: MemberSpecification): MemberRecord =>
    compact({
      accountId: spec.accountId,
      displayName: spec.displayName,
      abilities: [...spec.memberAbilities],
      mlAbilities: spec.mlMemberAbilities,
      paymentConfiguration:
        spec.paymentConfiguration ?? defaultPayment(spec.memberAbilities, someoneResponsible),
      paymentConfigured: spec.paymentConfiguration !== undefined,
      status: 'INVITED' as const,
      createTime: now,
      updateTime: now,
    });
  const collaboration: CollaborationRecord = compact({
    id,
    arn: arnOf(caller.region, caller.accountId, 'collaboration', id),
    name: input.name,
    description: input.description,
    creatorAccountId: caller.accountId,
    creatorDisplayName: input.creatorDisplayName,
    createTime: now,
    updateTime: now,
    queryLogStatus: input.queryLogStatus,
    jobLogStatus: input.jobLogStatus,
    dataEncryptionMetadata: input.dataEncryptionMetadata,
    analyticsEngine: input.analyticsEngine,
    autoApprovedChangeTypes: input.autoApprovedChangeRequestTypes,
    allowedResultRegions: input.allowedResultRegions,
    isMetricsEnabled: input.isMetricsEnabled,
    members: [
      member({
        accountId: caller.accountId,
        displayName: input.creatorDisplayName,
        memberAbilities: input.creatorMemberAbilities,
        mlMemberAbilities: input.creatorMLMemberAbilities,
        paymentConfiguration: input.creatorPaymentConfiguration,
      }),
      ...input.members.map(member),
    ],
    deleted: false,
  });
  ctx.state.addCollaboration(collaboration);
  setTags(ctx, collaboration.arn, input.tags);
  return collaborationView(collaboration, caller);
}

/** The collaboration if the caller may see it (creator, or INVITED/ACTIVE member). */
export function visibleCollaboration(ctx: OperationContext, id: string): CollaborationRecord {
  const { accountId } = ctx.caller;
  const collaboration = ctx.state.collaborations.get(id);
  const me = collaboration?.members.find((m) => m.accountId === accountId);
  const visible =
    collaboration &&
    !collaboration.deleted &&
    (collaboration.creatorAccountId === accountId ||
      me?.status === 'INVITED' ||
      me?.status === 'ACTIVE');
  if (!collaboration || !visible) {
    // Collaborations are cross-account: "not found" and "not yours" look the same.
    throw fail.accessDenied(`Caller is not authorized to access collaboration ${id}`);
  }
  return collaboration;
}

export function getCollaboration(ctx: OperationContext, input: CollaborationIdInput) {
  return collaborationView(visibleCollaboration(ctx, input.collaborationIdentifier), ctx.caller);
}

export function listCollaborations(ctx: OperationContext, input: ListCollaborationsInput) {
  const { caller } = ctx;
  const filter = input.memberStatus;
  const items = [...ctx.state.collaborations.values()].filter((c) => {
    if (c.deleted) return false;
    const status = c.members.find((m) => m.accountId === caller.accountId)?.status;
    if (filter) return status === filter;
    return c.creatorAccountId === caller.accountId || status === 'INVITED' || status === 'ACTIVE';
  });
  const { page, nextToken } = pageByCreation(ctx, 'ListCollaborations', items, input, filter);
  return compact({
    collaborationList: page.map((c) => collaborationSummaryView(c, caller)),
    nextToken,
  });
}

/** The collaboration if the caller may change it: it must see it and have created it. */
function ownCollaboration(
  ctx: OperationContext,
  id: string,
  action: 'update' | 'delete',
): CollaborationRecord {
  const collaboration = visibleCollaboration(ctx, id);
  if (collaboration.creatorAccountId !== ctx.caller.accountId) {
    throw fail.accessDenied(`Only the collaboration creator can ${action} the collaboration`);
  }
  return collaboration;
}

export function updateCollaboration(ctx: OperationContext, input: UpdateCollaborationInput) {
  const collaboration = ownCollaboration(ctx, input.collaborationIdentifier, 'update');
  // PATCH: only members present in the request change.
  if (input.name !== undefined) {
    collaboration.name = input.name;
    // Memberships carry the collaboration's name: they show the new one (as the console does).
    for (const membership of ctx.state.memberships.values()) {
      if (membership.collaborationId === collaboration.id)
        membership.collaborationName = input.name;
    }
  }
  if (input.description !== undefined) collaboration.description = input.description;
  if (input.analyticsEngine !== undefined) collaboration.analyticsEngine = input.analyticsEngine;
  collaboration.updateTime = ctx.options.now();
  return collaborationView(collaboration, ctx.caller);
}

export function deleteCollaboration(ctx: OperationContext, input: CollaborationIdInput): void {
  const collaboration = ownCollaboration(ctx, input.collaborationIdentifier, 'delete');
  const now = ctx.options.now();
  collaboration.deleted = true;
  collaboration.updateTime = now;
  for (const membership of ctx.state.memberships.values()) {
    if (membership.collaborationId === collaboration.id) {
      membership.status = 'COLLABORATION_DELETED';
      membership.updateTime = now;
    }
  }
  ctx.state.deleteTags(collaboration.arn);
}
