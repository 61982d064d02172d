/**
 * CreateMembership, GetMembership, UpdateMembership, ListMemberships and DeleteMembership: the
 * member status machine (INVITED → ACTIVE → LEFT, no rejoining), the creator's special case, the
 * settings a member may choose, and ownership (another account's membership does not exist).
 */
import { fail } from '../errors';
import type {
  CreateMembershipInput,
  ListMembershipsInput,
  MembershipIdInput,
  UpdateMembershipInput,
} from '../inputs';
import type { CollaborationRecord, MemberRecord, MembershipRecord } from '../model';
import {
  arnOf,
  compact,
  pageByCreation,
  QUERY_ABILITY,
  RESULTS_ABILITY,
  type OperationContext,
} from './context';
import { checkResponsibilities, memberPayment } from './payment';
import { checkNewTags, setTags } from './tags';
import { membershipSummaryView, membershipView } from './views';

/** The collaboration and the caller's member entry, if the caller may join it at all. */
function joinable(
  ctx: OperationContext,
  collaborationId: string,
): { collaboration: CollaborationRecord; me: MemberRecord } {
  const collaboration = ctx.state.collaborations.get(collaborationId);
  const me = collaboration?.members.find((m) => m.accountId === ctx.caller.accountId);
  if (!collaboration || collaboration.deleted || !me) {
    if (ctx.options.unknownCollaborationOnCreateMembership === 'ResourceNotFoundException') {
      throw fail.notFound('COLLABORATION', collaborationId);
    }
    throw fail.accessDenied(`Caller is not authorized to join collaboration ${collaborationId}`);
  }
  if (me.status === 'ACTIVE') {
    throw fail.conflict(
      'ALREADY_EXISTS',
      'MEMBERSHIP',
      me.membershipId ?? collaborationId,
      `A membership for collaboration ${collaborationId} already exists`,
    );
  }
  if (me.status !== 'INVITED') {
    throw fail.conflict(
      'INVALID_STATE',
      'COLLABORATION',
      collaborationId,
      `A member whose status is ${me.status} cannot join collaboration ${collaborationId} again`,
    );
  }
  return { collaboration, me };
}

/** Rules shared by create and update: logging and result settings allowed for this member. */
function checkMembershipSettings(
  collaboration: CollaborationRecord,
  abilities: string[],
  input:
    | Pick<CreateMembershipInput, 'queryLogStatus' | 'defaultResultConfiguration'>
    | Pick<UpdateMembershipInput, 'queryLogStatus' | 'defaultResultConfiguration'>,
): void {
  if (input.queryLogStatus === 'ENABLED' && collaboration.queryLogStatus !== 'ENABLED') {
    throw fail.invalidConfiguration(
      'Query logging cannot be enabled: the collaboration has query logging disabled',
      'queryLogStatus',
    );
  }
  if (input.defaultResultConfiguration && !abilities.includes(RESULTS_ABILITY)) {
    throw fail.invalidConfiguration(
      `defaultResultConfiguration requires the ${RESULTS_ABILITY} ability`,
      'defaultResultConfiguration',
    );
  }
}

export function createMembership(ctx: OperationContext, input: CreateMembershipInput) {
  const { caller, options } = ctx;
  const { collaboration, me } = joinable(ctx, input.collaborationIdentifier);
  const payment = memberPayment(me, input.paymentConfiguration);
  checkMembershipSettings(collaboration, me.abilities, input);
  if (input.isMetricsEnabled === true) {
    const canQuery = me.abilities.includes(QUERY_ABILITY);
    if (
      collaboration.isMetricsEnabled !== true ||
      !(canQuery || payment.queryCompute.isResponsible)
    ) {
      throw fail.invalidConfiguration(
        'Metrics can be enabled only in a collaboration with metrics enabled, by the member who queries or pays for queries',
        'isMetricsEnabled',
      );
    }
  }
  checkNewTags(ctx, input.tags, 'tags');
  const owned = [...ctx.state.memberships.values()].filter(
    (m) => m.accountId === caller.accountId && m.status === 'ACTIVE',
  ).length;
  if (owned >= options.quotas.membershipsPerAccount) {
    throw fail.quota(
      'Maximum number of memberships per account',
      options.quotas.membershipsPerAccount,
    );
  }

  const now = options.now();
  const id = options.newId('membership');
  const membership: MembershipRecord = compact({
    id,
    arn: arnOf(caller.region, caller.accountId, 'membership', id),
    accountId: caller.accountId,
    collaborationId: collaboration.id,
    collaborationArn: collaboration.arn,
    collaborationCreatorAccountId: collaboration.creatorAccountId,
    collaborationCreatorDisplayName: collaboration.creatorDisplayName,
    collaborationName: collaboration.name,
    createTime: now,
    updateTime: now,
    status: 'ACTIVE' as const,
    memberAbilities: [...me.abilities],
    mlMemberAbilities: me.mlAbilities,
    queryLogStatus: input.queryLogStatus,
    jobLogStatus: input.jobLogStatus,
    defaultResultConfiguration: input.defaultResultConfiguration,
    defaultJobResultConfiguration: input.defaultJobResultConfiguration,
    paymentConfiguration: payment,
    isMetricsEnabled: input.isMetricsEnabled,
  });
  ctx.state.addMembership(membership);
  me.status = 'ACTIVE';
  me.membershipId = id;
  me.membershipArn = membership.arn;
  me.updateTime = now;
  setTags(ctx, membership.arn, input.tags);
  return membershipView(membership);
}

