/**
 * GraphQL enums, built from the value sets of the newest Clean Rooms model (the constraint
 * table), so values the SDK does not list yet (CAN_EXPORT_QUERY_ANALYSIS_LOG) are included.
 * Every enum that AWS returns also has `UNKNOWN`: a value AWS adds after this gateway was built
 * is served as UNKNOWN instead of failing the request or nulling the object around it.
 */
import { registerEnumType } from 'type-graphql';
import { ENUMS, UNKNOWN_ENUM_VALUE, type EnumName } from '../constraints/enums';

type EnumObject = Record<string, string>;

const UNKNOWN_DESCRIPTION =
  'A value Clean Rooms added after this gateway version was built. Upgrade the gateway to see it; as input it is refused.';

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

function define(name: EnumName, description: string, options: { output: boolean }): EnumObject {
  const values = [...ENUMS[name], ...(options.output ? [UNKNOWN_ENUM_VALUE] : [])];
  const enumObject = Object.fromEntries(values.map((v) => [v, v]));
  const described = VALUE_DESCRIPTIONS[name];
  registerEnumType(enumObject, {
    name,
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

export const MembershipStatus = define(
  'MembershipStatus',
  'Lifecycle state of a membership: active, removed from the collaboration by its creator, or left over from a deleted collaboration.',
  { output: true },
);
export const MemberStatus = define(
  'MemberStatus',
  'State of an account inside a collaboration: invited, active (it has a membership), left, or removed.',
  { output: true },
);
export const FilterableMemberStatus = define(
  'FilterableMemberStatus',
  'The caller statuses that the collaborations list can be filtered by.',
  { output: false },
);
export const MemberAbility = define(
  'MemberAbility',
  'What a member may do in a collaboration: run queries, receive query results, run jobs, export query analysis logs.',
  { output: true },
);
export const CustomMLMemberAbility = define(
  'CustomMLMemberAbility',
  'What a member may receive from custom machine-learning models in a collaboration.',
  { output: true },
);
export const MembershipQueryLogStatus = define(
  'MembershipQueryLogStatus',
  'Whether query logs are written for this membership.',
  { output: true },
);
export const MembershipJobLogStatus = define(
  'MembershipJobLogStatus',
  'Whether job logs are written for this membership.',
  { output: true },
);
export const CollaborationQueryLogStatus = define(
  'CollaborationQueryLogStatus',
  'Whether members of the collaboration may turn on query logging.',
  { output: true },
);
export const CollaborationJobLogStatus = define(
  'CollaborationJobLogStatus',
  'Whether members of the collaboration may turn on job logging.',
  { output: true },
);
export const AnalyticsEngine = define(
  'AnalyticsEngine',
  'The engine that runs analyses in a collaboration.',
  { output: true },
);
export const AutoApprovedChangeType = define(
  'AutoApprovedChangeType',
  'Kinds of collaboration changes that are approved without a vote of the members.',
  { output: true },
);
export const ResultFormat = define('ResultFormat', 'File format of query results written to S3.', {
  output: true,
});
