/**
 * The emulator's state records and the API shapes it returns. Timestamps are epoch seconds
 * (fractional), exactly what goes on the wire.
 */
import type {
  DataEncryptionMetadata,
  MLMemberAbilities,
  PaymentConfiguration,
  Responsibility,
} from '../constraints/shapes';

export type MemberStatus = 'INVITED' | 'ACTIVE' | 'LEFT' | 'REMOVED';
export type MembershipStatus = 'ACTIVE' | 'REMOVED' | 'COLLABORATION_DELETED';
export type LogStatus = 'ENABLED' | 'DISABLED';

export type { DataEncryptionMetadata, MLMemberAbilities, PaymentConfiguration, Responsibility };

/** ProtectedQueryS3OutputConfiguration: the `s3` member of the query-results union. */
export interface QueryS3Output {
  resultFormat: 'CSV' | 'PARQUET';
  bucket: string;
  keyPrefix?: string;
  singleFileOutput?: boolean;
}

/** ProtectedJobS3OutputConfigurationInput: the `s3` member of the job-results union. */
export interface JobS3Output {
  bucket: string;
  keyPrefix?: string;
}

export interface QueryResultConfiguration {
  outputConfiguration: { s3: QueryS3Output };
  roleArn?: string;
}

export interface JobResultConfiguration {
  outputConfiguration: { s3: JobS3Output };
  roleArn: string;
}

export interface MemberRecord {
  accountId: string;
  displayName: string;
  abilities: string[];
  mlAbilities?: MLMemberAbilities;
  /** What the creator designated (synthesized when the creator gave none). */
  paymentConfiguration: PaymentConfiguration;
  /** True when the creator set the configuration explicitly. */
  paymentConfigured: boolean;
  status: MemberStatus;
  membershipId?: string;
  membershipArn?: string;
  createTime: number;
  updateTime: number;
}

export interface CollaborationRecord {
  id: string;
  arn: string;
  name: string;
  description?: string;
  creatorAccountId: string;
  creatorDisplayName: string;
  createTime: number;
  updateTime: number;
  queryLogStatus: LogStatus;
  jobLogStatus?: LogStatus;
  dataEncryptionMetadata?: DataEncryptionMetadata;
  analyticsEngine?: string;
  autoApprovedChangeTypes?: string[];
  allowedResultRegions?: string[];
  isMetricsEnabled?: boolean;
  /** Creator first, then the invited accounts in request order. */
  members: MemberRecord[];
  deleted: boolean;
}

export interface MembershipRecord {
  id: string;
  arn: string;
  accountId: string;
  collaborationId: string;
  collaborationArn: string;
  collaborationCreatorAccountId: string;
  collaborationCreatorDisplayName: string;
  collaborationName: string;
  createTime: number;
  updateTime: number;
  status: MembershipStatus;
  memberAbilities: string[];
  mlMemberAbilities?: MLMemberAbilities;
  queryLogStatus: LogStatus;
  jobLogStatus?: LogStatus;
  defaultResultConfiguration?: QueryResultConfiguration;
  defaultJobResultConfiguration?: JobResultConfiguration;
  paymentConfiguration: PaymentConfiguration;
  isMetricsEnabled?: boolean;
}

/** Everything the emulator knows; `reset` replaces it with a fresh one. */
export class EmulatorState {
  readonly collaborations = new Map<string, CollaborationRecord>();
  readonly memberships = new Map<string, MembershipRecord>();
  /** Tags by resource ARN. */
  readonly tags = new Map<string, Map<string, string>>();
}
