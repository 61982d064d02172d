/**
 * The published SDL: schema.graphql must be what the code builds (the staleness check inside
 * `npm test`; `npm run schema:print` fixes it), and everything a client can see is documented.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLEnumType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { UNKNOWN_ENUM_VALUE } from '../../src/constraints/enums';
import { buildGatewaySchema, printGatewaySchema } from '../../src/schema';

const COMMITTED = join(__dirname, '..', '..', 'schema.graphql');

/** Types federation adds to every subgraph; they are not ours to document. */
const FEDERATION_TYPES = new Set(['_Service', '_Entity', '_Any', '_FieldSet', 'FieldSet']);
const isFederationType = (name: string) =>
  FEDERATION_TYPES.has(name) || name.startsWith('link__') || name.startsWith('federation__');
/** Root fields federation adds. */
const FEDERATION_FIELDS = new Set(['Query._service', 'Query._entities']);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGatewaySchema();
});

it('schema.graphql is up to date (run `npm run schema:print` after changing the schema)', async () => {
  const committed = readFileSync(COMMITTED, 'utf8');
  expect(await printGatewaySchema()).toBe(committed);
});

it('declares the federation entities and the shareable PageInfo', async () => {
  const sdl = await printGatewaySchema();
  expect(sdl).toMatch(/type Membership\s+@key\(fields: "id"\)/);
  expect(sdl).toMatch(/type Collaboration\s+@key\(fields: "id"\)/);
  expect(sdl).toMatch(/type PageInfo\s+@shareable/);
  expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.9"');
});

function ownTypes(): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type) =>
      !isIntrospectionType(type) && !isSpecifiedScalarType(type) && !isFederationType(type.name),
  );
}

/** Every schema element a client can see that has no description, as `Type.field(arg)` paths. */
function undocumented(): string[] {
  const missing: string[] = [];
  const need = (path: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(path);
  };
  for (const type of ownTypes()) {
    const isRoot = ['Query', 'Mutation', 'Subscription'].includes(type.name);
    if (!isRoot) need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const path = `${type.name}.${field.name}`;
        if (FEDERATION_FIELDS.has(path)) continue;
        need(path, field.description);
        for (const arg of field.args) need(`${path}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        need(`${type.name}.${field.name}`, field.description);
    }
    // Unions are checked as types above (their members are object types of their own).
    if (isEnumType(type)) {
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}

it('documents every type, field, argument, enum and input field', () => {
  expect(ownTypes().length).toBeGreaterThan(20);
  expect(undocumented()).toEqual([]);
});

/** Every enum an argument or input field takes, as `Type.field(arg)` → enum name. */
function inputEnums(): Map<string, GraphQLEnumType> {
  const found = new Map<string, GraphQLEnumType>();
  const take = (path: string, type: GraphQLInputType) => {
    const named = getNamedType(type);
    if (isEnumType(named)) found.set(path, named);
  };
  for (const type of ownTypes()) {
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) take(`${type.name}.${field.name}(${arg.name})`, arg.type);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        take(`${type.name}.${field.name}`, field.type);
    }
  }
  return found;
}

/** Every enum some object field returns. */
function outputEnums(): Set<string> {
  const names = new Set<string>();
  for (const type of ownTypes()) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isEnumType(named)) names.add(named.name);
    }
  }
  return names;
}

it('offers no UNKNOWN where a client sends a value: input positions use input-only enums', () => {
  const positions = inputEnums();
  expect(positions.get('Query.memberships(status)')?.name).toBe('MembershipStatus');
  expect(positions.get('CreateMembershipInput.queryLogStatus')?.name).toBe(
    'MembershipQueryLogStatusInput',
  );
  expect(positions.size).toBeGreaterThanOrEqual(12);
  const returned = outputEnums();
  for (const [path, type] of positions) {
    const values = type.getValues().map((v) => v.name);
    expect({ path, hasUnknown: values.includes(UNKNOWN_ENUM_VALUE) }).toEqual({
      path,
      hasUnknown: false,
    });
    expect({ path, alsoReturned: returned.has(type.name) }).toEqual({ path, alsoReturned: false });
  }
});

it('keeps UNKNOWN in every enum AWS returns, and each input twin holds exactly its other values', () => {
  const returned = outputEnums();
  for (const name of returned) {
    const values = (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.name);
    expect({ name, values }).toEqual({
      name,
      values: expect.arrayContaining([UNKNOWN_ENUM_VALUE]),
    });
  }
  const twins = [...new Set(inputEnums().values())].filter(
    (t) => t.name !== 'FilterableMemberStatus',
  );
  expect(twins).toHaveLength(10);
  for (const twin of twins) {
    // MembershipStatus keeps the contract's name as the input; its output is MembershipStatusOutput.
    const outputName =
      twin.name === 'MembershipStatus' ? 'MembershipStatusOutput' : twin.name.replace(/Input$/, '');
    const output = schema.getType(outputName) as GraphQLEnumType;
    expect(returned.has(output.name)).toBe(true);
    expect(twin.getValues().map((v) => v.name)).toEqual(
      output
        .getValues()
        .map((v) => v.name)
        .filter((v) => v !== UNKNOWN_ENUM_VALUE),
    );
  }
});
