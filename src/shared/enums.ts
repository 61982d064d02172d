/**
 * GraphQL enums, built from the value sets of the newest Clean Rooms model (the constraint
 * table), so values the SDK does not list yet (CAN_EXPORT_QUERY_ANALYSIS_LOG) are included.
 * Every enum that AWS returns also has `UNKNOWN`: a value AWS adds after this gateway was built
 * is served as UNKNOWN instead of failing the request or nulling the object around it.
 *
 * UNKNOWN means nothing as input, so arguments and input fields use input-only twins without
 * it: `<Name>Input` for a value an input sets, `<Name>Filter` for a value a list is filtered by.
 * A client therefore cannot even write UNKNOWN where the API takes a value: GraphQL validation
 * refuses it before anything runs.
 */
import { registerEnumType } from 'type-graphql';
import { ENUMS, UNKNOWN_ENUM_VALUE, type EnumName } from '../constraints/enums';

type EnumObject = Record<string, string>;

const UNKNOWN_DESCRIPTION =
  'A value Clean Rooms added after this gateway version was built. Upgrade the gateway to see it.';

const LOGGING = {
  ENABLED: 'Logs are written.',
  DISABLED: 'No logs are written.',
};
const COLLABORATION_LOGGING = {
  ENABLED: 'Members may turn on logging for their memberships.',
  DISABLED: 'Logging is off for every member.',
};

/** What each AWS value means, in our words; the schema test requires one for every value. */
const VALUE_DESCRIPTIONS: Record<EnumName, Record<string, string>> = {
  MembershipStatus: {
    ACTIVE: 'The member takes part in the collaboration.',
    REMOVED: 'The collaboration creator removed the member; the membership is kept for the record.',
    COLLABORATION_DELETED: 'The collaboration was deleted; the membership is kept for the record.',
  },
  MemberStatus: {
    INVITED: 'Invited; the account has not created its membership yet.',
    ACTIVE: 'The account joined and has a membership.',
    LEFT: 'The account left by deleting its membership; it cannot rejoin.',
    REMOVED: 'The creator removed the account from the collaboration.',
  },
  FilterableMemberStatus: {
    INVITED: 'Collaborations the caller is invited to and has not joined yet.',
    ACTIVE: 'Collaborations the caller has joined.',
  },
  MemberAbility: {
    CAN_QUERY: 'May run queries (one member per collaboration).',
    CAN_RECEIVE_RESULTS: 'May receive query results.',
    CAN_RUN_JOB: 'May run jobs.',
    CAN_EXPORT_QUERY_ANALYSIS_LOG: 'May export the analysis logs of queries.',
  },
  CustomMLMemberAbility: {
    CAN_RECEIVE_MODEL_OUTPUT: 'May receive the output of custom model training.',
    CAN_RECEIVE_INFERENCE_OUTPUT: 'May receive the output of custom model inference.',
  },
  MembershipQueryLogStatus: LOGGING,
  MembershipJobLogStatus: LOGGING,
  CollaborationQueryLogStatus: COLLABORATION_LOGGING,
  CollaborationJobLogStatus: COLLABORATION_LOGGING,
  AnalyticsEngine: {
    SPARK: 'Analyses run on Spark.',
    CLEAN_ROOMS_SQL: 'Analyses run on the Clean Rooms SQL engine (being retired by AWS).',
  },
  AutoApprovedChangeType: {
    ADD_MEMBER: 'Adding a member.',
    GRANT_RECEIVE_RESULTS_ABILITY: 'Granting a member the ability to receive results.',
    REVOKE_RECEIVE_RESULTS_ABILITY: "Revoking a member's ability to receive results.",
    GRANT_EXPORT_QUERY_ANALYSIS_LOG_ABILITY:
      'Granting a member the ability to export query analysis logs.',
    REVOKE_EXPORT_QUERY_ANALYSIS_LOG_ABILITY:
      "Revoking a member's ability to export query analysis logs.",
  },
  ResultFormat: {
    CSV: 'Comma-separated values.',
    PARQUET: 'Apache Parquet files.',
  },
};

function define(
  name: EnumName,
  graphqlName: string,
  description: string,
  options: { output: boolean },
): EnumObject {
  const values = [...ENUMS[name], ...(options.output ? [UNKNOWN_ENUM_VALUE] : [])];
  const enumObject = Object.fromEntries(values.map((v) => [v, v]));
  const described = VALUE_DESCRIPTIONS[name];
  registerEnumType(enumObject, {
    name: graphqlName,
    description,
    valuesConfig: Object.fromEntries(
      values.map((v) => [
        v,
        { description: v === UNKNOWN_ENUM_VALUE ? UNKNOWN_DESCRIPTION : described[v] },
      ]),
    ),
  });
  return enumObject;
}

