/**
 * A sound upper bound of the AWS calls an operation can make, computed before it executes from
 * the document, the schema and the variables — by following what the request's loaders will do:
 *
 * - a list field costs one List call per distinct set of arguments and yields `first` nodes (the
 *   AWS maximum, 100, when `first` is omitted); identical calls share one (DataLoader keys);
 * - a node's summary fields are free; any other field costs one Get per node, once, however many
 *   fields, aliases or fragments ask for it;
 * - an entity named by id (`membership(id:)`, `_entities`) costs one Get per distinct id;
 * - relations are multiplied out: a membership's collaboration is one entity per membership and
 *   knows what the membership knows about it; the collaboration's own membership is the
 *   membership itself; a member's membership is the caller's, so at most one per collaboration;
 * - tags cost one ListTagsForResource per membership or collaboration, members one ListMembers
 *   per collaboration;
 * - a mutation costs its one call, a tag mutation also the Get that finds the ARN unless the
 *   entity is known; what a mutation makes stale is counted again when read afterwards.
 *
 * Facts only the data reveals (a membership is ACTIVE, ids repeat across lists) are assumed
 * against us, so the bound holds for any data; it is exact when every list comes back full with
 * distinct ids and those facts are not needed.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { scalarViolation } from '../../constraints/check';
import { inputConstraint } from '../../constraints/table';
import { COLLABORATION_SUMMARY_FIELDS } from '../../collaborations/collaboration.type';
import { MEMBERSHIP_SUMMARY_FIELDS } from '../../memberships/membership.type';
import { LARGEST_PAGE } from '../../shared/cost-directives';
import { ALL, Tally, type Entity, type Kind2 } from './tally';

/** Where a selection is resolved: on an entity, on the members of a collaboration, or above. */
type Scope =
  | { type: 'root' }
  | { type: 'entity'; entity: Entity }
  | { type: 'connection'; node: Scope }
  | { type: 'member'; collaboration: Entity; count: number }
  | { type: 'free' };

function validId(value: unknown, operation: 'GetMembership' | 'GetCollaboration'): boolean {
  const member = operation === 'GetMembership' ? 'membershipIdentifier' : 'collaborationIdentifier';
  return (
    typeof value === 'string' &&
    scalarViolation(inputConstraint(operation, member), value) === undefined
  );
}

/** The entity a mutation names by id (a made-up one when the id is invalid: it makes no call). */
function named(kind: Kind2, id: unknown, path: string): Entity {
  const valid = validId(id, kind === 'Membership' ? 'GetMembership' : 'GetCollaboration');
  return { kind, key: valid ? `${kind[0]}:${String(id)}` : `${kind[0]}:named:${path}`, count: 1 };
}

function pageSize(first: unknown): number {
  return typeof first === 'number' && Number.isInteger(first)
    ? Math.min(Math.max(first, 0), LARGEST_PAGE)
    : LARGEST_PAGE;
}

const listKey = (args: Record<string, unknown>) =>
  JSON.stringify(
    Object.keys(args)
      .sort()
      .map((k) => [k, args[k]]),
  );

