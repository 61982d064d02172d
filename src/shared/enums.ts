/**
 * GraphQL enums, built from the value sets of the newest Clean Rooms model (the constraint
 * table), so values the SDK does not list yet (CAN_EXPORT_QUERY_ANALYSIS_LOG) are included.
 * Every enum that AWS returns also has `UNKNOWN`: a value AWS adds after this gateway was built
 * is served as UNKNOWN instead of failing the request or nulling the object around it.
 */
import { registerEnumType } from 'type-graphql';
import { ENUMS, type EnumName } from '../clean-rooms/mappers';
import { UNKNOWN_ENUM_VALUE } from '../clean-rooms/types';

type EnumObject = Record<string, string>;

const UNKNOWN_DESCRIPTION =
  'A value Clean Rooms added after this gateway version was built. Upgrade the gateway to see it; as input it is refused.';

function define(name: EnumName, description: string, options: { output: boolean }): EnumObject {
  const values = [...ENUMS[name], ...(options.output ? [UNKNOWN_ENUM_VALUE] : [])];
  const enumObject = Object.fromEntries(values.map((v) => [v, v]));
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: options.output
      ? { [UNKNOWN_ENUM_VALUE]: { description: UNKNOWN_DESCRIPTION } }
      : {},
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
