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
