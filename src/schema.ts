/**
 * Builds the GraphQL schema in one place: type-graphql classes → SDL with directives → an Apollo
 * Federation 2 subgraph schema (entities `Membership` and `Collaboration`, `_service`,
 * `_entities`). `printGatewaySchema` gives the SDL committed as schema.graphql.
 */
import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import { collaborationReference } from './collaborations/collaboration.reference';
import { CollaborationResolver } from './collaborations/collaboration.resolver';
import { membershipReference } from './memberships/membership.reference';
import { MembershipResolver } from './memberships/membership.resolver';
import {
  CollaborationMembershipResolver,
  MemberMembershipResolver,
  MembershipCollaborationResolver,
} from './relations/relations.resolver';
import { scalarsMap } from './shared/scalars';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

let built: Promise<GraphQLSchema> | undefined;

async function build(): Promise<GraphQLSchema> {
  const classSchema = await buildSchema({
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
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(classSchema)}`);
  const resolvers = createResolversMap(classSchema) as Record<string, Record<string, unknown>>;
  const merged = {
    ...resolvers,
    Membership: { ...resolvers.Membership, ...membershipReference },
    Collaboration: { ...resolvers.Collaboration, ...collaborationReference },
  };
  // type-graphql's ResolversMap and Apollo's resolver map type differ only in typing (type-graphql#1768).
  return buildSubgraphSchema([
    { typeDefs, resolvers: merged as unknown as GraphQLResolverMap<unknown> },
  ]);
}

/** The subgraph schema; built once per process (type-graphql metadata is global). */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  built ??= build();
  return built;
}

/**
 * The subgraph SDL as published, for schema.graphql: what `_service { sdl }` returns minus the
 * definitions federation adds to every subgraph (`@link`, `federation__*`, `_Any`, `_entities`).
 */
export async function printGatewaySchema(): Promise<string> {
  return `${printSubgraphSchema(await buildGatewaySchema()).trim()}\n`;
}
