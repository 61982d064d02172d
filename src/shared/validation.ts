/**
 * class-validator rules for GraphQL inputs, derived from the same Clean Rooms constraint table the
 * emulator enforces (`src/constraints`), so the gateway refuses exactly what AWS would refuse —
 * before any AWS call — with the same constraint wording.
 */
import { registerDecorator, ValidationTypes, type ValidationArguments } from 'class-validator';
import { scalarViolation } from '../constraints/check';
import { MAX_TAGS_PER_RESOURCE, RESERVED_TAG_PREFIX } from '../constraints/rules';
import { inputConstraint, type ConstraintEntry, type OperationName } from '../constraints/table';

function register(name: string, check: (value: unknown) => string | undefined): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => check(value) === undefined,
        defaultMessage: (args?: ValidationArguments) => check(args?.value) ?? 'is invalid',
      },
    });
  };
}

function checkEntry(
  entry: ConstraintEntry,
  element: ConstraintEntry | undefined,
  value: unknown,
): string | undefined {
  // Absent values are GraphQL's business: required members are non-null in the schema.
  if (value === undefined || value === null) return undefined;
  const own = scalarViolation(entry, value);
  if (own || !element || !Array.isArray(value)) return own;
  for (const [i, item] of value.entries()) {
    const problem = scalarViolation(element, item);
    if (problem) return `Item ${i}: ${problem}`;
  }
  return undefined;
}

/**
 * Applies the constraint row `operation.path` (length, range, enum, pattern; for a list, its size
 * and the row of its elements).
 */
export function AwsConstraint(operation: OperationName, path: string): PropertyDecorator {
  const entry = inputConstraint(operation, path);
  const element =
    entry.type === 'list'
      ? (() => {
          try {
            return inputConstraint(operation, `${path}[]`);
          } catch {
            return undefined;
          }
        })()
      : undefined;
  return register('awsConstraint', (value) => checkEntry(entry, element, value));
}

/** A tagged-union input: exactly one member must be set (AWS rejects none or several). */
export function ExactlyOneMember(members: readonly string[]): PropertyDecorator {
  return register('exactlyOneMember', (value) => {
    if (value === undefined || value === null) return undefined;
    const set = members.filter((m) => (value as Record<string, unknown>)[m] != null);
    return set.length === 1
      ? undefined
      : `Member must have exactly one of [${members.join(', ')}] set`;
  });
}

/** An optional configuration the API cannot remove: omit it to keep it, `null` is refused. */
export function NotNullIfPresent(what: string): PropertyDecorator {
  // type-graphql validates with `skipMissingProperties`, so class-validator skips every rule on a
  // null value except the `isDefined` kind: registered as that kind, this rule sees the null.
  return register(ValidationTypes.IS_DEFINED, (value) =>
    value === null
      ? `${what} cannot be cleared: the Clean Rooms API has no way to remove it once set; omit the field to keep it`
      : undefined,
  );
}

/**
 * A PATCH input must change something: at least one of `members` is given (`null` counts as
 * given; NotNullIfPresent refuses it). Put it on the first of them: that is where it reports.
 */
export function AtLeastOneOf(members: readonly string[]): PropertyDecorator {
  const message = `Give at least one of ${members.join(', ')}: the input changes nothing`;
  return (target, propertyName) => {
    // Registered as the `isDefined` kind, like NotNullIfPresent, so it runs on a missing value.
    registerDecorator({
      name: ValidationTypes.IS_DEFINED,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (_value: unknown, args?: ValidationArguments) =>
          members.some((m) => (args?.object as Record<string, unknown>)[m] !== undefined),
        defaultMessage: () => message,
      },
    });
  };
}

/** A list argument that must not be empty (`what` names one item: "tag", "tag key"). */
export function NotEmpty(what: string): PropertyDecorator {
  return register('notEmpty', (value) =>
    Array.isArray(value) && value.length === 0 ? `Give at least one ${what}` : undefined,
  );
}

function reservedKey(keys: string[]): string | undefined {
  return keys.some((k) => k.toLowerCase().startsWith(RESERVED_TAG_PREFIX))
    ? `Tag keys starting with "${RESERVED_TAG_PREFIX}" are reserved for AWS use`
    : undefined;
}

/** Tags given as a list of {key, value}: AWS's map size, unique keys, no `aws:` prefix. */
export function TagListRules(operation: OperationName): PropertyDecorator {
  const map = inputConstraint(operation, 'tags');
  const max = Math.min(map.max ?? MAX_TAGS_PER_RESOURCE, MAX_TAGS_PER_RESOURCE);
  return register('tagList', (value) => {
    if (!Array.isArray(value)) return undefined;
    if (value.length > max) return `Member must have length less than or equal to ${max}`;
    const keys = value.map((t: { key?: unknown }) => String(t?.key ?? ''));
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate !== undefined) return `Tag key '${duplicate}' appears more than once`;
    return reservedKey(keys);
  });
}

/**
 * Keys of tags to remove (UntagResource `tagKeys`): each a valid tag key, not reserved, and at
 * most as many as a resource can carry. (The model sets no count; more keys than a resource has
 * tags can only be a mistake, and each one lengthens the request's URL.)
 */
export function TagKeyListRules(): PropertyDecorator {
  const entry = inputConstraint('UntagResource', 'tagKeys');
  const element = inputConstraint('UntagResource', 'tagKeys[]');
  return register('tagKeyList', (value) => {
    if (!Array.isArray(value)) return undefined;
    if (value.length > MAX_TAGS_PER_RESOURCE) {
      return `Member must have length less than or equal to ${MAX_TAGS_PER_RESOURCE}`;
    }
    return checkEntry(entry, element, value) ?? reservedKey(value.map(String));
  });
}
