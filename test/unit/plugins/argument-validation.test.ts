import { isObjectType, Kind, parse, type OperationDefinitionNode } from 'graphql';
import * as rules from '../../../src/plugins/argument-rules';
import { validatedCoordinates } from '../../../src/plugins/argument-rules';
import { validateOperationArguments } from '../../../src/plugins/argument-validation.plugin';
import { buildGatewaySchema } from '../../../src/schema';

// Federation's own fields take representations, not user input the gateway validates.
const FEDERATION_FIELDS = new Set(['Query._entities']);

it('validates the arguments of every field of the schema that takes arguments', async () => {
  const schema = await buildGatewaySchema();
  const withArguments: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (field.args.length > 0 && !FEDERATION_FIELDS.has(coordinate))
        withArguments.push(coordinate);
    }
  }
  expect(withArguments.length).toBeGreaterThan(5);
  expect(validatedCoordinates().sort()).toEqual(expect.arrayContaining(withArguments.sort()));
});

describe('work per request', () => {
  const operationOf = (source: string) => {
    const document = parse(source);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (!operation) throw new Error('no operation');
    return { document, operation };
  };
  /** Variables that must not even be looked at. */
  const untouchable = new Proxy(
    {},
    {
      get: () => {
        throw new Error('variables were read');
      },
      ownKeys: () => {
        throw new Error('variables were read');
      },
    },
  ) as Record<string, unknown>;

  afterEach(() => jest.restoreAllMocks());

  it('does nothing for an operation whose fields take no arguments', async () => {
    const schema = await buildGatewaySchema();
    const { document, operation } = operationOf(
      '{ memberships { nodes { id collaboration { name members { nodes { accountId } } } } } }',
    );
    const check = jest.spyOn(rules, 'argumentProblems');
    for (let i = 0; i < 3; i++) {
      await expect(
        validateOperationArguments(schema, document, operation, untouchable),
      ).resolves.toBeUndefined();
    }
    expect(check).not.toHaveBeenCalled();
  });

  it('checks arguments written in the document once, however many requests use it', async () => {
    const schema = await buildGatewaySchema();
    const { document, operation } = operationOf(
      '{ ok: memberships(first: 5) { nodes { id } } bad: memberships(first: 0) { nodes { id } } }',
    );
    const check = jest.spyOn(rules, 'argumentProblems');
    for (let i = 0; i < 3; i++) {
      const problems = await validateOperationArguments(schema, document, operation, untouchable);
      expect(problems).toMatchObject({ path: ['bad'], fields: [{ path: 'first' }] });
    }
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('checks arguments that use variables on every request, with its variables', async () => {
    const schema = await buildGatewaySchema();
    const { document, operation } = operationOf(
      'query ($first: Int) { memberships(first: $first) { nodes { id } } }',
    );
    const check = jest.spyOn(rules, 'argumentProblems');
    await expect(
      validateOperationArguments(schema, document, operation, { first: 0 }),
    ).resolves.toMatchObject({ fields: [{ path: 'first' }] });
    await expect(
      validateOperationArguments(schema, document, operation, { first: 5 }),
    ).resolves.toBeUndefined();
    expect(check).toHaveBeenCalledTimes(2);
  });
});
