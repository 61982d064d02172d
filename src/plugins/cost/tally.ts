/**
 * What the cost estimate knows while it walks an operation: the AWS calls charged so far (each
 * distinct call once), which fields of which entities are already known (so a field needs no
 * Get), which entities are known to be ACTIVE, and how memberships and their collaborations
 * stand for each other. An entity is one object, or one representative of `count` distinct
 * ones (the nodes of a list).
 */
import { SHARED_FIELDS } from '../../relations/related-fields';

export type Kind2 = 'Membership' | 'Collaboration';

/** One entity, or one representative of `count` distinct entities (the nodes of a list). */
export interface Entity {
  kind: Kind2;
  key: string;
  count: number;
}

export const ALL = 'all' as const;

export class Tally {
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

  /** Forgets every entity of `kind` (a write changed some of them, and which is not known). */
  forgetAll(kind: Kind2): void {
    const prefix = kind[0] as string;
    for (const key of [...this.known.keys()]) if (key.startsWith(prefix)) this.known.delete(key);
    this.forgetCalls(`Get${kind}:`);
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
