/**
 * The single definition of "does this value satisfy this constraint row": used by the emulator's
 * request validation and by the gateway's class-validator rules, so the two can never disagree.
 * Messages follow the wording AWS (Coral) services use in ValidationException.
 */
import type { ConstraintEntry } from './table';

/** Number of Unicode code points: Smithy's @length counts characters, not UTF-16 units. */
export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

const patternCache = new Map<string, RegExp>();

/**
 * Smithy patterns are not anchored: a match anywhere in the value counts (search semantics).
 * The `u` flag makes astral characters single code points, as in the model's Java runtime.
 */
export function compiledPattern(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

/** Returns the kind of JSON value the row expects, or undefined when the value has that kind. */
export function typeMismatch(entry: ConstraintEntry, value: unknown): string | undefined {
  switch (entry.type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'a string';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'a boolean';
    case 'integer':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : 'an integer';
    case 'double':
    case 'float':
    case 'timestamp':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'a number';
    case 'list':
      return Array.isArray(value) ? undefined : 'a list';
    case 'map':
    case 'structure':
    case 'union':
      return isPlainObject(value) ? undefined : 'an object';
    default:
      return undefined;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks length/range, enum and pattern of a value that already has the right type.
 * Returns the constraint message ("Member must …") or undefined when the value is valid.
 */
export function constraintViolation(entry: ConstraintEntry, value: unknown): string | undefined {
  if (typeof value === 'string') {
    const len = codePointLength(value);
    if (entry.min !== undefined && len < entry.min) {
      return `Member must have length greater than or equal to ${entry.min}`;
    }
    if (entry.max !== undefined && len > entry.max) {
      return `Member must have length less than or equal to ${entry.max}`;
    }
    if (entry.enum && !entry.enum.includes(value)) {
      return `Member must satisfy enum value set: [${entry.enum.join(', ')}]`;
    }
    if (entry.pattern && !compiledPattern(entry.pattern).test(value)) {
      return `Member must satisfy regular expression pattern: ${entry.pattern}`;
    }
    return undefined;
  }
  if (typeof value === 'number') {
    if (entry.min !== undefined && value < entry.min) {
      return `Member must have value greater than or equal to ${entry.min}`;
    }
    if (entry.max !== undefined && value > entry.max) {
      return `Member must have value less than or equal to ${entry.max}`;
    }
    return undefined;
  }
  if (Array.isArray(value) || (entry.type === 'map' && isPlainObject(value))) {
    const size = Array.isArray(value) ? value.length : Object.keys(value).length;
    if (entry.min !== undefined && size < entry.min) {
      return `Member must have length greater than or equal to ${entry.min}`;
    }
    if (entry.max !== undefined && size > entry.max) {
      return `Member must have length less than or equal to ${entry.max}`;
    }
  }
  return undefined;
}

/** Type and constraint check in one call, for scalar rows (used by the gateway's validators). */
export function scalarViolation(entry: ConstraintEntry, value: unknown): string | undefined {
  const expected = typeMismatch(entry, value);
  if (expected) return `Member must be ${expected}`;
  return constraintViolation(entry, value);
}
