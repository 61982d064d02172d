/**
 * Domain objects of the gateway: what the AWS boundary hands to the rest of the code. They follow
 * the Clean Rooms API shapes (same member names) with three differences that the SDK forces on
 * every caller: timestamps are `Date`s, enum strings the gateway does not know become `UNKNOWN`,
 * and tagged unions are discriminated by `kind` (including the SDK's unknown-member cases).
 */

import type {
  CreateCollaborationShape,
  DataEncryptionMetadata,
  MemberSpecification,
  MLMemberAbilities,
  PaymentConfiguration,
  Responsibility,
} from '../constraints/shapes';

export type { DataEncryptionMetadata, MLMemberAbilities, PaymentConfiguration, Responsibility };

export interface QueryS3Output {
  kind: 's3';
  resultFormat: string;
  bucket: string;
  keyPrefix?: string;
  singleFileOutput?: boolean;
}

export interface JobS3Output {
  kind: 's3';
  bucket: string;
  keyPrefix?: string;
}

/**
 * A union member this gateway cannot read: an SDK `$unknown` (a member newer than the SDK) or an
 * object with no recognizable member at all (`memberName` is then empty).
 */
export interface UnknownOutput {
  kind: 'unknown';
  memberName: string;
}

export interface QueryResultConfiguration {
  outputConfiguration: QueryS3Output | UnknownOutput;
  roleArn?: string;
}

export interface JobResultConfiguration {
  outputConfiguration: JobS3Output | UnknownOutput;
  roleArn?: string;
}

/** Members that ListMemberships returns. */
export interface MembershipSummary {
  id: string;
  arn: string;
  collaborationArn: string;
  collaborationId: string;
  collaborationCreatorAccountId: string;
  collaborationCreatorDisplayName: string;
  collaborationName: string;
  createTime: Date;
  updateTime: Date;
  status: string;
  memberAbilities: string[];
  mlMemberAbilities?: MLMemberAbilities;
  paymentConfiguration: PaymentConfiguration;
}

/** Everything GetMembership returns. */
export interface Membership extends MembershipSummary {
  queryLogStatus: string;
  jobLogStatus?: string;
  defaultResultConfiguration?: QueryResultConfiguration;
  defaultJobResultConfiguration?: JobResultConfiguration;
  isMetricsEnabled?: boolean;
}

/** Members that ListCollaborations returns. */
export interface CollaborationSummary {
  id: string;
  arn: string;
  name: string;
  creatorAccountId: string;
  creatorDisplayName: string;
  createTime: Date;
  updateTime: Date;
  /** The caller's status in the collaboration. */
  memberStatus: string;
  /** The caller's membership, if it has one. */
  membershipId?: string;
  membershipArn?: string;
  analyticsEngine?: string;
}

/** Everything GetCollaboration returns. */
export interface Collaboration extends CollaborationSummary {
  description?: string;
  dataEncryptionMetadata?: DataEncryptionMetadata;
  queryLogStatus: string;
  jobLogStatus?: string;
  autoApprovedChangeTypes?: string[];
  allowedResultRegions?: string[];
  isMetricsEnabled?: boolean;
}

/** One entry of ListMembers. */
export interface MemberSummary {
  accountId: string;
  status: string;
  displayName: string;
  abilities: string[];
  mlAbilities?: MLMemberAbilities;
  createTime: Date;
  updateTime: Date;
  membershipId?: string;
  membershipArn?: string;
  paymentConfiguration: PaymentConfiguration;
}

export interface Tag {
  key: string;
  value: string;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface PageRequest {
  maxResults?: number;
  nextToken?: string;
}

// ---- inputs (what the repositories send) ------------------------------------------------

export interface QueryResultConfigurationInput {
  outputConfiguration: { s3: Omit<QueryS3Output, 'kind'> };
  roleArn?: string;
}

export interface JobResultConfigurationInput {
  outputConfiguration: { s3: Omit<JobS3Output, 'kind'> };
  roleArn: string;
}

export interface CreateMembershipRequest {
  collaborationIdentifier: string;
  queryLogStatus: string;
  jobLogStatus?: string;
  tags?: Record<string, string>;
  defaultResultConfiguration?: QueryResultConfigurationInput;
  defaultJobResultConfiguration?: JobResultConfigurationInput;
  paymentConfiguration?: PaymentConfiguration;
  isMetricsEnabled?: boolean;
}

export interface UpdateMembershipRequest {
  membershipIdentifier: string;
  queryLogStatus?: string;
  jobLogStatus?: string;
  defaultResultConfiguration?: QueryResultConfigurationInput;
  defaultJobResultConfiguration?: JobResultConfigurationInput;
}

/** PATCH: members left out stay as they are. */
export interface UpdateCollaborationRequest {
  collaborationIdentifier: string;
  name?: string;
  description?: string;
}

export type { MemberSpecification };

export type CreateCollaborationRequest = CreateCollaborationShape;
