/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Memberships {\n  memberships {\n    nodes {\n      id\n      status\n      collaborationName\n      memberAbilities\n      paymentConfiguration {\n        queryCompute {\n          isResponsible\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.MembershipsDocument,
    "query MembershipDetails {\n  membership(id: \"e0000000-0000-4000-8000-000000000002\") {\n    queryLogStatus\n    jobLogStatus\n    defaultResultConfiguration {\n      roleArn\n      outputConfiguration {\n        __typename\n        ... on ProtectedQueryS3OutputConfiguration {\n          bucket\n          keyPrefix\n          resultFormat\n          singleFileOutput\n        }\n        ... on UnknownOutputConfiguration {\n          memberName\n        }\n      }\n    }\n    defaultJobResultConfiguration {\n      roleArn\n      outputConfiguration {\n        ... on ProtectedJobS3OutputConfiguration {\n          bucket\n          keyPrefix\n        }\n      }\n    }\n    tags {\n      key\n      value\n    }\n    collaboration {\n      name\n      creatorDisplayName\n      members {\n        nodes {\n          displayName\n          status\n          abilities\n          membership {\n            id\n          }\n        }\n      }\n    }\n  }\n}": typeof types.MembershipDetailsDocument,
    "query InvitedCollaborations {\n  collaborations(memberStatus: INVITED) {\n    nodes {\n      id\n      name\n      creatorDisplayName\n      memberStatus\n    }\n  }\n}": typeof types.InvitedCollaborationsDocument,
    "mutation Join {\n  createMembership(\n    input: {collaborationIdentifier: \"c0000000-0000-4000-8000-000000000005\", queryLogStatus: ENABLED, defaultResultConfiguration: {outputConfiguration: {s3: {bucket: \"acme-query-results\", resultFormat: CSV, keyPrefix: \"pilot/\"}}}, tags: [{key: \"team\", value: \"ml\"}]}\n  ) {\n    id\n    status\n    collaboration {\n      name\n      memberStatus\n    }\n  }\n}": typeof types.JoinDocument,
    "mutation Change($id: ID!) {\n  updateMembership(input: {membershipIdentifier: $id, queryLogStatus: DISABLED}) {\n    id\n    queryLogStatus\n    updateTime\n  }\n}": typeof types.ChangeDocument,
    "mutation Tag($id: ID!) {\n  tagMembership(id: $id, tags: [{key: \"stage\", value: \"pilot\"}]) {\n    id\n    tags {\n      key\n      value\n    }\n  }\n}": typeof types.TagDocument,
    "mutation Leave($id: ID!) {\n  deleteMembership(id: $id)\n}": typeof types.LeaveDocument,
};
const documents: Documents = {
    "query Memberships {\n  memberships {\n    nodes {\n      id\n      status\n      collaborationName\n      memberAbilities\n      paymentConfiguration {\n        queryCompute {\n          isResponsible\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.MembershipsDocument,
    "query MembershipDetails {\n  membership(id: \"e0000000-0000-4000-8000-000000000002\") {\n    queryLogStatus\n    jobLogStatus\n    defaultResultConfiguration {\n      roleArn\n      outputConfiguration {\n        __typename\n        ... on ProtectedQueryS3OutputConfiguration {\n          bucket\n          keyPrefix\n          resultFormat\n          singleFileOutput\n        }\n        ... on UnknownOutputConfiguration {\n          memberName\n        }\n      }\n    }\n    defaultJobResultConfiguration {\n      roleArn\n      outputConfiguration {\n        ... on ProtectedJobS3OutputConfiguration {\n          bucket\n          keyPrefix\n        }\n      }\n    }\n    tags {\n      key\n      value\n    }\n    collaboration {\n      name\n      creatorDisplayName\n      members {\n        nodes {\n          displayName\n          status\n          abilities\n          membership {\n            id\n          }\n        }\n      }\n    }\n  }\n}": types.MembershipDetailsDocument,
    "query InvitedCollaborations {\n  collaborations(memberStatus: INVITED) {\n    nodes {\n      id\n      name\n      creatorDisplayName\n      memberStatus\n    }\n  }\n}": types.InvitedCollaborationsDocument,
    "mutation Join {\n  createMembership(\n    input: {collaborationIdentifier: \"c0000000-0000-4000-8000-000000000005\", queryLogStatus: ENABLED, defaultResultConfiguration: {outputConfiguration: {s3: {bucket: \"acme-query-results\", resultFormat: CSV, keyPrefix: \"pilot/\"}}}, tags: [{key: \"team\", value: \"ml\"}]}\n  ) {\n    id\n    status\n    collaboration {\n      name\n      memberStatus\n    }\n  }\n}": types.JoinDocument,
    "mutation Change($id: ID!) {\n  updateMembership(input: {membershipIdentifier: $id, queryLogStatus: DISABLED}) {\n    id\n    queryLogStatus\n    updateTime\n  }\n}": types.ChangeDocument,
    "mutation Tag($id: ID!) {\n  tagMembership(id: $id, tags: [{key: \"stage\", value: \"pilot\"}]) {\n    id\n    tags {\n      key\n      value\n    }\n  }\n}": types.TagDocument,
    "mutation Leave($id: ID!) {\n  deleteMembership(id: $id)\n}": types.LeaveDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Memberships {\n  memberships {\n    nodes {\n      id\n      status\n      collaborationName\n      memberAbilities\n      paymentConfiguration {\n        queryCompute {\n          isResponsible\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Memberships {\n  memberships {\n    nodes {\n      id\n      status\n      collaborationName\n      memberAbilities\n      paymentConfiguration {\n        queryCompute {\n          isResponsible\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MembershipDetails {\n  membership(id: \"e0000000-0000-4000-8000-000000000002\") {\n    queryLogStatus\n    jobLogStatus\n    defaultResultConfiguration {\n      roleArn\n      outputConfiguration {\n        __typename\n        ... on ProtectedQueryS3OutputConfiguration {\n          bucket\n          keyPrefix\n          resultFormat\n          singleFileOutput\n        }\n        ... on UnknownOutputConfiguration {\n          memberName\n        }\n      }\n    }\n    defaultJobResultConfiguration {\n      roleArn\n      outputConfiguration {\n        ... on ProtectedJobS3OutputConfiguration {\n          bucket\n          keyPrefix\n        }\n      }\n    }\n    tags {\n      key\n      value\n    }\n    collaboration {\n      name\n      creatorDisplayName\n      members {\n        nodes {\n          displayName\n          status\n          abilities\n          membership {\n            id\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query MembershipDetails {\n  membership(id: \"e0000000-0000-4000-8000-000000000002\") {\n    queryLogStatus\n    jobLogStatus\n    defaultResultConfiguration {\n      roleArn\n      outputConfiguration {\n        __typename\n        ... on ProtectedQueryS3OutputConfiguration {\n          bucket\n          keyPrefix\n          resultFormat\n          singleFileOutput\n        }\n        ... on UnknownOutputConfiguration {\n          memberName\n        }\n      }\n    }\n    defaultJobResultConfiguration {\n      roleArn\n      outputConfiguration {\n        ... on ProtectedJobS3OutputConfiguration {\n          bucket\n          keyPrefix\n        }\n      }\n    }\n    tags {\n      key\n      value\n    }\n    collaboration {\n      name\n      creatorDisplayName\n      members {\n        nodes {\n          displayName\n          status\n          abilities\n          membership {\n            id\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvitedCollaborations {\n  collaborations(memberStatus: INVITED) {\n    nodes {\n      id\n      name\n      creatorDisplayName\n      memberStatus\n    }\n  }\n}"): (typeof documents)["query InvitedCollaborations {\n  collaborations(memberStatus: INVITED) {\n    nodes {\n      id\n      name\n      creatorDisplayName\n      memberStatus\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Join {\n  createMembership(\n    input: {collaborationIdentifier: \"c0000000-0000-4000-8000-000000000005\", queryLogStatus: ENABLED, defaultResultConfiguration: {outputConfiguration: {s3: {bucket: \"acme-query-results\", resultFormat: CSV, keyPrefix: \"pilot/\"}}}, tags: [{key: \"team\", value: \"ml\"}]}\n  ) {\n    id\n    status\n    collaboration {\n      name\n      memberStatus\n    }\n  }\n}"): (typeof documents)["mutation Join {\n  createMembership(\n    input: {collaborationIdentifier: \"c0000000-0000-4000-8000-000000000005\", queryLogStatus: ENABLED, defaultResultConfiguration: {outputConfiguration: {s3: {bucket: \"acme-query-results\", resultFormat: CSV, keyPrefix: \"pilot/\"}}}, tags: [{key: \"team\", value: \"ml\"}]}\n  ) {\n    id\n    status\n    collaboration {\n      name\n      memberStatus\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Change($id: ID!) {\n  updateMembership(input: {membershipIdentifier: $id, queryLogStatus: DISABLED}) {\n    id\n    queryLogStatus\n    updateTime\n  }\n}"): (typeof documents)["mutation Change($id: ID!) {\n  updateMembership(input: {membershipIdentifier: $id, queryLogStatus: DISABLED}) {\n    id\n    queryLogStatus\n    updateTime\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Tag($id: ID!) {\n  tagMembership(id: $id, tags: [{key: \"stage\", value: \"pilot\"}]) {\n    id\n    tags {\n      key\n      value\n    }\n  }\n}"): (typeof documents)["mutation Tag($id: ID!) {\n  tagMembership(id: $id, tags: [{key: \"stage\", value: \"pilot\"}]) {\n    id\n    tags {\n      key\n      value\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Leave($id: ID!) {\n  deleteMembership(id: $id)\n}"): (typeof documents)["mutation Leave($id: ID!) {\n  deleteMembership(id: $id)\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;