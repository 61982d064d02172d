import { operationSpec, OPERATION_NAMES } from '../../../src/constraints/table';
import { validateOperationInput } from '../../../src/constraints/validate';
import { INPUT_MEMBERS, parseOperationInput } from '../../../src/emulator/inputs';

describe('INPUT_MEMBERS', () => {
  it.each(OPERATION_NAMES)(
    '%s lists exactly the top-level members of the constraint table, with their presence',
    (operation) => {
      const fromTable = Object.fromEntries(
        operationSpec(operation)
          .input.filter((row) => !/[.[{]/.test(row.path))
          .map((row) => [row.path, row.required ? 'required' : 'optional']),
      );
      expect(INPUT_MEMBERS[operation]).toEqual(fromTable);
    },
  );
});

describe('parseOperationInput', () => {
  const valid = (operation: (typeof OPERATION_NAMES)[number], input: Record<string, unknown>) => {
    const { typeErrors, violations } = validateOperationInput(operation, input);
    expect([...typeErrors, ...violations]).toEqual([]);
    return parseOperationInput(operation, input);
  };

  it('keeps the operation and every model member', () => {
    const input = {
      membershipIdentifier: 'b1b2c3d4-0000-4000-8000-000000000002',
      queryLogStatus: 'DISABLED',
      defaultResultConfiguration: {
        outputConfiguration: { s3: { resultFormat: 'CSV', bucket: 'results', keyPrefix: 'q/' } },
        roleArn: 'arn:aws:iam::222222222222:role/CleanRoomsResults',
      },
    };
    expect(valid('UpdateMembership', input)).toEqual({ operation: 'UpdateMembership', input });
  });

  it('drops members the model does not know and null members, at every depth', () => {
    const parsed = valid('CreateMembership', {
      collaborationIdentifier: 'a1b2c3d4-0000-4000-8000-000000000001',
      queryLogStatus: 'ENABLED',
      jobLogStatus: null,
      surprise: 'top level',
      defaultResultConfiguration: {
        outputConfiguration: {
          s3: { resultFormat: 'CSV', bucket: 'results', extra: 1 },
          gcs: null,
        },
        roleArn: null,
      },
      paymentConfiguration: { queryCompute: { isResponsible: true, note: 'x' }, jobCompute: null },
    });
    expect(parsed.input).toEqual({
      collaborationIdentifier: 'a1b2c3d4-0000-4000-8000-000000000001',
      queryLogStatus: 'ENABLED',
      defaultResultConfiguration: {
        outputConfiguration: { s3: { resultFormat: 'CSV', bucket: 'results' } },
      },
      paymentConfiguration: { queryCompute: { isResponsible: true } },
    });
  });

  it('keeps list elements and map entries, including keys named like Object members', () => {
    const tags = JSON.parse('{"__proto__":"a","constructor":"b","env":"c"}') as Record<
      string,
      string
    >;
    const parsed = valid('TagResource', {
      resourceArn:
        'arn:aws:cleanrooms:us-east-1:222222222222:membership/b1b2c3d4-0000-4000-8000-000000000002',
      tags,
    });
    expect(parsed.operation).toBe('TagResource');
    const out = parsed.operation === 'TagResource' ? parsed.input.tags : {};
    expect(Object.entries(out)).toEqual([
      ['__proto__', 'a'],
      ['constructor', 'b'],
      ['env', 'c'],
    ]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);

    const members = valid('CreateCollaboration', {
      name: 'n',
      creatorDisplayName: 'c',
      creatorMemberAbilities: ['CAN_QUERY'],
      queryLogStatus: 'ENABLED',
      members: [
        { accountId: '222222222222', displayName: 'm', memberAbilities: [], extra: true },
        { accountId: '333333333333', displayName: 'k', memberAbilities: ['CAN_RECEIVE_RESULTS'] },
      ],
    });
    expect(members.operation === 'CreateCollaboration' && members.input.members).toEqual([
      { accountId: '222222222222', displayName: 'm', memberAbilities: [] },
      { accountId: '333333333333', displayName: 'k', memberAbilities: ['CAN_RECEIVE_RESULTS'] },
    ]);
  });
});
