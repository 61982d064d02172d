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

/**
 * One region's resources: all a request signed for that region can see. Records are changed in
 * place; adding or removing one goes through the methods, which is also what stores a region
 * the first time something is written to it.
 */
export class RegionState {
  private readonly collaborationsById = new Map<string, CollaborationRecord>();
  private readonly membershipsById = new Map<string, MembershipRecord>();
  private readonly tagsByArn = new Map<string, Map<string, string>>();
  readonly collaborations: ReadonlyMap<string, CollaborationRecord> = this.collaborationsById;
  readonly memberships: ReadonlyMap<string, MembershipRecord> = this.membershipsById;
  /** Tags by resource ARN. */
  readonly tags: ReadonlyMap<string, Map<string, string>> = this.tagsByArn;

  constructor(
    readonly name: string,
    private readonly onWrite: (region: RegionState) => void,
  ) {}

  addCollaboration(collaboration: CollaborationRecord): void {
    this.onWrite(this);
    this.collaborationsById.set(collaboration.id, collaboration);
  }

  addMembership(membership: MembershipRecord): void {
    this.onWrite(this);
    this.membershipsById.set(membership.id, membership);
  }

  deleteMembership(id: string): void {
    this.membershipsById.delete(id);
  }

  setTags(arn: string, tags: Map<string, string>): void {
    this.onWrite(this);
    this.tagsByArn.set(arn, tags);
  }

  deleteTags(arn: string): void {
    this.tagsByArn.delete(arn);
  }
}

/** Everything the emulator knows, region by region; `reset` replaces it with a fresh one. */
export class EmulatorState {
  private readonly regions = new Map<string, RegionState>();

  /**
   * The state of a region. A region is stored only once something is written to it, so a
   * request naming any region string reads an empty state and leaves nothing behind.
   */
  region(name: string): RegionState {
    return (
      this.regions.get(name) ??
      new RegionState(name, (region) => {
        const stored = this.regions.get(name);
        if (stored && stored !== region) throw new Error(`region ${name} was stored twice`);
        this.regions.set(name, region);
      })
    );
  }

  /** The regions that hold any resource. */
  regionNames(): string[] {
    return [...this.regions.keys()];
  }
}