/** An enum AWS returns: the model's values, and UNKNOWN for values newer than the gateway. */
const output = (name: EnumName, description: string) =>
  define(name, name, description, { output: true });

/** The values a client may send: the model's, without UNKNOWN. */
const input = (name: EnumName, graphqlName: string, description: string) =>
  define(name, graphqlName, description, { output: false });

// The one exception to `X` (output) / `XInput` (input): the public contract fixes the type of
// `memberships(status:)` as `MembershipStatus`, and clients declare variables of that type, so the
// input keeps that name and the output (with UNKNOWN) is `MembershipStatusOutput`.
export const MembershipStatus = define(
  'MembershipStatus',
  'MembershipStatusOutput',
  'Lifecycle state of a membership: active, removed from the collaboration by its creator, or left over from a deleted collaboration.',
  { output: true },
);
export const MembershipStatusFilter = input(
  'MembershipStatus',
  'MembershipStatus',
  'The membership statuses that the memberships list can be filtered by.',
);
export const MemberStatus = output(
  'MemberStatus',
  'State of an account inside a collaboration: invited, active (it has a membership), left, or removed.',
);
export const FilterableMemberStatus = input(
  'FilterableMemberStatus',
  'FilterableMemberStatus',
  'The caller statuses that the collaborations list can be filtered by.',
);
export const MemberAbility = output(
  'MemberAbility',
  'What a member may do in a collaboration: run queries, receive query results, run jobs, export query analysis logs.',
);
export const MemberAbilityInput = input(
  'MemberAbility',
  'MemberAbilityInput',
  'An ability to grant a member: run queries, receive query results, run jobs, export query analysis logs.',
);
export const CustomMLMemberAbility = output(
  'CustomMLMemberAbility',
  'What a member may receive from custom machine-learning models in a collaboration.',
);
export const CustomMLMemberAbilityInput = input(
  'CustomMLMemberAbility',
  'CustomMLMemberAbilityInput',
  'A machine-learning output to let a member receive.',
);
export const MembershipQueryLogStatus = output(
  'MembershipQueryLogStatus',
  'Whether query logs are written for this membership.',
);
export const MembershipQueryLogStatusInput = input(
  'MembershipQueryLogStatus',
  'MembershipQueryLogStatusInput',
  'Whether to write query logs for a membership.',
);
export const MembershipJobLogStatus = output(
  'MembershipJobLogStatus',
  'Whether job logs are written for this membership.',
);
export const MembershipJobLogStatusInput = input(
  'MembershipJobLogStatus',
  'MembershipJobLogStatusInput',
  'Whether to write job logs for a membership.',
);
export const CollaborationQueryLogStatus = output(
  'CollaborationQueryLogStatus',
  'Whether members of the collaboration may turn on query logging.',
);
export const CollaborationQueryLogStatusInput = input(
  'CollaborationQueryLogStatus',
  'CollaborationQueryLogStatusInput',
  'Whether to let the members of a collaboration turn on query logging.',
);
export const CollaborationJobLogStatus = output(
  'CollaborationJobLogStatus',
  'Whether members of the collaboration may turn on job logging.',
);
export const CollaborationJobLogStatusInput = input(
  'CollaborationJobLogStatus',
  'CollaborationJobLogStatusInput',
  'Whether to let the members of a collaboration turn on job logging.',
);
export const AnalyticsEngine = output(
  'AnalyticsEngine',
  'The engine that runs analyses in a collaboration.',
);
export const AnalyticsEngineInput = input(
  'AnalyticsEngine',
  'AnalyticsEngineInput',
  'The engine to run the analyses of a collaboration.',
);
export const AutoApprovedChangeType = output(
  'AutoApprovedChangeType',
  'Kinds of collaboration changes that are approved without a vote of the members.',
);
export const AutoApprovedChangeTypeInput = input(
  'AutoApprovedChangeType',
  'AutoApprovedChangeTypeInput',
  'A kind of collaboration change to approve without a vote of the members.',
);
export const ResultFormat = output('ResultFormat', 'File format of query results written to S3.');
export const ResultFormatInput = input(
  'ResultFormat',
  'ResultFormatInput',
  'File format to write query results in.',
);
