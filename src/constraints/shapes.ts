/**
 * Plain structures of the Clean Rooms model that look the same everywhere (no timestamps, enums
 * or unions inside), shared by the emulator's records and the gateway's domain objects.
 */

export interface Responsibility {
  isResponsible: boolean;
}

/** PaymentConfiguration (creator-set) and MembershipPaymentConfiguration share this layout. */
export interface PaymentConfiguration {
  queryCompute: Responsibility;
  machineLearning?: {
    modelTraining?: Responsibility;
    modelInference?: Responsibility;
    syntheticDataGeneration?: Responsibility;
  };
  jobCompute?: Responsibility;
}

export interface MLMemberAbilities {
  customMLMemberAbilities: string[];
}

export interface DataEncryptionMetadata {
  allowCleartext: boolean;
  allowDuplicates: boolean;
  allowJoinsOnColumnsWithDifferentNames: boolean;
  preserveNulls: boolean;
}

/** One account a new collaboration invites (MemberSpecification). */
export interface MemberSpecification {
  accountId: string;
  memberAbilities: string[];
  mlMemberAbilities?: MLMemberAbilities;
  displayName: string;
  paymentConfiguration?: PaymentConfiguration;
}

/**
 * The CreateCollaboration request. `LogStatus` lets the emulator read the log statuses as the
 * literal values validation guarantees, while the gateway passes them on as strings.
 */
export interface CreateCollaborationShape<LogStatus extends string = string> {
  members: MemberSpecification[];
  name: string;
  description?: string;
  creatorMemberAbilities: string[];
  creatorMLMemberAbilities?: MLMemberAbilities;
  creatorDisplayName: string;
  dataEncryptionMetadata?: DataEncryptionMetadata;
  queryLogStatus: LogStatus;
  jobLogStatus?: LogStatus;
  tags?: Record<string, string>;
  creatorPaymentConfiguration?: PaymentConfiguration;
  analyticsEngine?: string;
  autoApprovedChangeRequestTypes?: string[];
  allowedResultRegions?: string[];
  isMetricsEnabled?: boolean;
}
