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
 * - tags cost one ListTagsForResource per membership, members one ListMembers per collaboration;
 * - a mutation costs its one call; what it makes stale is counted again when read afterwards.
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
import { SHARED_FIELDS } from '../../relations/related-fields';
import { LARGEST_PAGE } from '../../shared/cost-directives';

type Kind2 = 'Membership' | 'Collaboration';

/** One entity, or one representative of `count` distinct entities (the nodes of a list). */
interface Entity {
  kind: Kind2;
  key: string;
  count: number;
}

/** Where a selection is resolved: on an entity, on the members of a collaboration, or above. */
type Scope =
  | { type: 'root' }
  | { type: 'entity'; entity: Entity }
  | { type: 'connection'; node: Scope }
  | { type: 'member'; collaboration: Entity; count: number }
  | { type: 'free' };

const ALL = 'all' as const;

class Tally {
  calls = 0;
  private readonly charged = new Set<string>();
  private readonly known = new Map<string, Set<string> | typeof ALL>();
  /** Entities statically known to be ACTIVE (their status, or the caller's member status). */
  private readonly active = new Set<string>();
  private readonly collaborationOf = new Map<string, Entity>();
  private readonly ownMembershipOf = new Map<string, Entity>();

  charge(call: string, count: number): void {
    if (this.charged.has(call)) return;
    this.charged.add(call);
    this.calls += count;
  }

  knows(entity: Entity, field: string): boolean {
    const known = this.known.get(entity.key);
    return known === ALL || (known?.has(field) ?? false);
  }

  learn(entity: Entity, fields: readonly string[] | typeof ALL): void {
    if (fields === ALL) {
      this.known.set(entity.key, ALL);
      return;
    }
    const known = this.known.get(entity.key);
    if (known === ALL) return;
    const set = known ?? new Set<string>();
    for (const field of fields) set.add(field);
    this.known.set(entity.key, set);
  }

  /** The field's value is needed: one Get of the entity unless it is known already. */
  need(entity: Entity, field: string): void {
    if (field === '__typename' || field === 'id' || this.knows(entity, field)) return;
    this.charge(`Get${entity.kind}:${entity.key}`, entity.count);
    this.learn(entity, ALL);
  }

  markActive(entity: Entity): void {
    this.active.add(entity.key);
  }

  isActive(entity: Entity): boolean {
    return this.active.has(entity.key);
  }

  /** Forgets an entity, so that reading it again costs its Get again (after a write). */
  forget(entity: Entity): void {
    this.known.delete(entity.key);
    this.charged.delete(`Get${entity.kind}:${entity.key}`);
  }

  /** Forgets every collaboration (a membership was deleted; its collaboration is unknown). */
  forgetCollaborations(): void {
    for (const key of [...this.known.keys()]) if (key.startsWith('C')) this.known.delete(key);
    this.forgetCalls('GetCollaboration:');
  }

  /** Forgets the charged calls whose key starts with `prefix` (their loader was cleared). */
  forgetCalls(prefix: string): void {
    for (const call of [...this.charged]) if (call.startsWith(prefix)) this.charged.delete(call);
  }

  /** The collaboration of membership `m`: it knows what `m` says about it. */
  collaborationFor(m: Entity): Entity {
    let c = this.collaborationOf.get(m.key);
    if (!c) {
      c = { kind: 'Collaboration', key: `C(of ${m.key})`, count: m.count };
      this.collaborationOf.set(m.key, c);
      this.ownMembershipOf.set(c.key, m);
    }
    const taught = ['id'];
    for (const [membershipField, collaborationField] of SHARED_FIELDS) {
      if (this.knows(m, membershipField)) taught.push(collaborationField);
    }
    if (this.isActive(m)) {
      taught.push('memberStatus', 'membershipId');
      if (this.knows(m, 'arn')) taught.push('membershipArn');
      this.markActive(c);
    }
    this.learn(c, taught);
    return c;
  }

  /** The caller's membership in collaboration `c`: it knows what `c` says about it. */
  ownMembershipFor(c: Entity, arnKnown: boolean): Entity {
    let m = this.ownMembershipOf.get(c.key);
    if (!m) {
      m = { kind: 'Membership', key: `M(own of ${c.key})`, count: c.count };
      this.ownMembershipOf.set(c.key, m);
      this.collaborationOf.set(m.key, c);
    }
    const taught = ['id', 'collaborationId'];
    if (arnKnown || this.knows(c, 'membershipArn')) taught.push('arn');
    for (const [membershipField, collaborationField] of SHARED_FIELDS) {
      if (this.knows(c, collaborationField)) taught.push(membershipField);
    }
    if (this.isActive(c)) {
      taught.push('status');
      this.markActive(m);
    }
    this.learn(m, taught);
    return m;
  }
}

function validId(value: unknown, operation: 'GetMembership' | 'GetCollaboration'): boolean {
  const member = operation === 'GetMembership' ? 'membershipIdentifier' : 'collaborationIdentifier';
  return (
    typeof value === 'string' &&
    scalarViolation(inputConstraint(operation, member), value) === undefined
  );
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
    if (entity.kind === 'Membership') {
      if (name === 'tags') {
        t.need(entity, 'arn');
        t.charge(`ListTags:${entity.key}`, entity.count);
        return { type: 'free' };
      }
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
        if (validId(input.collaborationIdentifier, 'GetCollaboration')) {
          t.forget({
            kind: 'Collaboration',
            key: `C:${String(input.collaborationIdentifier)}`,
            count: 1,
          });
        }
        t.forgetCalls('ListMembers:');
        return { type: 'entity', entity: created };
      }
      case 'updateMembership': {
        const id = input.membershipIdentifier;
        const key = validId(id, 'GetMembership') ? `M:${String(id)}` : `M:updated:${path}`;
        const updated: Entity = { kind: 'Membership', key, count: 1 };
        t.learn(updated, ALL);
        // Only an ACTIVE membership can be updated (any other answers ConflictException).
        t.markActive(updated);
        return { type: 'entity', entity: updated };
      }
      case 'deleteMembership': {
        if (validId(args.id, 'GetMembership')) {
          t.forget({ kind: 'Membership', key: `M:${String(args.id)}`, count: 1 });
        }
        t.forgetCollaborations();
        t.forgetCalls('ListMembers:');
        t.forgetCalls('ListTags:');
        return { type: 'free' };
      }
      case 'createCollaboration': {
        const created: Entity = { kind: 'Collaboration', key: `C:new:${path}`, count: 1 };
        t.learn(created, ALL);
        return { type: 'entity', entity: created };
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
