/**
 * The subgraph's own enforcement of the access directives in its SDL: every field whose
 * definition, or whose return type, carries `@authenticated` / `@requiresScopes` checks the
 * caller before its resolver runs, and so does the federation reference resolver of such a
 * type (`_entities`). A refused field is FORBIDDEN with no AWS call; the rest of the operation
 * still resolves. The requirements are read from the same SDL document the subgraph publishes,
 * so what is enforced is exactly what is declared.
 */
import {
  defaultFieldResolver,
  GraphQLError,
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLFieldResolver,
  type TypeNode,
} from 'graphql';
import type { Principal } from '../shared/principal';

/** Conditions that must all hold; each `anyOf` entry is a set of scopes that together suffice. */
export interface Requirement {
  authenticated: boolean;
  scopes: string[][][];
}

export interface AccessContext {
  principal: Principal;
  /** Told about every refusal (metrics); optional. */
  onAccessDenied?: (coordinate: string) => void;
}

function requirementOf(directives: readonly ConstDirectiveNode[] | undefined): Requirement {
  const requirement: Requirement = { authenticated: false, scopes: [] };
  for (const d of directives ?? []) {
    if (d.name.value === 'authenticated') requirement.authenticated = true;
    if (d.name.value !== 'requiresScopes') continue;
    requirement.authenticated = true;
    const value = d.arguments?.find((a) => a.name.value === 'scopes')?.value;
    if (value?.kind !== Kind.LIST) continue;
    requirement.scopes.push(
      value.values.map((all) =>
        all.kind === Kind.LIST
          ? all.values.flatMap((s) => (s.kind === Kind.STRING ? [s.value] : []))
          : [],
      ),
    );
  }
  return requirement;
}

const isEmpty = (r: Requirement) => !r.authenticated && r.scopes.length === 0;

function combine(a: Requirement, b: Requirement): Requirement {
  return { authenticated: a.authenticated || b.authenticated, scopes: [...a.scopes, ...b.scopes] };
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** The requirements the SDL declares: per `Type.field`, and per type (for `_entities`). */
export function accessRequirements(document: DocumentNode): {
  fields: Map<string, Requirement>;
  types: Map<string, Requirement>;
} {
  const types = new Map<string, Requirement>();
  const definitions = document.definitions.filter(
    (d) => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION,
  );
  for (const d of definitions) {
    const own = requirementOf(d.directives);
    if (!isEmpty(own)) types.set(d.name.value, combine(types.get(d.name.value) ?? own, own));
  }
  const fields = new Map<string, Requirement>();
  for (const d of definitions) {
    for (const field of d.fields ?? []) {
      const returned = types.get(namedType(field.type));
      const requirement = combine(
        requirementOf(field.directives),
        returned ?? { authenticated: false, scopes: [] },
      );
      if (!isEmpty(requirement)) fields.set(`${d.name.value}.${field.name.value}`, requirement);
    }
  }
  return { fields, types };
}

/** The scope alternatives the principal fails, or undefined when it may go ahead. */
export function unmet(requirement: Requirement, principal: Principal): string[][] | undefined {
  if (principal.kind === 'none') return undefined;
  return requirement.scopes.find(
    (anyOf) => !anyOf.some((all) => all.every((scope) => principal.scopes.has(scope))),
  );
}

export function forbidden(anyOf: string[][], what: string): GraphQLError {
  const wording = anyOf.map((all) => all.join(' and ')).join(' or ');
  return new GraphQLError(`Forbidden: ${what} needs the scope ${wording}`, {
    extensions: { code: 'FORBIDDEN', requiredScopes: anyOf },
  });
}

type ResolverMap = Record<string, Record<string, unknown>>;
type ReferenceResolver = (reference: unknown, ctx: AccessContext, info: unknown) => unknown;

/**
 * Wraps the resolvers of every field and entity type the SDL restricts with the check. Fields
 * without a resolver of their own get GraphQL's default resolver behind the check.
 */
export function enforceAccess(document: DocumentNode, resolvers: ResolverMap): ResolverMap {
  const { fields, types } = accessRequirements(document);
  const wrapped: ResolverMap = Object.fromEntries(
    Object.entries(resolvers).map(([type, members]) => [type, { ...members }]),
  );
  for (const [coordinate, requirement] of fields) {
    const [type, field] = coordinate.split('.') as [string, string];
    const members = (wrapped[type] ??= {});
    const resolve = (members[field] ?? defaultFieldResolver) as GraphQLFieldResolver<
      unknown,
      AccessContext
    >;
    members[field] = ((source, args, ctx, info) => {
      const missing = unmet(requirement, ctx.principal);
      if (missing) {
        ctx.onAccessDenied?.(coordinate);
        throw forbidden(missing, coordinate);
      }
      return resolve(source, args, ctx, info);
    }) satisfies GraphQLFieldResolver<unknown, AccessContext>;
  }
  for (const [type, requirement] of types) {
    const members = wrapped[type];
    const reference = members?.__resolveReference as ReferenceResolver | undefined;
    if (!members || !reference) continue;
    members.__resolveReference = (async (representation, ctx, info) => {
      const missing = unmet(requirement, ctx.principal);
      if (missing) {
        ctx.onAccessDenied?.(`${type}.__resolveReference`);
        throw forbidden(missing, type);
      }
      return reference(representation, ctx, info);
    }) satisfies ReferenceResolver;
  }
  return wrapped;
}
