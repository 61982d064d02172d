/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a member may do in a collaboration: run queries, receive query results, run jobs, export query analysis logs. */
export type MemberAbility =
  /** May export the analysis logs of queries. */
  | 'CAN_EXPORT_QUERY_ANALYSIS_LOG'
  /** May run queries (one member per collaboration). */
  | 'CAN_QUERY'
  /** May receive query results. */
  | 'CAN_RECEIVE_RESULTS'
  /** May run jobs. */
  | 'CAN_RUN_JOB'
  /** A value Clean Rooms added after this gateway version was built. Upgrade the gateway to see it. */
  | 'UNKNOWN';

/** State of an account inside a collaboration: invited, active (it has a membership), left, or removed. */
export type MemberStatus =
  /** The account joined and has a membership. */
  | 'ACTIVE'
  /** Invited; the account has not created its membership yet. */
  | 'INVITED'
  /** The account left by deleting its membership; it cannot rejoin. */
  | 'LEFT'
  /** The creator removed the account from the collaboration. */
  | 'REMOVED'
  /** A value Clean Rooms added after this gateway version was built. Upgrade the gateway to see it. */
  | 'UNKNOWN';

/** Whether job logs are written for this membership. */
export type MembershipJobLogStatus =
  /** No logs are written. */
  | 'DISABLED'
  /** Logs are written. */
  | 'ENABLED'
  /** A value Clean Rooms added after this gateway version was built. Upgrade the gateway to see it. */
  | 'UNKNOWN';

/** Whether query logs are written for this membership. */
export type MembershipQueryLogStatus =
  /** No logs are written. */
  | 'DISABLED'
  /** Logs are written. */
  | 'ENABLED'
  /** A value Clean Rooms added after this gateway version was built. Upgrade the gateway to see it. */
  | 'UNKNOWN';

/** Lifecycle state of a membership: active, removed from the collaboration by its creator, or left over from a deleted collaboration. */
export type MembershipStatusOutput =
  /** The member takes part in the collaboration. */
  | 'ACTIVE'
  /** The collaboration was deleted; the membership is kept for the record. */
  | 'COLLABORATION_DELETED'
  /** The collaboration creator removed the member; the membership is kept for the record. */
  | 'REMOVED'
  /** A value Clean Rooms added after this gateway version was built. Upgrade the gateway to see it. */
  | 'UNKNOWN';

/** File format of query results written to S3. */
export type ResultFormat =
  /** Comma-separated values. */
  | 'CSV'
  /** Apache Parquet files. */
  | 'PARQUET'
  /** A value Clean Rooms added after this gateway version was built. Upgrade the gateway to see it. */
  | 'UNKNOWN';

export type MembershipsQueryVariables = Exact<{ [key: string]: never; }>;


