import { validateOperationInput, validationMessage } from '../../../src/constraints/validate';
import { inputConstraint, OPERATION_NAMES } from '../../../src/constraints/table';
import { scalarViolation } from '../../../src/constraints/check';

const COLLAB = 'a1b2c3d4-0000-4000-8000-000000000001';
const BUCKET = 'defaultResultConfiguration.outputConfiguration.s3.bucket';

describe('constraint table', () => {
  it('covers the 14 operations the product uses', () => {
    expect(OPERATION_NAMES).toHaveLength(14);
  });

  it('holds UpdateCollaboration (added from another model) to the rules CreateCollaboration has', () => {
    // Its name and description are the shapes CreateCollaboration uses: the same constraints,
    // from the table's own (newer) model, so a description may be empty in both.
    for (const member of ['name', 'description']) {
      const { min, max, pattern, shape } = inputConstraint('CreateCollaboration', member);
      expect(inputConstraint('UpdateCollaboration', member)).toMatchObject({
        min,
        max,
        pattern,
        shape,
        required: false,
      });
    }
    expect(inputConstraint('UpdateCollaboration', 'description').min).toBe(0);
    expect(inputConstraint('UpdateCollaboration', 'collaborationIdentifier')).toEqual(
      inputConstraint('DeleteCollaboration', 'collaborationIdentifier'),
    );
  });
});

describe('validateOperationInput', () => {
  it('accepts a minimal valid CreateMembership', () => {
    const r = validateOperationInput('CreateMembership', {
      collaborationIdentifier: COLLAB,
      queryLogStatus: 'ENABLED',
    });
    expect(r).toEqual({ typeErrors: [], violations: [] });
  });

  it('reports missing required members by dotted path', () => {
    const r = validateOperationInput('CreateMembership', {
      defaultResultConfiguration: { outputConfiguration: { s3: { bucket: 'ok-bucket' } } },
    });
    expect(r.violations.map((v) => v.path)).toEqual([
      'collaborationIdentifier',
      'queryLogStatus',
      'defaultResultConfiguration.outputConfiguration.s3.resultFormat',
    ]);
  });

  it('separates JSON type errors from constraint violations', () => {
    const r = validateOperationInput('CreateMembership', {
      collaborationIdentifier: 42,
      queryLogStatus: 'BOGUS',
    });
    expect(r.typeErrors.map((v) => v.path)).toEqual(['collaborationIdentifier']);
    expect(r.violations).toEqual([
      {
        path: 'queryLogStatus',
        message: 'Member must satisfy enum value set: [ENABLED, DISABLED]',
        value: 'BOGUS',
      },
    ]);
  });

  it.each([
    ['empty union', {}],
    ['unknown member', { gcs: { bucket: 'abc' } }],
    ['two members', { s3: { bucket: 'abc', resultFormat: 'CSV' }, gcs: {} }],
  ])('requires exactly one union member (%s)', (_name, outputConfiguration) => {
    const r = validateOperationInput('CreateMembership', {
      collaborationIdentifier: COLLAB,
      queryLogStatus: 'ENABLED',
      defaultResultConfiguration: { outputConfiguration },
    });
    expect(r.violations).toEqual([
      expect.objectContaining({
        path: 'defaultResultConfiguration.outputConfiguration',
        message: 'Member must have exactly one of [s3] set',
      }),
    ]);
  });

  it('checks list elements and map keys/values', () => {
    const r = validateOperationInput('CreateCollaboration', {
      name: 'n',
      creatorDisplayName: 'd',
      creatorMemberAbilities: ['CAN_QUERY', 'CAN_FLY'],
      queryLogStatus: 'DISABLED',
      members: [{ accountId: '1234', memberAbilities: [], displayName: 'x' }],
      tags: { '': 'v', k: 'x'.repeat(257) },
    });
    expect(r.violations.map((v) => `${v.path}: ${v.message}`)).toEqual([
      'members[0].accountId: Member must have length greater than or equal to 12',
      'creatorMemberAbilities[1]: Member must satisfy enum value set: [CAN_QUERY, CAN_RECEIVE_RESULTS, CAN_RUN_JOB, CAN_EXPORT_QUERY_ANALYSIS_LOG]',
      'tags: Member must have length greater than or equal to 1',
      'tags.k: Member must have length less than or equal to 256',
    ]);
  });

  it('renders the AWS message convention', () => {
    const r = validateOperationInput('ListMemberships', { status: 'BOGUS', maxResults: 101 });
    expect(validationMessage(r.violations)).toBe(
      "2 validation errors detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100; " +
        "Value 'BOGUS' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [ACTIVE, REMOVED, COLLABORATION_DELETED]",
    );
  });
});

describe('scalarViolation: one valid and one invalid value per constraint kind', () => {
  const cases: Array<[string, string, string, unknown, unknown]> = [
    ['uuid pattern', 'CreateMembership', 'collaborationIdentifier', COLLAB, COLLAB.toUpperCase()],
    ['uuid length', 'GetMembership', 'membershipIdentifier', COLLAB, COLLAB.slice(1)],
    ['enum', 'CreateMembership', 'queryLogStatus', 'DISABLED', 'disabled'],
    ['bucket pattern', 'CreateMembership', BUCKET, 'my-results.bucket', 'My_Bucket'],
    ['bucket length', 'CreateMembership', BUCKET, 'abc', 'ab'],
    [
      'role ARN pattern',
      'CreateMembership',
      'defaultResultConfiguration.roleArn',
      'arn:aws:iam::222222222222:role/CleanRoomsResults',
      'arn:aws:s3:::bucket/some/long/enough/path/here',
    ],
    [
      'key prefix max',
      'CreateMembership',
      'defaultResultConfiguration.outputConfiguration.s3.keyPrefix',
      'q/',
      'x'.repeat(513),
    ],
    ['name pattern (not blank)', 'CreateCollaboration', 'name', 'Demo', '   '],
    ['name max (code points)', 'CreateCollaboration', 'name', '😀'.repeat(100), 'x'.repeat(101)],
    ['maxResults range', 'ListMemberships', 'maxResults', 100, 0],
    ['tag key length', 'TagResource', 'tags{key}', 'k', ''],
    ['boolean type', 'CreateMembership', 'isMetricsEnabled', true, 'true'],
    [
      'cleanrooms ARN pattern',
      'TagResource',
      'resourceArn',
      `arn:aws:cleanrooms:us-east-1:123456789012:membership/${COLLAB}`,
      `arn:aws:iam::123456789012:role/${COLLAB}`,
    ],
  ];
  it.each(cases)('%s', (_kind, op, path, valid, invalid) => {
    const entry = inputConstraint(op as 'CreateMembership', path);
    expect(scalarViolation(entry, valid)).toBeUndefined();
    expect(scalarViolation(entry, invalid)).toMatch(/^Member must/);
  });
});
