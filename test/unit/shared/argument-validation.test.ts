import { isObjectType } from 'graphql';
import { buildGatewaySchema } from '../../../src/schema';
import { validatedCoordinates } from '../../../src/shared/argument-validation';

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
