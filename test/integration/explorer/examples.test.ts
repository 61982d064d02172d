/**
 * The example operations of examples/ (the README's "Try it", the explorers' documents, the
 * codegen input): each file holds one named operation, valid against the committed
 * schema.graphql, and runs with no error on the seeded embedded emulator through HTTP —
 * queries on the demo data, each mutation on a fresh seed with its `.variables.json`. The
 * README's story (Join, then Change, Tag and Leave the new membership) runs with the typed
 * documents `npm run codegen` generates, as a frontend would use them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  Kind,
  parse,
  print,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { loadExamples } from '../../../src/explorer/examples';
import {
  ChangeDocument,
  JoinDocument,
  LeaveDocument,
  TagDocument,
} from '../../../examples/generated/graphql';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

const ROOT = join(__dirname, '..', '..', '..');
const SCHEMA = buildASTSchema(parse(readFileSync(join(ROOT, 'schema.graphql'), 'utf8')), {
  assumeValidSDL: true,
});
const EXAMPLES = loadExamples();

function operationOf(source: string): OperationDefinitionNode {
  const definitions = parse(source).definitions;
  expect(definitions).toHaveLength(1);
  const [operation] = definitions;
  if (operation?.kind !== Kind.OPERATION_DEFINITION) throw new Error('not an operation');
  return operation;
}

describe('examples/*.graphql', () => {
  it('each hold one named operation, named differently (codegen names its types after them)', () => {
    const names = EXAMPLES.map((e) => operationOf(e.source).name?.value);
    expect(names.every((name) => typeof name === 'string')).toBe(true);
    expect(new Set(names).size).toBe(EXAMPLES.length);
    expect(names).toEqual(
      expect.arrayContaining(['Memberships', 'Join', 'Change', 'Tag', 'Leave']),
    );
  });

  it.each(EXAMPLES.map((e) => [e.name, e] as const))(
    '%s is valid against schema.graphql',
    (_, e) => {
      expect(validate(SCHEMA, parse(e.source)).map((error) => error.message)).toEqual([]);
    },
  );

  it.each(EXAMPLES.map((e) => [e.name, e] as const))(
    '%s declares exactly the variables its .variables.json gives',
    (_, e) => {
      const declared = (operationOf(e.source).variableDefinitions ?? []).map(
        (v) => v.variable.name.value,
      );
      expect(Object.keys(e.variables ?? {}).sort()).toEqual(declared.sort());
    },
  );
});

describe('running the examples on the demo data', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(() => gw.close());

  it.each(EXAMPLES.map((e) => [e.name, e] as const))(
    '%s answers data and no error',
    async (_, e) => {
      if (operationOf(e.source).operation === 'mutation') gw.emulator.reset(true);
      const { status, body } = await gw.gql(e.source, e.variables);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(Object.values(body.data ?? {}).every((value) => value !== null)).toBe(true);
    },
  );

  /** What a frontend does with a generated document: the result type comes with it. */
  async function run<R, V extends Record<string, unknown>>(
    document: TypedDocumentNode<R, V>,
    variables: V,
  ): Promise<R> {
    const { body } = await gw.gql<R>(print(document), variables);
    expect(body.errors).toBeUndefined();
    return body.data as R;
  }

  it('joins the invited collaboration, then changes, tags and leaves the new membership', async () => {
    gw.emulator.reset(true);
    const joined = await run(JoinDocument, {});
    expect(joined.createMembership).toMatchObject({
      status: 'ACTIVE',
      collaboration: { name: 'Clean rooms ML pilot', memberStatus: 'ACTIVE' },
    });
    const { id } = joined.createMembership;
    const changed = await run(ChangeDocument, { id });
    expect(changed.updateMembership).toMatchObject({ id, queryLogStatus: 'DISABLED' });
    const tagged = await run(TagDocument, { id });
    expect(tagged.tagMembership).toEqual({
      id,
      tags: [
        { key: 'stage', value: 'pilot' },
        { key: 'team', value: 'ml' },
      ],
    });
    const left = await run(LeaveDocument, { id });
    expect(left.deleteMembership).toBe(id);
  });
});