/** The caller's own membership, or ResourceNotFound (another account's id looks unknown). */
function ownMembership(ctx: OperationContext, { membershipIdentifier: id }: MembershipIdInput) {
  const membership = ctx.state.memberships.get(id);
  if (!membership || membership.accountId !== ctx.caller.accountId) {
    throw fail.notFound('MEMBERSHIP', id);
  }
  return membership;
}

export function getMembership(ctx: OperationContext, input: MembershipIdInput) {
  return membershipView(ownMembership(ctx, input));
}

export function updateMembership(ctx: OperationContext, input: UpdateMembershipInput) {
  const membership = ownMembership(ctx, input);
  if (membership.status !== 'ACTIVE') {
    throw fail.conflict(
      'INVALID_STATE',
      'MEMBERSHIP',
      membership.id,
      `Membership ${membership.id} is ${membership.status} and cannot be updated`,
    );
  }
  const collaboration = ctx.state.collaborations.get(membership.collaborationId);
  if (!collaboration) throw new Error(`membership ${membership.id} has no collaboration`);
  checkMembershipSettings(collaboration, membership.memberAbilities, input);
  const paymentUpdate = input.membershipPaymentConfiguration;
  const me = collaboration.members.find((m) => m.accountId === ctx.caller.accountId);
  if (paymentUpdate && me) {
    checkResponsibilities(me.paymentConfiguration, paymentUpdate, 'membershipPaymentConfiguration');
  }

  // PATCH: only members present in the request change.
  if (input.queryLogStatus !== undefined) membership.queryLogStatus = input.queryLogStatus;
  if (input.jobLogStatus !== undefined) membership.jobLogStatus = input.jobLogStatus;
  if (input.defaultResultConfiguration !== undefined) {
    membership.defaultResultConfiguration = input.defaultResultConfiguration;
  }
  if (input.defaultJobResultConfiguration !== undefined) {
    membership.defaultJobResultConfiguration = input.defaultJobResultConfiguration;
  }
  if (paymentUpdate) {
    const current = membership.paymentConfiguration;
    membership.paymentConfiguration = compact({
      queryCompute: paymentUpdate.queryCompute ?? current.queryCompute,
      machineLearning:
        paymentUpdate.machineLearning || current.machineLearning
          ? { ...current.machineLearning, ...paymentUpdate.machineLearning }
          : undefined,
      jobCompute: paymentUpdate.jobCompute ?? current.jobCompute,
    });
  }
  membership.updateTime = ctx.options.now();
  return membershipView(membership);
}

export function listMemberships(ctx: OperationContext, input: ListMembershipsInput) {
  const { accountId } = ctx.caller;
  const { status } = input;
  const items = [...ctx.state.memberships.values()].filter(
    (m) => m.accountId === accountId && (!status || m.status === status),
  );
  const { page, nextToken } = pageByCreation(ctx, 'ListMemberships', items, input, status);
  return compact({ membershipSummaries: page.map(membershipSummaryView), nextToken });
}

export function deleteMembership(ctx: OperationContext, input: MembershipIdInput): void {
  const membership = ownMembership(ctx, input);
  const collaboration = ctx.state.collaborations.get(membership.collaborationId);
  if (
    membership.status === 'ACTIVE' &&
    collaboration &&
    !collaboration.deleted &&
    collaboration.creatorAccountId === ctx.caller.accountId
  ) {
    throw fail.conflict(
      'INVALID_STATE',
      'MEMBERSHIP',
      membership.id,
      'The collaboration creator cannot leave; delete the collaboration instead',
    );
  }
  const me = collaboration?.members.find((m) => m.accountId === ctx.caller.accountId);
  if (me && membership.status === 'ACTIVE') {
    me.status = 'LEFT';
    me.updateTime = ctx.options.now();
  }
  ctx.state.deleteMembership(membership.id);
  ctx.state.deleteTags(membership.arn);
}
