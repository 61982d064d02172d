/**
 * The typed input of every operation, and the one place where a request's JSON becomes it.
 * `parseOperationInput` runs after the constraint-table validation: it keeps exactly the model's
 * members (unknown and `null` members are dropped, as AWS ignores them) and hands the business
 * rules an `OperationInputs[O]` they can read without casts.
 */
import { isPlainObject } from '../constraints/check';
import type { CreateCollaborationShape, MemberSpecification } from '../constraints/shapes';
import { operationSpec, type ConstraintEntry, type OperationName } from '../constraints/table';
import type {
  JobResultConfiguration,
  LogStatus,
  MembershipStatus,
  PaymentConfiguration,
  QueryResultConfiguration,
} from './model';
import { ownField } from './own';

export type TagMap = Record<string, string>;

export interface PageInput {
  nextToken?: string;
  maxResults?: number;
}

export type { MemberSpecification };

export type CreateCollaborationInput = CreateCollaborationShape<LogStatus>;

export interface CollaborationIdInput {
  collaborationIdentifier: string;
}

/** PATCH: the members present change, the others stay as they are. */
export interface UpdateCollaborationInput extends CollaborationIdInput {
  name?: string;
  description?: string;
  analyticsEngine?: string;
}

export interface ListCollaborationsInput extends PageInput {
  memberStatus?: 'INVITED' | 'ACTIVE';
}

export interface ListMembersInput extends PageInput, CollaborationIdInput {}

export interface CreateMembershipInput extends CollaborationIdInput {
  queryLogStatus: LogStatus;
  jobLogStatus?: LogStatus;
  tags?: TagMap;
  defaultResultConfiguration?: QueryResultConfiguration;
  defaultJobResultConfiguration?: JobResultConfiguration;
  paymentConfiguration?: PaymentConfiguration;
  isMetricsEnabled?: boolean;
}

export interface MembershipIdInput {
  membershipIdentifier: string;
}

export interface UpdateMembershipInput extends MembershipIdInput {
  queryLogStatus?: LogStatus;
  jobLogStatus?: LogStatus;
  defaultResultConfiguration?: QueryResultConfiguration;
  defaultJobResultConfiguration?: JobResultConfiguration;
  /** botocore 1.43.107 only (the SDK drops it); every responsibility is optional. */
  membershipPaymentConfiguration?: Partial<PaymentConfiguration>;
}

export interface ListMembershipsInput extends PageInput {
  status?: MembershipStatus;
}

export interface ResourceArnInput {
  resourceArn: string;
}

export interface TagResourceInput extends ResourceArnInput {
  tags: TagMap;
}

export interface UntagResourceInput extends ResourceArnInput {
  tagKeys: string[];
}

export interface OperationInputs {
  CreateCollaboration: CreateCollaborationInput;
  GetCollaboration: CollaborationIdInput;
  ListCollaborations: ListCollaborationsInput;
  DeleteCollaboration: CollaborationIdInput;
  ListMembers: ListMembersInput;
  CreateMembership: CreateMembershipInput;
  GetMembership: MembershipIdInput;
  UpdateMembership: UpdateMembershipInput;
  ListMemberships: ListMembershipsInput;
  DeleteMembership: MembershipIdInput;
  TagResource: TagResourceInput;
  UntagResource: UntagResourceInput;
  ListTagsForResource: ResourceArnInput;
  UpdateCollaboration: UpdateCollaborationInput;
}

/** An operation together with its input, so a `switch` on `operation` narrows `input`. */
export type ParsedRequest = {
  [O in OperationName]: { operation: O; input: OperationInputs[O] };
}[OperationName];

