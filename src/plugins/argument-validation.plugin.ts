/**
 * Checks every argument of an operation *before anything executes*: with one invalid argument
 * anywhere — a nested `members(first: 0)`, one of several root fields, inside a fragment — no AWS
 * call is made at all. The invalid fields report their own errors as usual, and every field that
 * would need AWS fails with the same BAD_USER_INPUT details instead of calling it.
 *
 * What can be known from the document alone is worked out once per parsed operation (Apollo
 * caches parsed documents): the fields that have argument rules, their response paths and the
 * `@skip`/`@include` conditions on the way to them. Per request only those fields are checked —
 * none for an argument-free operation — with the request's variables; fields whose arguments
 * and conditions use no variables are checked once and their result is reused.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { GatewayContext } from '../context';
import { badUserInput, type FieldProblem } from '../shared/input-errors';
import { argumentProblems, argumentSpecs, type ArgumentSpec } from './argument-rules';

/** A node that may carry `@skip`/`@include` (a field, inline fragment or fragment spread). */
type Conditional = FieldNode | InlineFragmentNode | FragmentSpreadNode;

interface PlannedField {
  node: FieldNode;
  field: GraphQLField<unknown, unknown>;
  specs: ArgumentSpec[];
  /** Response path (aliases) of the field. */
  path: string[];
  /** Nodes on the way to the field, the field included, that carry skip/include directives. */
  conditions: Conditional[];
  /** True when neither its arguments nor its conditions use variables. */
  constant: boolean;
  /** The reused result of a constant field. */
  constantProblems?: Promise<FieldProblem[]>;
}

interface Plan {
  schema: GraphQLSchema;
  fields: PlannedField[];
  usesVariables: boolean;
}

const plans = new WeakMap<OperationDefinitionNode, Plan>();

function usesVariables(nodes: readonly ASTNode[]): boolean {
  let found = false;
  for (const node of nodes) {
    visit(node, {
      Variable() {
        found = true;
      },
    });
  }
  return found;
}

function hasConditions(node: Conditional): boolean {
  return (node.directives ?? []).some((d) => d.name.value === 'skip' || d.name.value === 'include');
}

/** Walks the operation once, through fragments, collecting the fields that have argument rules. */
function buildPlan(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Plan {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const fields: PlannedField[] = [];

  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    path: string[],
    conditions: Conditional[],
    spread: ReadonlySet<string>,
  ): void => {
    for (const selection of selectionSet.selections) {
      const here = hasConditions(selection) ? [...conditions, selection] : conditions;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        walk(selection.selectionSet, type ?? undefined, path, here, spread);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || spread.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
        walk(fragment.selectionSet, type, path, here, new Set([...spread, name]));
        continue;
      }
      if (!isObjectType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const fieldPath = [...path, selection.alias?.value ?? selection.name.value];
      const specs = argumentSpecs(`${parent.name}.${field.name}`);
      if (specs && selection.arguments?.length) {
        fields.push({
          node: selection,
          field,
          specs,
          path: fieldPath,
          conditions: here,
          constant: !usesVariables([
            ...(selection.arguments ?? []),
            ...here.flatMap((node) => node.directives ?? []),
          ]),
        });
      }
      if (selection.selectionSet) {
        walk(selection.selectionSet, getNamedType(field.type), fieldPath, here, spread);
      }
    }
  };

  walk(
    operation.selectionSet,
    schema.getRootType(operation.operation) ?? undefined,
    [],
    [],
    new Set(),
  );
  return { schema, fields, usesVariables: fields.some((f) => !f.constant) };
}

function included(conditions: Conditional[], variables: Record<string, unknown>): boolean {
  return conditions.every(
    (node) =>
      getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
      getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false,
  );
}

export interface ArgumentProblems {
  /** Response path of the first field with invalid arguments. */
  path: string[];
  /** Each problem with the dotted path inside that field's arguments. */
  fields: FieldProblem[];
}

/**
 * The argument problems of `operation` with these variables, or undefined when every argument
 * of every field that will execute is valid. Values GraphQL itself cannot coerce are left to
 * GraphQL, which reports them when it executes.
 */
export async function validateOperationArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown>,
): Promise<ArgumentProblems | undefined> {
  let plan = plans.get(operation);
  if (!plan || plan.schema !== schema) {
    plan = buildPlan(schema, document, operation);
    plans.set(operation, plan);
  }
  if (plan.fields.length === 0) return undefined;
  let variables: Record<string, unknown> = {};
  if (plan.usesVariables) {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
    if (coerced.errors) return undefined;
    variables = coerced.coerced;
  }
  const checks = plan.fields.map(async (planned) => {
    if (!included(planned.conditions, variables)) return { path: planned.path, fields: [] };
    const check = () => {
      let args: Record<string, unknown>;
      try {
        args = getArgumentValues(planned.field, planned.node, variables);
      } catch {
        return Promise.resolve([]);
      }
      return argumentProblems(planned.specs, args);
    };
    const fields = planned.constant ? await (planned.constantProblems ??= check()) : await check();
    return { path: planned.path, fields };
  });
  const failed = (await Promise.all(checks)).filter((c) => c.fields.length > 0);
  if (failed.length === 0) return undefined;
  return { path: failed[0]?.path ?? [], fields: failed.flatMap((c) => c.fields) };
}

/** The Apollo plugin: refuses every AWS call of an operation that has an invalid argument. */
export function argumentValidationPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const problems = await validateOperationArguments(
            schema,
            document,
            operation,
            request.variables ?? {},
          );
          if (problems) {
            const where = problems.path.join('.');
            contextValue.scheduler.refuse(() =>
              badUserInput(
                `Not executed: the operation has invalid arguments (at ${where})`,
                problems.fields,
              ),
            );
          }
        },
      };
    },
  };
}
