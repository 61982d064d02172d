/**
 * Who may read and who may change, written once as Apollo Federation directives in the SDL, so a
 * GraphOS router enforces the same rules before a request arrives and this subgraph holds them
 * when no router does (defence in depth; see enforce.ts). The rules:
 *
 * - every root query field needs the read scope (or the write scope: write implies read);
 * - every mutation needs the write scope;
 * - the entity types (`@key`) need read or write wherever they are returned, `_entities`
 *   included;
 * - all of them need an authenticated caller (`@authenticated`).
 *
 * The scope names come from the configuration, so the SDL of a deployment names its own scopes;
 * schema.graphql shows the defaults.
 */
import {
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';

export interface AccessScopes {
  readScope: string;
  writeScope: string;
}

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

function directive(directiveName: string, scopes?: string[][]): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: name(directiveName),
    arguments: scopes
      ? [
          {
            kind: Kind.ARGUMENT,
            name: name('scopes'),
            value: {
              kind: Kind.LIST,
              values: scopes.map((all) => ({
                kind: Kind.LIST,
                values: all.map((scope) => ({ kind: Kind.STRING, value: scope })),
              })),
            },
          },
        ]
      : [],
  };
}

/** `[[a, b], [c]]` = (a and b) or c, as @requiresScopes reads it. */
export function readScopes(scopes: AccessScopes): string[][] {
  return [[scopes.readScope], [scopes.writeScope]];
}

export function writeScopes(scopes: AccessScopes): string[][] {
  return [[scopes.writeScope]];
}

function restricted(scopes: string[][]): ConstDirectiveNode[] {
  return [directive('authenticated'), directive('requiresScopes', scopes)];
}

function withDirectives<T extends { directives?: readonly ConstDirectiveNode[] }>(
  node: T,
  added: ConstDirectiveNode[],
): T {
  return { ...node, directives: [...(node.directives ?? []), ...added] };
}

const isEntity = (node: ObjectTypeDefinitionNode | ObjectTypeExtensionNode) =>
  (node.directives ?? []).some((d) => d.name.value === 'key');

/** The SDL with the access directives of the rules above added. */
export function applyAccessDirectives(document: DocumentNode, scopes: AccessScopes): DocumentNode {
  const read = restricted(readScopes(scopes));
  const write = restricted(writeScopes(scopes));
  const definitions = document.definitions.map((definition) => {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION
    ) {
      return definition;
    }
    const typeName = definition.name.value;
    const rootRule = typeName === 'Query' ? read : typeName === 'Mutation' ? write : undefined;
    if (rootRule) {
      const fields = (definition.fields ?? []).map((field): FieldDefinitionNode =>
        withDirectives(field, rootRule),
      );
      return { ...definition, fields };
    }
    return isEntity(definition) ? withDirectives(definition, read) : definition;
  });
  return { ...document, definitions };
}
