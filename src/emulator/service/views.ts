/**
 * The response shapes, built from the records: full and summary views of collaborations (as the
 * caller sees them), memberships and members. Undefined members are left out of the JSON.
 */
import type { Caller } from '../caller';
import type { CollaborationRecord, MemberRecord, MembershipRecord } from '../model';
import { compact } from './context';

/** The CollaborationSummary shape (ListCollaborations), as the caller sees it. */
export function collaborationSummaryView(c: CollaborationRecord, caller: Caller) {
  const me = c.members.find((m) => m.accountId === caller.accountId);
  return compact({
    id: c.id,
    arn: c.arn,
    name: c.name,
    creatorAccountId: c.creatorAccountId,
    creatorDisplayName: c.creatorDisplayName,
    createTime: c.createTime,
    updateTime: c.updateTime,
    memberStatus: me?.status ?? 'INVITED',
    membershipId: me?.membershipId,
    membershipArn: me?.membershipArn,
    analyticsEngine: c.analyticsEngine,
  });
}

/** The Collaboration shape (Get/CreateCollaboration): the summary plus the settings. */
export function collaborationView(c: CollaborationRecord, caller: Caller) {
  return compact({
    ...collaborationSummaryView(c, caller),
    description: c.description,
    dataEncryptionMetadata: c.dataEncryptionMetadata,
    queryLogStatus: c.queryLogStatus,
    jobLogStatus: c.jobLogStatus,
    autoApprovedChangeTypes: c.autoApprovedChangeTypes,
    allowedResultRegions: c.allowedResultRegions,
    isMetricsEnabled: c.isMetricsEnabled,
  });
}

/** The MemberSummary shape (ListMembers). */
export function memberSummaryView(m: MemberRecord) {
  return compact({
    accountId: m.accountId,
    status: m.status,
    displayName: m.displayName,
    abilities: m.abilities,
    mlAbilities: m.mlAbilities,
    createTime: m.createTime,
    updateTime: m.updateTime,
    membershipId: m.membershipId,
    membershipArn: m.membershipArn,
    paymentConfiguration: m.paymentConfiguration,
  });
}

/** The MembershipSummary shape (ListMemberships). */
export function membershipSummaryView(m: MembershipRecord) {
  return compact({
    id: m.id,
    arn: m.arn,
    collaborationArn: m.collaborationArn,
    collaborationId: m.collaborationId,
    collaborationCreatorAccountId: m.collaborationCreatorAccountId,
    collaborationCreatorDisplayName: m.collaborationCreatorDisplayName,
    collaborationName: m.collaborationName,
    createTime: m.createTime,
    updateTime: m.updateTime,
    status: m.status,
    memberAbilities: m.memberAbilities,
    mlMemberAbilities: m.mlMemberAbilities,
    paymentConfiguration: m.paymentConfiguration,
  });
}

/** The Membership shape (Get/Create/UpdateMembership): the summary plus the settings. */
export function membershipView(m: MembershipRecord) {
  return compact({
    ...membershipSummaryView(m),
    queryLogStatus: m.queryLogStatus,
    jobLogStatus: m.jobLogStatus,
    defaultResultConfiguration: m.defaultResultConfiguration,
    defaultJobResultConfiguration: m.defaultJobResultConfiguration,
    isMetricsEnabled: m.isMetricsEnabled,
  });
}
