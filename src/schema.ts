/**
 * Builds the GraphQL schema in one place: type-graphql classes → SDL with directives → the
 * access directives of the configured scopes (access/access-rules.ts) → an Apollo Federation 2
 * subgraph schema (entities `Membership` and `Collaboration`, `_service`, `_entities`) whose
 * resolvers enforce those directives (access/enforce.ts). `printGatewaySchema` gives the SDL
 * committed as schema.graphql (with the default scope names).
 */
import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import { applyAccessDirectives, type AccessScopes } from './access/access-rules';
import { enforceAccess } from './access/enforce';
import { collaborationReference } from './collaborations/collaboration.reference';
import { CollaborationResolver } from './collaborations/collaboration.resolver';
import { DEFAULTS } from './config';
import { membershipReference } from './memberships/membership.reference';
import { MembershipResolver } from './memberships/membership.resolver';
import {
  CollaborationMembershipResolver,
  MemberMembershipResolver,
  MembershipCollaborationResolver,
} from './relations/relations.resolver';
import { scalarsMap } from './shared/scalars';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@authenticated", "@requiresScopes", "@cost", "@listSize"])';

export interface SchemaOptions extends AccessScopes {
  /**
   * Publish the access directives in `_service { sdl }` (for GraphOS routers). Off only for
   * gateways that refuse supergraphs with security features (@apollo/gateway); the subgraph
   * enforces the same rules either way.
   */
  declareAccessDirectives: boolean;
}

export const DEFAULT_SCHEMA_OPTIONS: SchemaOptions = {
  readScope: DEFAULTS.readScope,
  writeScope: DEFAULTS.writeScope,
  declareAccessDirectives: true,
};

let classSchema: Promise<GraphQLSchema> | undefined;

/** The type-graphql schema; built once per process (type-graphql metadata is global). */
function buildClassSchema(): Promise<GraphQLSchema> {
  classSchema ??= buildSchema({
    resolvers: [
      MembershipResolver,
      CollaborationResolver,
      MembershipCollaborationResolver,
      CollaborationMembershipResolver,
      MemberMembershipResolver,
    ],
    scalarsMap,
    // Validation on; never echo the input objects back inside errors.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    // Federation directives are defined by @link, which type-graphql does not know.
    skipCheck: true,
  });
  return classSchema;
}

async function build(options: SchemaOptions): Promise<GraphQLSchema> {
  const classes = await buildClassSchema();
  const plain = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(classes)}`);
  const withAccess = applyAccessDirectives(plain, options);
  const typeDefs = options.declareAccessDirectives ? withAccess : plain;
  const resolvers = createResolversMap(classes) as Record<string, Record<string, unknown>>;
  const merged = enforceAccess(withAccess, {
    ...resolvers,
    Membership: { ...resolvers.Membership, ...membershipReference },
    Collaboration: { ...resolvers.Collaboration, ...collaborationReference },
  });
  // type-graphql's ResolversMap and Apollo's resolver map type differ only in typing (type-graphql#1768).
  return buildSubgraphSchema([
    { typeDefs, resolvers: merged as unknown as GraphQLResolverMap<unknown> },
  ]);
}

const built = new Map<string, Promise<GraphQLSchema>>();

/** The subgraph schema for these options; built once per distinct options. */
export function buildGatewaySchema(
  options: SchemaOptions = DEFAULT_SCHEMA_OPTIONS,
): Promise<GraphQLSchema> {
  const { readScope, writeScope, declareAccessDirectives } = options;
  const key = JSON.stringify([readScope, writeScope, declareAccessDirectives]);
  let schema = built.get(key);
  if (!schema) {
    schema = build({ readScope, writeScope, declareAccessDirectives });
    built.set(key, schema);
  }
  return schema;
}

/**
 * The subgraph SDL as published, for schema.graphql: what `_service { sdl }` returns minus the
 * definitions federation adds to every subgraph (`@link`, `federation__*`, `_Any`, `_entities`).
 */
export async function printGatewaySchema(
  options: SchemaOptions = DEFAULT_SCHEMA_OPTIONS,
): Promise<string> {
  return `${printSubgraphSchema(await buildGatewaySchema(options)).trim()}\n`;
}
