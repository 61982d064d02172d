/**
 * Federation representations (`_entities(representations: [{ __typename, id }])`) arrive as raw
 * JSON (`_Any`), untouched by GraphQL's input coercion or by the pre-execution validation. Their
 * id is checked here with the same constraint row as the corresponding Get argument, so a bad
 * representation fails alone — BAD_USER_INPUT on that entity, no AWS call — and the others
 * still resolve.
 */
import { scalarViolation } from '../constraints/check';
import { inputConstraint, type OperationName } from '../constraints/table';
import { badUserInput } from './input-errors';

export function representationId(
  typename: string,
  reference: unknown,
  operation: OperationName,
  member: string,
): string {
  const id =
    typeof reference === 'object' && reference !== null
      ? (reference as { id?: unknown }).id
      : undefined;
  const problem =
    id === undefined || id === null
      ? 'Member must not be null'
      : scalarViolation(inputConstraint(operation, member), id);
  if (problem !== undefined || typeof id !== 'string') {
    throw badUserInput(
      `Invalid ${typename} representation: its id is not a valid ${typename} id`,
      [{ path: 'id', message: problem ?? 'Member must be a string' }],
      { scope: 'field' },
    );
  }
  return id;
}