type MemberPresence<T> = {
  [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? 'optional' : 'required';
};

/**
 * The top-level members of each interface above, with whether each is required. The compiler
 * holds this list to the interfaces; a unit test holds it to the constraint table, so the
 * conversion in `parseOperationInput` cannot drift from either.
 */
export const INPUT_MEMBERS = {
  CreateCollaboration: {
    members: 'required',
    name: 'required',
    description: 'optional',
    creatorMemberAbilities: 'required',
    creatorMLMemberAbilities: 'optional',
    creatorDisplayName: 'required',
    dataEncryptionMetadata: 'optional',
    queryLogStatus: 'required',
    jobLogStatus: 'optional',
    tags: 'optional',
    creatorPaymentConfiguration: 'optional',
    analyticsEngine: 'optional',
    autoApprovedChangeRequestTypes: 'optional',
    allowedResultRegions: 'optional',
    isMetricsEnabled: 'optional',
  },
  GetCollaboration: { collaborationIdentifier: 'required' },
  ListCollaborations: { nextToken: 'optional', maxResults: 'optional', memberStatus: 'optional' },
  DeleteCollaboration: { collaborationIdentifier: 'required' },
  ListMembers: {
    collaborationIdentifier: 'required',
    nextToken: 'optional',
    maxResults: 'optional',
  },
  CreateMembership: {
    collaborationIdentifier: 'required',
    queryLogStatus: 'required',
    jobLogStatus: 'optional',
    tags: 'optional',
    defaultResultConfiguration: 'optional',
    defaultJobResultConfiguration: 'optional',
    paymentConfiguration: 'optional',
    isMetricsEnabled: 'optional',
  },
  GetMembership: { membershipIdentifier: 'required' },
  UpdateMembership: {
    membershipIdentifier: 'required',
    queryLogStatus: 'optional',
    jobLogStatus: 'optional',
    defaultResultConfiguration: 'optional',
    defaultJobResultConfiguration: 'optional',
    membershipPaymentConfiguration: 'optional',
  },
  ListMemberships: { nextToken: 'optional', maxResults: 'optional', status: 'optional' },
  DeleteMembership: { membershipIdentifier: 'required' },
  TagResource: { resourceArn: 'required', tags: 'required' },
  UntagResource: { resourceArn: 'required', tagKeys: 'required' },
  ListTagsForResource: { resourceArn: 'required' },
  UpdateCollaboration: {
    collaborationIdentifier: 'required',
    name: 'optional',
    description: 'optional',
    analyticsEngine: 'optional',
  },
} as const satisfies { [O in OperationName]: MemberPresence<OperationInputs[O]> };

interface RowIndex {
  byPath: ReadonlyMap<string, ConstraintEntry>;
  /** The member rows of each structure or union path. */
  children: ReadonlyMap<string, ReadonlyArray<{ name: string; row: ConstraintEntry }>>;
}

const indexes = new Map<OperationName, RowIndex>();

function rowIndex(operation: OperationName): RowIndex {
  const cached = indexes.get(operation);
  if (cached) return cached;
  const rows = operationSpec(operation).input;
  const byPath = new Map(rows.map((row) => [row.path, row]));
  const children = new Map<string, Array<{ name: string; row: ConstraintEntry }>>();
  for (const row of rows) {
    const dot = row.path.lastIndexOf('.');
    if (dot < 0) continue;
    const parent = row.path.slice(0, dot);
    const name = row.path.slice(dot + 1);
    if (/[[{]/.test(name)) continue;
    children.set(parent, [...(children.get(parent) ?? []), { name, row }]);
  }
  const index = { byPath, children };
  indexes.set(operation, index);
  return index;
}

/** A copy of a validated value with only the model's members, and no `null` members. */
function prune(index: RowIndex, path: string, value: unknown): unknown {
  const row = index.byPath.get(path);
  switch (row?.type) {
    case 'list':
      return Array.isArray(value) ? value.map((item) => prune(index, `${path}[]`, item)) : value;
    case 'map':
      return isPlainObject(value)
        ? Object.fromEntries(
            Object.entries(value).map(([key, item]) => [key, prune(index, `${path}{value}`, item)]),
          )
        : value;
    case 'structure':
    case 'union': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = {};
      for (const { name, row: child } of index.children.get(path) ?? []) {
        const member = ownField(value, name);
        if (member !== undefined && member !== null) out[name] = prune(index, child.path, member);
      }
      return out;
    }
    default:
      return value;
  }
}

/**
 * Turns an input that passed `validateOperationInput` into its typed form. Call it only after
 * validation: that is what makes the final conversion sound.
 */
export function parseOperationInput(
  operation: OperationName,
  input: Record<string, unknown>,
): ParsedRequest {
  const index = rowIndex(operation);
  const parsed: Record<string, unknown> = {};
  for (const name of Object.keys(INPUT_MEMBERS[operation])) {
    const value = ownField(input, name);
    if (value !== undefined && value !== null) parsed[name] = prune(index, name, value);
  }
  // The single conversion from JSON to the model's types. Sound because the validator checked
  // every member's JSON type, required members, enums and unions against the constraint table,
  // `prune` kept only the members it checked, and INPUT_MEMBERS is held to both.
  return { operation, input: parsed } as ParsedRequest;
}
