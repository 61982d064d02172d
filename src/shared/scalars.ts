/**
 * Scalars: timestamps are `DateTime` (RFC 3339 strings), the name company graphs commonly share.
 */
import { GraphQLDateTime } from 'graphql-scalars';
import type { BuildSchemaOptions } from 'type-graphql';

export const scalarsMap: NonNullable<BuildSchemaOptions['scalarsMap']> = [
  { type: Date, scalar: GraphQLDateTime },
];
