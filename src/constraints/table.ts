/**
 * Typed access to the Clean Rooms constraint table (`cleanrooms-constraints.json`, generated from
 * the botocore model; operations that model did not cover were added from another botocore
 * with `--add-to`, listed under `supplements`). The emulator validates requests with it and the gateway derives its input
 * rules from it, so both refuse exactly the same values.
 */
import table from './cleanrooms-constraints.json';

export type OperationName =
  | 'CreateCollaboration'
  | 'GetCollaboration'
  | 'ListCollaborations'
  | 'DeleteCollaboration'
  | 'ListMembers'
  | 'CreateMembership'
  | 'GetMembership'
  | 'UpdateMembership'
  | 'ListMemberships'
  | 'DeleteMembership'
  | 'TagResource'
  | 'UntagResource'
  | 'ListTagsForResource'
  | 'UpdateCollaboration';

export type ErrorName =
  | 'ValidationException'
  | 'ServiceQuotaExceededException'
  | 'AccessDeniedException'
  | 'ResourceNotFoundException'
  | 'ConflictException'
  | 'ThrottlingException'
  | 'InternalServerException';

export type MemberType =
  | 'string'
  | 'integer'
  | 'long'
  | 'double'
  | 'float'
  | 'boolean'
  | 'timestamp'
  | 'list'
  | 'map'
  | 'structure'
  | 'union';

export type MemberLocation = 'uri' | 'querystring' | 'header' | 'body';

/** One row of the table: a member (or list element / map key / map value) and its constraints. */
export interface ConstraintEntry {
  path: string;
  shape: string;
  type: MemberType;
  /** Required inside its parent object. */
  required: boolean;
  /** Required from the top of the input (every ancestor is required too). */
  requiredPath: boolean;
  location?: MemberLocation;
  locationName?: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  union?: boolean;
  unionMembers?: string[];
}

export interface OperationSpec {
  name: OperationName;
  http: { method: string; uri: string; successCode: number };
  errors: ErrorName[];
  input: ConstraintEntry[];
  output: ConstraintEntry[];
  pagination?: { input_token: string; output_token: string; limit_key: string; result_key: string };
}

export interface ErrorSpec {
  httpStatus: number;
  fault: 'client' | 'server';
  required: string[];
  members: ConstraintEntry[];
}

interface RawTable {
  operations: Record<string, Omit<OperationSpec, 'name'>>;
  errors: Record<string, ErrorSpec>;
  source: { botocoreVersion: string; apiVersion: string };
}

const raw = table as unknown as RawTable;

export const OPERATION_NAMES = Object.keys(raw.operations) as OperationName[];
export const ERROR_NAMES = Object.keys(raw.errors) as ErrorName[];
export const MODEL_SOURCE = raw.source;

export function operationSpec(name: OperationName): OperationSpec {
  const spec = raw.operations[name];
  if (!spec) throw new Error(`unknown Clean Rooms operation ${name}`);
  return { name, ...spec };
}

export function errorSpec(name: ErrorName): ErrorSpec {
  const spec = raw.errors[name];
  if (!spec) throw new Error(`unknown Clean Rooms error ${name}`);
  return spec;
}

export function isErrorName(name: string): name is ErrorName {
  return Object.prototype.hasOwnProperty.call(raw.errors, name);
}

/** The input row at `path` of `operation`; a missing row is a programming error. */
export function inputConstraint(operation: OperationName, path: string): ConstraintEntry {
  const entry = operationSpec(operation).input.find((e) => e.path === path);
  if (!entry) throw new Error(`no constraint ${operation}.${path} in the table`);
  return entry;
}

/** The allowed values of the enum at `path` of `operation`'s input or output. */
export function enumValues(operation: OperationName, path: string): string[] {
  const spec = operationSpec(operation);
  const entry = [...spec.input, ...spec.output].find((e) => e.path === path);
  if (!entry?.enum) throw new Error(`no enum at ${operation}.${path} in the table`);
  return entry.enum;
}
