/**
 * Refused input, as the client sees it: a `BAD_USER_INPUT` GraphQL error listing every problem
 * as `{ path, message }` (dotted paths into the arguments: `tags[0].key`, `a.b.c`). Used by the
 * pre-execution validation, the resolvers' own checks and the federation reference resolvers.
 */
import type { ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';

export interface FieldProblem {
  path: string;
  message: string;
}

/** Flattens class-validator's tree into dotted paths: `tags[0].key`, `a.b.c`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ path, message });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

/**
 * A refused input. As a request error (raised before execution) it answers HTTP 400 with no
 * data; as a field error (`scope: 'field'`) only that field is null and the rest resolves.
 */
export function badUserInput(
  message: string,
  fields: FieldProblem[],
  options: { scope?: 'request' | 'field'; path?: string[] } = {},
): GraphQLError {
  const extensions: Record<string, unknown> = { code: 'BAD_USER_INPUT', fields };
  if ((options.scope ?? 'request') === 'request') extensions.http = { status: 400 };
  return new GraphQLError(message, { path: options.path, extensions });
}
