/**
 * Per-request knowledge about one kind of entity (memberships or collaborations), so that every
 * field costs the fewest AWS calls:
 *
 * - fields already known — from a list summary, a mutation result, or a related object — are
 *   served from memory with no call;
 * - any other field loads the full object once per id through a DataLoader (batched, deduped
 *   across aliases, lists, nested objects and `_entities`, bounded by the request's scheduler);
 * - a failure for one id is that id's error only, never the batch's.
 *
 * GraphQL sees an entity as a *node*: an object with the id whose other properties are lazy
 * getters into this store, so the default field resolver does the right thing for every field.
 */
import DataLoader from 'dataloader';

export class EntityStore<T extends { id: string }> {
  private readonly known = new Map<string, Partial<T>>();
  private readonly knownFields = new Map<string, Set<keyof T>>();
  /** Full objects obtained in this request (loaded or primed). */
  private readonly full = new Map<string, T>();
  private readonly loader: DataLoader<string, T>;

  constructor(load: (id: string) => Promise<T>) {
    // Gets run in parallel (the scheduler bounds concurrency); each key settles on its own.
    this.loader = new DataLoader<string, T>((ids) =>
      Promise.all(
        ids.map((id) =>
          load(id).then(
            (entity) => {
              this.full.set(id, entity);
              return entity;
            },
            (error: unknown) => asError(error),
          ),
        ),
      ),
    );
  }

  /** Records field values that are certain for `id` (absent optional fields included). */
  remember(id: string, values: Partial<T>, fields: readonly (keyof T)[]): void {
    const known: Partial<T> = this.known.get(id) ?? {};
    const names = this.knownFields.get(id) ?? new Set<keyof T>();
    for (const field of fields) {
      known[field] = values[field];
      names.add(field);
    }
    this.known.set(id, known);
    this.knownFields.set(id, names);
  }

  /** The value of `field` when it is already known, without loading anything. */
  peek<K extends keyof T>(id: string, field: K): { value: T[K] | undefined } | undefined {
    const full = this.full.get(id);
    if (full) return { value: full[field] };
    return this.knows(id, field) ? { value: this.known.get(id)?.[field] } : undefined;
  }

  knows(id: string, field: keyof T): boolean {
    return this.full.has(id) || (this.knownFields.get(id)?.has(field) ?? false);
  }

  /** The full object (one Get per id per request). */
  load(id: string): Promise<T> {
    return this.loader.load(id);
  }

  /**
   * Makes sure `id` exists before a node is handed out for it: free when the request already
   * knows it (from a list, a mutation, a related object), else its one Get, which fails for an
   * unknown or unreadable id.
   */
  async ensure(id: string): Promise<void> {
    if (!this.knows(id, 'id')) await this.load(id);
  }

  /** Stores a full object obtained otherwise (a mutation result): no Get will be made for it. */
  prime(full: T): void {
    this.clear(full.id);
    this.loader.prime(full.id, full);
    this.full.set(full.id, full);
  }

  /** Forgets everything about `id` (after it changed or was deleted). */
  clear(id: string): void {
    this.loader.clear(id);
    this.full.delete(id);
    this.known.delete(id);
    this.knownFields.delete(id);
  }

  /** Forgets every entity of this kind (after a change whose reach is not known). */
  clearAll(): void {
    this.loader.clearAll();
    this.full.clear();
    this.known.clear();
    this.knownFields.clear();
  }

  async field<K extends keyof T>(id: string, field: K): Promise<T[K] | undefined> {
    const known = this.peek(id, field);
    if (known) return known.value;
    const full = await this.load(id);
    return full[field];
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * A GraphQL source for an entity: its id, and every other field as a promise answered by the
 * request's store (known values at once, anything else after one Get). This is what resolvers
 * return and receive as `@Root()` for entity types.
 */
export type EntityNode<T extends { id: string }> = { readonly id: string } & {
  readonly [K in Exclude<keyof T, 'id'>]-?: Promise<T[K] | null>;
};

/**
 * The node of entity `id`: `id` itself plus one lazy getter per field. Getters are
 * non-enumerable so logging a node never triggers calls.
 */
export function entityNode<T extends { id: string }>(
  store: EntityStore<T>,
  id: string,
  fields: readonly (keyof T & string)[],
): EntityNode<T> {
  const node = { id };
  for (const field of fields) {
    if (field === 'id') continue;
    Object.defineProperty(node, field, {
      enumerable: false,
      get: () => store.field(id, field).then((v) => v ?? null),
    });
  }
  // The getters defined above are exactly the promise-valued members EntityNode<T> declares.
  return node as EntityNode<T>;
}