class Estimator {
  readonly tally = new Tally();
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private mutationIndex = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
  ) {
    for (const d of document.definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
    }
  }

  private included(node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    return (
      getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if !== true &&
      getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if !== false
    );
  }

  /** Every field of the selection (through fragments) that executes on `type`. */
  private fields(
    selectionSet: SelectionSetNode,
    type: GraphQLNamedType,
    spread = new Set<string>(),
  ): FieldNode[] {
    const out: FieldNode[] = [];
    for (const s of selectionSet.selections) {
      if (!this.included(s)) continue;
      if (s.kind === Kind.FIELD) out.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) {
        const on = s.typeCondition?.name.value;
        if (!on || on === type.name) out.push(...this.fields(s.selectionSet, type, spread));
      } else {
        const fragment = this.fragments.get(s.name.value);
        if (!fragment || spread.has(s.name.value)) continue;
        if (fragment.typeCondition.name.value !== type.name) continue;
        out.push(...this.fields(fragment.selectionSet, type, new Set([...spread, s.name.value])));
      }
    }
    return out;
  }

  walk(selectionSet: SelectionSetNode | undefined, type: GraphQLNamedType, scope: Scope): void {
    if (!selectionSet || !isObjectType(type)) return;
    for (const node of this.fields(selectionSet, type)) {
      const field = type.getFields()[node.name.value];
      if (!field) continue;
      const args = getArgumentValues(field, node, this.variables);
      const returned = getNamedType(field.type);
      const next = this.field(type.name, node.name.value, args, scope, node);
      if (next) this.walk(node.selectionSet, returned, next);
    }
  }

  /** Charges what resolving `parent.name` costs; returns the scope of its selection. */
  private field(
    parent: string,
    name: string,
    args: Record<string, unknown>,
    scope: Scope,
    node: FieldNode,
  ): Scope | undefined {
    const t = this.tally;
    if (scope.type === 'connection') {
      return name === 'nodes' ? scope.node : { type: 'free' };
    }
    if (scope.type === 'member') {
      if (name !== 'membership') return { type: 'free' };
      // Only the caller's own member row has a readable membership: one per collaboration.
      t.need(scope.collaboration, 'membershipId');
      return { type: 'entity', entity: t.ownMembershipFor(scope.collaboration, true) };
    }
    if (scope.type === 'entity') return this.entityField(scope.entity, name, args);
    if (scope.type !== 'root') return { type: 'free' };

    if (parent === 'Mutation') return this.mutation(name, args, node);
    switch (name) {
      case 'membership':
      case 'collaboration': {
        const kind: Kind2 = name === 'membership' ? 'Membership' : 'Collaboration';
        return this.byId(kind, args.id);
      }
      case 'memberships':
      case 'collaborations': {
        const kind: Kind2 = name === 'memberships' ? 'Membership' : 'Collaboration';
        const key = `${name}:${listKey(args)}`;
        t.charge(`List:${key}`, 1);
        const entity: Entity = { kind, key: `${kind[0]}@${key}`, count: pageSize(args.first) };
        t.learn(
          entity,
          kind === 'Membership' ? MEMBERSHIP_SUMMARY_FIELDS : COLLABORATION_SUMMARY_FIELDS,
        );
        if (args.status === 'ACTIVE' || args.memberStatus === 'ACTIVE') t.markActive(entity);
        return { type: 'connection', node: { type: 'entity', entity } };
      }
      case '_entities': {
        const representations = Array.isArray(args.representations) ? args.representations : [];
        for (const r of representations) {
          const { __typename: typename, id } = (r ?? {}) as { __typename?: unknown; id?: unknown };
          if (typename === 'Membership' || typename === 'Collaboration') {
            const scopeOfEntity = this.byId(typename, id);
            if (scopeOfEntity) this.walk(node.selectionSet, this.type(typename), scopeOfEntity);
          }
        }
        return undefined;
      }
      default:
        return { type: 'free' };
    }
  }

  private type(name: string): GraphQLNamedType {
    const type = this.schema.getType(name);
    if (!type) throw new Error(`no type ${name} in the schema`);
    return type;
  }

  /** An entity named by id: one Get per distinct valid id (an invalid one makes no call). */
  private byId(kind: Kind2, id: unknown): Scope | undefined {
    if (!validId(id, kind === 'Membership' ? 'GetMembership' : 'GetCollaboration'))
      return undefined;
    const entity: Entity = { kind, key: `${kind[0]}:${String(id)}`, count: 1 };
    this.tally.charge(`Get${kind}:${entity.key}`, 1);
    this.tally.learn(entity, ALL);
    return { type: 'entity', entity };
  }

  private entityField(entity: Entity, name: string, args: Record<string, unknown>): Scope {
    const t = this.tally;
    if (name === 'tags') {
      // Memberships and collaborations alike: one ListTagsForResource on the ARN.
      t.need(entity, 'arn');
      t.charge(`ListTags:${entity.key}`, entity.count);
      return { type: 'free' };
    }
    if (entity.kind === 'Membership') {
      if (name === 'collaboration') {
        t.need(entity, 'collaborationId');
        return { type: 'entity', entity: t.collaborationFor(entity) };
      }
      t.need(entity, name);
      return { type: 'free' };
    }
    if (name === 'members') {
      t.charge(`ListMembers:${entity.key}:${listKey(args)}`, entity.count);
      return {
        type: 'connection',
        node: { type: 'member', collaboration: entity, count: entity.count * pageSize(args.first) },
      };
    }
    if (name === 'membership') {
      t.need(entity, 'membershipId');
      t.need(entity, 'membershipArn');
      return { type: 'entity', entity: t.ownMembershipFor(entity, false) };
    }
    t.need(entity, name);
    return { type: 'free' };
  }

  private mutation(name: string, args: Record<string, unknown>, node: FieldNode): Scope {
    const t = this.tally;
    const path = `${this.mutationIndex++}:${node.alias?.value ?? name}`;
    t.charge(`${name}:${path}`, 1);
    const input = (args.input ?? {}) as Record<string, unknown>;
    switch (name) {
      case 'createMembership': {
        const created: Entity = { kind: 'Membership', key: `M:new:${path}`, count: 1 };
        t.learn(created, ALL);
        t.markActive(created);
        t.forget(named('Collaboration', input.collaborationIdentifier, path));
        t.forgetCalls('ListMembers:');
        return { type: 'entity', entity: created };
      }
      case 'updateMembership': {
        const updated = named('Membership', input.membershipIdentifier, path);
        t.learn(updated, ALL);
        // Only an ACTIVE membership can be updated (any other answers ConflictException).
        t.markActive(updated);
        return { type: 'entity', entity: updated };
      }
      case 'deleteMembership': {
        t.forget(named('Membership', args.id, path));
        t.forgetAll('Collaboration');
        t.forgetCalls('ListMembers:');
        t.forgetCalls('ListTags:');
        return { type: 'free' };
      }
      case 'createCollaboration': {
        const created: Entity = { kind: 'Collaboration', key: `C:new:${path}`, count: 1 };
        t.learn(created, ALL);
        return { type: 'entity', entity: created };
      }
      case 'updateCollaboration': {
        const updated = named('Collaboration', input.collaborationIdentifier, path);
        // The answer is the whole collaboration; the caller's memberships are read afresh.
        t.learn(updated, ALL);
        t.forgetAll('Membership');
        return { type: 'entity', entity: updated };
      }
      case 'deleteCollaboration': {
        // Its memberships change status, and what named the collaboration is forgotten.
        t.forgetAll('Collaboration');
        t.forgetAll('Membership');
        t.forgetCalls('ListMembers:');
        t.forgetCalls('ListTags:');
        return { type: 'free' };
      }
      case 'tagMembership':
      case 'untagMembership':
      case 'tagCollaboration':
      case 'untagCollaboration': {
        const kind: Kind2 = name.endsWith('Membership') ? 'Membership' : 'Collaboration';
        const entity = named(kind, args.id, path);
        // The ARN: known already, or the entity's one Get (which then answers its fields).
        t.need(entity, 'arn');
        t.forgetCalls('ListTags:');
        return { type: 'entity', entity };
      }
      default:
        return { type: 'free' };
    }
  }
}

/** The most AWS calls `operation` can make with these (coerced) variables. */
export function estimateAwsCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const estimator = new Estimator(schema, document, variables);
  const root = schema.getRootType(operation.operation);
  if (root) estimator.walk(operation.selectionSet, root, { type: 'root' });
  return estimator.tally.calls;
}
