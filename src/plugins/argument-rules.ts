/**
 * Which GraphQL fields have argument rules, and how to check them: type-graphql's public metadata
 * names, for every `Type.field`, the argument classes its resolver receives (`@Args()` classes and
 * `@Arg()` input classes) with their class-validator rules. Values are turned into instances of
 * those classes exactly as type-graphql does before calling a resolver, so checking them before
 * execution applies the same rules the resolvers apply (which stay as a second line).
 */
import { validate } from 'class-validator';
import { getMetadataStorage } from 'type-graphql';
import { flattenValidationErrors, type FieldProblem } from '../shared/input-errors';

type Constructor = new () => object;

export interface ArgumentSpec {
  /** `@Args()` class (its fields are the GraphQL arguments), or one named `@Arg()`. */
  kind: 'args' | 'arg';
  name?: string;
  type: Constructor;
}

interface FieldLike {
  name: string;
  getType: () => unknown;
}

const VALIDATOR_OPTIONS = {
  skipMissingProperties: true,
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
};

function isClass(value: unknown): value is Constructor {
  return typeof value === 'function' && /^class\s/.test(Function.prototype.toString.call(value));
}

/** Fields declared on `target` and its superclasses, nearest first (type-graphql's rule). */
function fieldsOf(
  list: Array<{ target: unknown; fields?: FieldLike[] }>,
  target: unknown,
): FieldLike[] {
  const fields: FieldLike[] = [];
  for (let cls = target; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls)) {
    const own = list.find((t) => t.target === cls)?.fields ?? [];
    for (const field of own) if (!fields.some((f) => f.name === field.name)) fields.push(field);
  }
  return fields;
}

/** Builds an instance of an input class from a coerced GraphQL value (nested inputs too). */
function toInstance(type: unknown, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => toInstance(type, item));
  if (!isClass(type) || typeof value !== 'object') return value;
  const fields = fieldsOf(getMetadataStorage().inputTypes, type);
  const instance = new type() as Record<string, unknown>;
  for (const field of fields) {
    const v = (value as Record<string, unknown>)[field.name];
    if (v !== undefined) instance[field.name] = toInstance(field.getType(), v);
  }
  return instance;
}

function argsInstance(type: Constructor, args: Record<string, unknown>): object {
  const instance = new type() as Record<string, unknown>;
  for (const field of fieldsOf(getMetadataStorage().argumentTypes, type)) {
    if (args[field.name] !== undefined)
      instance[field.name] = toInstance(field.getType(), args[field.name]);
  }
  return instance;
}

/** `"Query.membership"` → how its arguments are declared, from type-graphql's metadata. */
function buildRegistry(): Map<string, ArgumentSpec[]> {
  const storage = getMetadataStorage();
  const registry = new Map<string, ArgumentSpec[]>();
  const specsOf = (
    params: Array<{ kind: string; name?: string; getType?: () => unknown }> | undefined,
  ) =>
    (params ?? [])
      .filter((p) => p.kind === 'args' || p.kind === 'arg')
      .map((p) => ({
        kind: p.kind as 'args' | 'arg',
        name: p.name,
        type: p.getType?.() as Constructor,
      }))
      .filter((p) => isClass(p.type));
  for (const q of storage.queries) registry.set(`Query.${q.schemaName}`, specsOf(q.params));
  for (const m of storage.mutations) registry.set(`Mutation.${m.schemaName}`, specsOf(m.params));
  for (const r of storage.fieldResolvers) {
    const objectClass = r.getObjectType?.();
    const objectType = storage.objectTypes.find((o) => o.target === objectClass);
    if (objectType) registry.set(`${objectType.name}.${r.schemaName}`, specsOf(r.params));
  }
  for (const [key, specs] of registry) if (specs.length === 0) registry.delete(key);
  return registry;
}

// Built on first use: the metadata is complete once the schema has been built.
let registry: Map<string, ArgumentSpec[]> | undefined;

/** The argument rules of `Type.field`, or undefined when it has none. */
export function argumentSpecs(coordinate: string): ArgumentSpec[] | undefined {
  registry ??= buildRegistry();
  return registry.get(coordinate);
}

/** Schema coordinates (`Type.field`) whose arguments are validated before execution. */
export function validatedCoordinates(): string[] {
  registry ??= buildRegistry();
  return [...registry.keys()];
}

/** Every rule violation of one field's (coerced) arguments, as dotted paths inside them. */
export async function argumentProblems(
  specs: ArgumentSpec[],
  args: Record<string, unknown>,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const spec of specs) {
    const target =
      spec.kind === 'args'
        ? argsInstance(spec.type, args)
        : toInstance(spec.type, args[spec.name ?? '']);
    if (target === null || typeof target !== 'object') continue;
    problems.push(...flattenValidationErrors(await validate(target, VALIDATOR_OPTIONS)));
  }
  return problems;
}
