/**
 * Lookups keyed by user input. A plain object answers for inherited names too (`constructor`,
 * `__proto__`, `toString`), so input is only ever matched against own properties, Maps and Sets.
 */
import { OPERATION_NAMES, type OperationName } from '../constraints/table';

/** The value of an own property of a parsed JSON object; inherited members read as absent. */
export function ownField(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

const OPERATIONS: ReadonlySet<string> = new Set(OPERATION_NAMES);

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && OPERATIONS.has(name);
}
