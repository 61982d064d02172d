/** The service's tunables: resource quotas, the undocumented choices, and injectable clock/ids. */
import { randomUUID } from 'node:crypto';
import { MAX_TAGS_PER_RESOURCE } from '../../constraints/rules';

export interface Quotas {
  collaborationsPerAccount: number;
  membersPerCollaboration: number;
  membershipsPerAccount: number;
  tagsPerResource: number;
}

export const DEFAULT_QUOTAS: Quotas = {
  collaborationsPerAccount: 10,
  membersPerCollaboration: 5,
  membershipsPerAccount: 100,
  tagsPerResource: MAX_TAGS_PER_RESOURCE,
};

export interface ServiceOptions {
  quotas: Quotas;
  /**
   * What CreateMembership answers for a collaboration the caller cannot join (unknown, deleted,
   * or not invited). AWS's exact choice is not documented: AccessDenied matches GetCollaboration.
   */
  unknownCollaborationOnCreateMembership: 'AccessDeniedException' | 'ResourceNotFoundException';
  /** Clock in epoch seconds; injectable for deterministic seeds and tests. */
  now: () => number;
  newId: (kind: 'collaboration' | 'membership') => string;
}

export const DEFAULT_SERVICE_OPTIONS: ServiceOptions = {
  quotas: DEFAULT_QUOTAS,
  unknownCollaborationOnCreateMembership: 'AccessDeniedException',
  now: () => Date.now() / 1000,
  newId: () => randomUUID(),
};
