/**
 * Validates a whole operation input against the constraint table, the way an AWS service does
 * before it touches any state: required members, JSON types, lengths, ranges, enums, patterns,
 * list/map sizes and "exactly one member" of tagged unions.
 *
 * Type errors (a number where a string belongs) are reported separately from constraint errors:
 * AWS answers the first with a SerializationException (the body could not be read into the
 * model) and the second with a ValidationException.
 */
import { constraintViolation, typeMismatch } from './check';
import { operationSpec, type ConstraintEntry, type OperationName } from './table';

export interface Violation {
  /** Dotted path of the member, with `[i]` for list elements: `members[0].accountId`. */
  path: string;
  /** The constraint text, e.g. `Member must not be null`. */
  message: string;
  /** The offending value (undefined for missing members). */
  value: unknown;
}

export interface ValidationResult {
  typeErrors: Violation[];
  violations: Violation[];
}

interface Node {
  entry: ConstraintEntry;
  members: Map<string, Node>;
  element?: Node;
  mapKey?: Node;
  mapValue?: Node;
}

const TOKEN = /\[\]|\{key\}|\{value\}|[^.[{]+/g;

function buildTree(entries: ConstraintEntry[]): Node {
  const root: Node = {
    entry: { path: '', shape: 'Input', type: 'structure', required: true, requiredPath: true },
    members: new Map(),
  };
  for (const entry of entries) {
    const tokens = entry.path.match(TOKEN) ?? [];
    let node = root;
    tokens.forEach((token, i) => {
      const last = i === tokens.length - 1;
      const fresh = (): Node => ({ entry, members: new Map() });
      if (token === '[]') node = node.element ??= fresh();
      else if (token === '{key}') node = node.mapKey ??= fresh();
      else if (token === '{value}') node = node.mapValue ??= fresh();
      else {
        let child = node.members.get(token);
        if (!child) {
          child = fresh();
          node.members.set(token, child);
        }
        node = child;
      }
      if (last) node.entry = entry;
    });
  }
  return root;
}

const trees = new Map<OperationName, Node>();

function treeFor(operation: OperationName): Node {
  let tree = trees.get(operation);
  if (!tree) {
    tree = buildTree(operationSpec(operation).input);
    trees.set(operation, tree);
  }
  return tree;
}

function join(parent: string, member: string): string {
  return parent ? `${parent}.${member}` : member;
}

function walk(node: Node, value: unknown, path: string, out: ValidationResult): void {
  const { entry } = node;
  const expected = typeMismatch(entry, value);
  if (expected) {
    out.typeErrors.push({ path: path || 'body', message: `Member must be ${expected}`, value });
    return;
  }
  const problem = constraintViolation(entry, value);
  if (problem) out.violations.push({ path, message: problem, value });

  switch (entry.type) {
    case 'structure':
      walkStructure(node, value as Record<string, unknown>, path, out);
      return;
    case 'union':
      walkUnion(node, value as Record<string, unknown>, path, out);
      return;
    case 'list':
      if (node.element) {
        (value as unknown[]).forEach((item, i) => {
          if (item === null || item === undefined) {
            out.violations.push({
              path: `${path}[${i}]`,
              message: 'Member must not be null',
              value: item,
            });
          } else walk(node.element as Node, item, `${path}[${i}]`, out);
        });
      }
      return;
    case 'map':
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (node.mapKey) walk(node.mapKey, key, path, out);
        if (node.mapValue) {
          if (item === null || item === undefined) {
            out.violations.push({
              path: join(path, key),
              message: 'Member must not be null',
              value: item,
            });
          } else walk(node.mapValue, item, join(path, key), out);
        }
      }
      return;
    default:
      return;
  }
}

function walkStructure(
  node: Node,
  obj: Record<string, unknown>,
  path: string,
  out: ValidationResult,
) {
  for (const [name, child] of node.members) {
    const value = obj[name];
    const childPath = join(path, name);
    if (value === undefined || value === null) {
      if (child.entry.required) {
        out.violations.push({ path: childPath, message: 'Member must not be null', value: null });
      }
      continue;
    }
    walk(child, value, childPath, out);
  }
}

function walkUnion(node: Node, obj: Record<string, unknown>, path: string, out: ValidationResult) {
  const known = node.entry.unionMembers ?? [...node.members.keys()];
  const set = Object.keys(obj).filter((k) => obj[k] !== null && obj[k] !== undefined);
  const unknown = set.filter((k) => !known.includes(k));
  if (set.length !== 1 || unknown.length > 0) {
    out.violations.push({
      path,
      message: `Member must have exactly one of [${known.join(', ')}] set`,
      value: obj,
    });
    return;
  }
  const child = node.members.get(set[0] as string);
  if (child) walk(child, obj[set[0] as string], join(path, set[0] as string), out);
}

/** Validates `input` (the operation's whole input object, all locations merged). */
export function validateOperationInput(operation: OperationName, input: unknown): ValidationResult {
  const out: ValidationResult = { typeErrors: [], violations: [] };
  walk(treeFor(operation), input, '', out);
  return out;
}

/** Renders a value the way Coral quotes it in messages, bounded so huge inputs stay small. */
export function quoteValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.length > 256 ? `${text.slice(0, 256)}…` : text}'`;
}

/** `2 validation errors detected: Value 'x' at 'a' failed to satisfy constraint: …; …`. */
export function validationMessage(violations: Violation[]): string {
  const n = violations.length;
  const parts = violations.map(
    (v) => `Value ${quoteValue(v.value)} at '${v.path}' failed to satisfy constraint: ${v.message}`,
  );
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}
