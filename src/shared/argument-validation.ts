/**
 * Validates every argument of an operation *before anything executes*, so an operation with one
 * invalid argument anywhere — a nested `members(first: 0)`, or one of several root fields — is
 * refused as a whole with BAD_USER_INPUT and makes no AWS call.
 *
 * It runs the same class-validator rules type-graphql runs in the resolvers (which stay as a
 * second line): argument values are turned into the resolver's argument classes following
 * type-graphql's public metadata, exactly as type-graphql does before calling a resolver.
 */
import { validate, type ValidationError } from 'class-validator';
import {
  getArgumentValues,
  getVariableValues,
  isCompositeType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { flattenValidationErrors, type FieldProblem } from './input-errors';

type Constructor = new () => object;

interface ArgumentSpec {
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
  const storage = getMetadataStorage();
  const fields = fieldsOf(storage.inputTypes, type);
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
  return registry;
}

let registry: Map<string, ArgumentSpec[]> | undefined;

/** Schema coordinates (`Type.field`) whose arguments are validated before execution. */
export function validatedCoordinates(): string[] {
  registry ??= buildRegistry();
  return [...registry.entries()].filter(([, specs]) => specs.length > 0).map(([key]) => key);
}

export interface ArgumentProblems {
  /** Response path of the first field with invalid arguments. */
  path: string[];
  /** Each problem with the dotted path inside that field's arguments. */
  fields: FieldProblem[];
}

/**
 * The argument problems of `operation`, or undefined when every argument is valid. Values that
 * GraphQL itself cannot coerce are left to GraphQL, which reports them when it executes.
 */
export async function validateOperationArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
): Promise<ArgumentProblems | undefined> {
  registry ??= buildRegistry();
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  const checks: Array<Promise<{ path: string[]; fields: FieldProblem[] }>> = [];
  const typeInfo = new TypeInfo(schema);
  const fragments = document.definitions.filter((d) => d.kind === 'FragmentDefinition');
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node, _key, _parent, _path, ancestors) {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      if (!node.arguments?.length || !parent || !field || !isCompositeType(parent)) return;
      const specs = registry?.get(`${parent.name}.${field.name}`);
      if (!specs?.length) return;
      let args: Record<string, unknown>;
      try {
        args = getArgumentValues(field, node, variables);
      } catch {
        return;
      }
      for (const spec of specs) {
        const target =
          spec.kind === 'args'
            ? argsInstance(spec.type, args)
            : toInstance(spec.type, args[spec.name ?? '']);
        if (target === null || typeof target !== 'object') continue;
        const responsePath = [...ancestors, node]
          .filter((a): a is FieldNode => !Array.isArray(a) && (a as FieldNode).kind === Kind.FIELD)
          .map((f) => f.alias?.value ?? f.name.value);
        checks.push(
          validate(target, VALIDATOR_OPTIONS).then((errors: ValidationError[]) => ({
            path: responsePath,
            fields: flattenValidationErrors(errors),
          })),
        );
      }
    },
  });
  visit({ ...document, definitions: [operation, ...fragments] }, visitor);
  const failed = (await Promise.all(checks)).filter((c) => c.fields.length > 0);
  if (failed.length === 0) return undefined;
  return { path: failed[0]?.path ?? [], fields: failed.flatMap((c) => c.fields) };
}
