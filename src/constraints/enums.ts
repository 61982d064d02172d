/**
 * The enum value sets of the newest Clean Rooms model, read from the constraint table: the
 * gateway's GraphQL enums and its reading of AWS responses both come from here, so a value the
 * model has (even one the SDK does not list yet) is known everywhere at once.
 */
import { enumValues } from './table';

export const ENUMS = {
  MembershipStatus: enumValues('GetMembership', 'membership.status'),
  MemberStatus: enumValues('ListMembers', 'memberSummaries[].status'),
  MemberAbility: enumValues('GetMembership', 'membership.memberAbilities[]'),
  CustomMLMemberAbility: enumValues(
    'GetMembership',
    'membership.mlMemberAbilities.customMLMemberAbilities[]',
  ),
  MembershipQueryLogStatus: enumValues('GetMembership', 'membership.queryLogStatus'),
  MembershipJobLogStatus: enumValues('GetMembership', 'membership.jobLogStatus'),
  CollaborationQueryLogStatus: enumValues('GetCollaboration', 'collaboration.queryLogStatus'),
  CollaborationJobLogStatus: enumValues('GetCollaboration', 'collaboration.jobLogStatus'),
  AnalyticsEngine: enumValues('GetCollaboration', 'collaboration.analyticsEngine'),
  AutoApprovedChangeType: enumValues('GetCollaboration', 'collaboration.autoApprovedChangeTypes[]'),
  ResultFormat: enumValues(
    'GetMembership',
    'membership.defaultResultConfiguration.outputConfiguration.s3.resultFormat',
  ),
  FilterableMemberStatus: enumValues('ListCollaborations', 'memberStatus'),
} as const;

export type EnumName = keyof typeof ENUMS;

/** What the gateway serves for an enum value newer than itself (logged, not lost silently). */
export const UNKNOWN_ENUM_VALUE = 'UNKNOWN';