export type MembershipsQuery = { memberships: { nodes: Array<{ id: string, status: MembershipStatusOutput, collaborationName: string, memberAbilities: Array<MemberAbility>, paymentConfiguration: { queryCompute: { isResponsible: boolean } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MembershipDetailsQueryVariables = Exact<{ [key: string]: never; }>;


export type MembershipDetailsQuery = { membership: { queryLogStatus: MembershipQueryLogStatus, jobLogStatus: MembershipJobLogStatus | null, defaultResultConfiguration: { roleArn: string | null, outputConfiguration:
        | { __typename: 'ProtectedQueryS3OutputConfiguration', bucket: string, keyPrefix: string | null, resultFormat: ResultFormat, singleFileOutput: boolean | null }
        | { __typename: 'UnknownOutputConfiguration', memberName: string }
       } | null, defaultJobResultConfiguration: { roleArn: string, outputConfiguration:
        | { bucket: string, keyPrefix: string | null }
        | Record<PropertyKey, never>
       } | null, tags: Array<{ key: string, value: string }>, collaboration: { name: string, creatorDisplayName: string, members: { nodes: Array<{ displayName: string, status: MemberStatus, abilities: Array<MemberAbility>, membership: { id: string } | null }> } } | null } | null };

export type InvitedCollaborationsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitedCollaborationsQuery = { collaborations: { nodes: Array<{ id: string, name: string, creatorDisplayName: string, memberStatus: MemberStatus }> } };

export type JoinMutationVariables = Exact<{ [key: string]: never; }>;


export type JoinMutation = { createMembership: { id: string, status: MembershipStatusOutput, collaboration: { name: string, memberStatus: MemberStatus } | null } };

export type ChangeMutationVariables = Exact<{
  id: string | number;
}>;


export type ChangeMutation = { updateMembership: { id: string, queryLogStatus: MembershipQueryLogStatus, updateTime: string } };

export type TagMutationVariables = Exact<{
  id: string | number;
}>;


export type TagMutation = { tagMembership: { id: string, tags: Array<{ key: string, value: string }> } };

export type LeaveMutationVariables = Exact<{
  id: string | number;
}>;


export type LeaveMutation = { deleteMembership: string };


export const MembershipsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"collaborationName"}},{"kind":"Field","name":{"kind":"Name","value":"memberAbilities"}},{"kind":"Field","name":{"kind":"Name","value":"paymentConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queryCompute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isResponsible"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MembershipsQuery, MembershipsQueryVariables>;
export const MembershipDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembershipDetails"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"StringValue","value":"e0000000-0000-4000-8000-000000000002","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queryLogStatus"}},{"kind":"Field","name":{"kind":"Name","value":"jobLogStatus"}},{"kind":"Field","name":{"kind":"Name","value":"defaultResultConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleArn"}},{"kind":"Field","name":{"kind":"Name","value":"outputConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProtectedQueryS3OutputConfiguration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"keyPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"resultFormat"}},{"kind":"Field","name":{"kind":"Name","value":"singleFileOutput"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnknownOutputConfiguration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaultJobResultConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roleArn"}},{"kind":"Field","name":{"kind":"Name","value":"outputConfiguration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProtectedJobS3OutputConfiguration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"keyPrefix"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"collaboration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creatorDisplayName"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"abilities"}},{"kind":"Field","name":{"kind":"Name","value":"membership"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembershipDetailsQuery, MembershipDetailsQueryVariables>;
export const InvitedCollaborationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InvitedCollaborations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collaborations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"memberStatus"},"value":{"kind":"EnumValue","value":"INVITED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creatorDisplayName"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}}]}}]}}]}}]} as unknown as DocumentNode<InvitedCollaborationsQuery, InvitedCollaborationsQueryVariables>;
export const JoinDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Join"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMembership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"collaborationIdentifier"},"value":{"kind":"StringValue","value":"c0000000-0000-4000-8000-000000000005","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"queryLogStatus"},"value":{"kind":"EnumValue","value":"ENABLED"}},{"kind":"ObjectField","name":{"kind":"Name","value":"defaultResultConfiguration"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"outputConfiguration"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"s3"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"bucket"},"value":{"kind":"StringValue","value":"acme-query-results","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"resultFormat"},"value":{"kind":"EnumValue","value":"CSV"}},{"kind":"ObjectField","name":{"kind":"Name","value":"keyPrefix"},"value":{"kind":"StringValue","value":"pilot/","block":false}}]}}]}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"tags"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"key"},"value":{"kind":"StringValue","value":"team","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"value"},"value":{"kind":"StringValue","value":"ml","block":false}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"collaboration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberStatus"}}]}}]}}]}}]} as unknown as DocumentNode<JoinMutation, JoinMutationVariables>;
export const ChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Change"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMembership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"membershipIdentifier"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"queryLogStatus"},"value":{"kind":"EnumValue","value":"DISABLED"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"queryLogStatus"}},{"kind":"Field","name":{"kind":"Name","value":"updateTime"}}]}}]}}]} as unknown as DocumentNode<ChangeMutation, ChangeMutationVariables>;
export const TagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Tag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tagMembership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"tags"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"key"},"value":{"kind":"StringValue","value":"stage","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"value"},"value":{"kind":"StringValue","value":"pilot","block":false}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<TagMutation, TagMutationVariables>;
export const LeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Leave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMembership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<LeaveMutation, LeaveMutationVariables>;