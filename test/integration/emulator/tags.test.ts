/**
 * TagResource, UntagResource and ListTagsForResource through the real SDK: ARN labels travel
 * percent-encoded (`%3A`, `%2F`), tag keys in the query string carry spaces, `&` and `/`, and
 * the ownership and reserved-prefix rules of tags apply.
 */
import {
  CleanRoomsClient,
  CreateCollaborationCommand,
  CreateMembershipCommand,
  DeleteCollaborationCommand,
  DeleteMembershipCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  ValidationException,
} from '@aws-sdk/client-cleanrooms';
import type { RunningEmulator } from '../../../src/emulator/http-server';
import { authorizationFor, rawRequest, resetEmulator } from '../../helpers/emulator-admin';
import {
  collaborationInput,
  expectAwsError,
  member,
  membershipArn,
  UUID,
} from '../../helpers/emulator-fixtures';
import { ACCOUNTS, httpClient, startEmulator } from '../../helpers/sdk';

const { northwind: CREATOR, contoso: MEMBER, outsider: OUTSIDER } = ACCOUNTS;

let running: RunningEmulator;
let creator: CleanRoomsClient;
let memberClient: CleanRoomsClient;
let outsider: CleanRoomsClient;

beforeAll(async () => {
  running = await startEmulator();
  creator = httpClient(running.url, CREATOR);
  memberClient = httpClient(running.url, MEMBER);
  outsider = httpClient(running.url, OUTSIDER);
});

afterAll(async () => {
  for (const client of [creator, memberClient, outsider]) client.destroy();
  await running.close();
});

let collaborationId: string;
let collaborationArn: string;
let membershipId: string;
let membershipArnValue: string;

beforeEach(async () => {
  await resetEmulator(running.url);
  const { collaboration } = await creator.send(
    new CreateCollaborationCommand(
      collaborationInput({ members: [member(MEMBER)], tags: { project: 'demo', env: 'test' } }),
    ),
  );
  collaborationId = collaboration?.id as string;
  collaborationArn = collaboration?.arn as string;
  const { membership } = await memberClient.send(
    new CreateMembershipCommand({
      collaborationIdentifier: collaborationId,
      queryLogStatus: 'DISABLED',
      tags: { team: 'ads', 'cost center': '42' },
    }),
  );
  membershipId = membership?.id as string;
  membershipArnValue = membership?.arn as string;
});

async function tagsOf(resourceArn: string, client = memberClient) {
  return (await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags;
}

describe('ListTagsForResource', () => {
  it('shows the tags given at create time on the ARNs that create returned', async () => {
    expect(membershipArnValue).toBe(membershipArn('us-east-1', MEMBER, membershipId));
    const out = await memberClient.send(
      new ListTagsForResourceCommand({ resourceArn: membershipArnValue }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(UUID);
    expect(out.tags).toEqual({ team: 'ads', 'cost center': '42' });
    expect(await tagsOf(collaborationArn, creator)).toEqual({ project: 'demo', env: 'test' });
  });

  it('answers an empty map for a resource without tags', async () => {
    const { collaboration } = await creator.send(
      new CreateCollaborationCommand(collaborationInput({ name: 'untagged' })),
    );
    expect(await tagsOf(collaboration?.arn as string, creator)).toEqual({});
  });

  it('decodes the ARN label the same way when it is sent by hand', async () => {
    const response = await rawRequest(running.url, {
      method: 'GET',
      path: `/tags/${encodeURIComponent(membershipArnValue)}`,
      headers: { authorization: authorizationFor(MEMBER) },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ tags: { team: 'ads', 'cost center': '42' } });
  });
});

describe('TagResource', () => {
  it('merges new keys and overwrites existing ones', async () => {
    const out = await memberClient.send(
      new TagResourceCommand({
        resourceArn: membershipArnValue,
        tags: { team: 'measurement', 'owner/email': 'a&b@example.com', empty: '' },
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(Object.keys(out)).toEqual(['$metadata']);
    expect(await tagsOf(membershipArnValue)).toEqual({
      team: 'measurement',
      'cost center': '42',
      'owner/email': 'a&b@example.com',
      empty: '',
    });
  });

  it('tags a collaboration for its creator', async () => {
    await creator.send(
      new TagResourceCommand({ resourceArn: collaborationArn, tags: { env: 'prod', x: 'y' } }),
    );
    expect(await tagsOf(collaborationArn, creator)).toEqual({
      project: 'demo',
      env: 'prod',
      x: 'y',
    });
  });

  it.each(['aws:created-by', 'AWS:Owner', 'Aws:x'])(
    'refuses the reserved key prefix (%s) and keeps the tags',
    async (key) => {
      const error = await expectAwsError(
        memberClient.send(
          new TagResourceCommand({
            resourceArn: membershipArnValue,
            tags: { ok: '1', [key]: 'v' },
          }),
        ),
        ValidationException,
        400,
      );
      expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
      expect(error.fieldList).toEqual([{ name: 'tags', message: expect.stringMatching(/aws:/) }]);
      expect(await tagsOf(membershipArnValue)).toEqual({ team: 'ads', 'cost center': '42' });
    },
  );

  it('refuses reserved keys at create time too', async () => {
    const error = await expectAwsError(
      creator.send(
        new CreateCollaborationCommand(collaborationInput({ tags: { 'aws:cloudformation': 'x' } })),
      ),
      ValidationException,
      400,
    );
    expect(error.fieldList?.[0]?.name).toBe('tags');
  });

  it('refuses more than 50 tags on one resource', async () => {
    const tags = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
    // 2 existing + 48 new = 50 is fine; one more is not.
    delete tags.k48;
    await memberClient.send(new TagResourceCommand({ resourceArn: membershipArnValue, tags }));
    expect(Object.keys((await tagsOf(membershipArnValue)) ?? {})).toHaveLength(50);
    const error = await expectAwsError(
      memberClient.send(
        new TagResourceCommand({ resourceArn: membershipArnValue, tags: { extra: 'v' } }),
      ),
      ValidationException,
      400,
    );
    expect(error.fieldList?.[0]?.name).toBe('tags');
    expect(Object.keys((await tagsOf(membershipArnValue)) ?? {})).toHaveLength(50);
  });

  it('refuses more than 200 tags per request and tag keys longer than 128 characters', async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, 'v']));
    const many = await expectAwsError(
      memberClient.send(new TagResourceCommand({ resourceArn: membershipArnValue, tags: tooMany })),
      ValidationException,
      400,
    );
    expect(many.fieldList).toEqual([
      { name: 'tags', message: 'Member must have length less than or equal to 200' },
    ]);
    const long = await expectAwsError(
      memberClient.send(
        new TagResourceCommand({
          resourceArn: membershipArnValue,
          tags: { ['k'.repeat(129)]: '' },
        }),
      ),
      ValidationException,
      400,
    );
    expect(long.fieldList?.[0]?.message).toBe('Member must have length less than or equal to 128');
  });
});

describe('UntagResource', () => {
  it('removes keys containing spaces, & and / (percent-encoded query values) and ignores absent keys', async () => {
    const tricky = { 'cost center': '42', 'a&b': '1', 'x/y': '2', 'p+q=r': '3', 'é ü': '4' };
    await memberClient.send(
      new TagResourceCommand({ resourceArn: membershipArnValue, tags: tricky }),
    );
    const out = await memberClient.send(
      new UntagResourceCommand({
        resourceArn: membershipArnValue,
        tagKeys: ['cost center', 'a&b', 'x/y', 'p+q=r', 'é ü', 'not-there'],
      }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(await tagsOf(membershipArnValue)).toEqual({ team: 'ads' });
  });

  it('refuses an empty tagKeys list (the SDK sends no parameter at all)', async () => {
    const error = await expectAwsError(
      memberClient.send(new UntagResourceCommand({ resourceArn: membershipArnValue, tagKeys: [] })),
      ValidationException,
      400,
    );
    expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
    expect(error.fieldList).toEqual([{ name: 'tagKeys', message: 'Member must not be null' }]);
    expect(await tagsOf(membershipArnValue)).toEqual({ team: 'ads', 'cost center': '42' });
  });

  it.each(['aws:createdBy', 'AWS:x'])(
    'refuses to remove a reserved key (%s) and removes nothing',
    async (key) => {
      const error = await expectAwsError(
        memberClient.send(
          new UntagResourceCommand({ resourceArn: membershipArnValue, tagKeys: ['team', key] }),
        ),
        ValidationException,
        400,
      );
      expect(error.fieldList).toEqual([
        { name: 'tagKeys', message: expect.stringMatching(/aws:/) },
      ]);
      expect(await tagsOf(membershipArnValue)).toEqual({ team: 'ads', 'cost center': '42' });
    },
  );
});

describe('tag keys named like Object members', () => {
  // Sent and read raw: the SDK's own map handling is not what is tested here.
  const KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  const path = () => `/tags/${encodeURIComponent(membershipArnValue)}`;
  const headers = () => ({
    authorization: authorizationFor(MEMBER),
    'content-type': 'application/json',
  });
  const listed = async () => {
    const response = await rawRequest(running.url, {
      method: 'GET',
      path: path(),
      headers: headers(),
    });
    expect(response.status).toBe(200);
    return Object.entries((JSON.parse(response.text) as { tags: object }).tags).sort();
  };

  it('are stored, listed and removed like any other key', async () => {
    const tags = `{${KEYS.map((k) => `"${k}":"${k.length}"`).join(',')}}`;
    const tagged = await rawRequest(running.url, {
      method: 'POST',
      path: path(),
      headers: headers(),
      body: `{"tags":${tags}}`,
    });
    expect(tagged.status).toBe(200);
    expect(await listed()).toEqual(
      [...KEYS.map((k) => [k, String(k.length)]), ['cost center', '42'], ['team', 'ads']].sort(),
    );
    const untagged = await rawRequest(running.url, {
      method: 'DELETE',
      path: `${path()}?${KEYS.map((k) => `tagKeys=${k}`).join('&')}`,
      headers: headers(),
    });
    expect(untagged.status).toBe(200);
    expect(await listed()).toEqual([
      ['cost center', '42'],
      ['team', 'ads'],
    ]);
  });
});

describe('resource ARNs', () => {
  const unknownMembership = membershipArn(
    'us-east-1',
    MEMBER,
    '00000000-0000-4000-8000-000000000000',
  );

  it.each([
    ['ListTagsForResource', (arn: string) => new ListTagsForResourceCommand({ resourceArn: arn })],
    [
      'TagResource',
      (arn: string) => new TagResourceCommand({ resourceArn: arn, tags: { a: 'b' } }),
    ],
    [
      'UntagResource',
      (arn: string) => new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }),
    ],
  ])('%s answers ResourceNotFound for an unknown ARN', async (_op, command) => {
    const error = await expectAwsError(
      memberClient.send(command(unknownMembership) as ListTagsForResourceCommand),
      ResourceNotFoundException,
      404,
    );
    expect(error).toMatchObject({ resourceId: unknownMembership, resourceType: 'MEMBERSHIP' });
  });

  it("answers ResourceNotFound for another account's resources", async () => {
    const foreignMembership = await expectAwsError(
      outsider.send(new TagResourceCommand({ resourceArn: membershipArnValue, tags: { a: 'b' } })),
      ResourceNotFoundException,
      404,
    );
    expect(foreignMembership).toMatchObject({
      resourceId: membershipArnValue,
      resourceType: 'MEMBERSHIP',
    });
    // Only the creator owns a collaboration's tags, not its members.
    const memberOnCollaboration = await expectAwsError(
      memberClient.send(new ListTagsForResourceCommand({ resourceArn: collaborationArn })),
      ResourceNotFoundException,
      404,
    );
    expect(memberOnCollaboration).toMatchObject({
      resourceId: collaborationArn,
      resourceType: 'COLLABORATION',
    });
    // The membership id under another account's ARN is not the same resource.
    const wrongAccount = membershipArn('us-east-1', OUTSIDER, membershipId);
    await expectAwsError(
      outsider.send(new ListTagsForResourceCommand({ resourceArn: wrongAccount })),
      ResourceNotFoundException,
      404,
    );
    expect(await tagsOf(membershipArnValue)).toEqual({ team: 'ads', 'cost center': '42' });
  });

  it('answers ResourceNotFound once the resource is deleted', async () => {
    await memberClient.send(new DeleteMembershipCommand({ membershipIdentifier: membershipId }));
    await expectAwsError(tagsOf(membershipArnValue), ResourceNotFoundException, 404);
    await creator.send(
      new DeleteCollaborationCommand({ collaborationIdentifier: collaborationId }),
    );
    await expectAwsError(tagsOf(collaborationArn, creator), ResourceNotFoundException, 404);
  });

  it.each([
    'not-an-arn',
    `arn:aws:iam::${MEMBER}:role/${'x'.repeat(36)}`,
    `arn:aws:cleanrooms:us-east-1:${MEMBER}:membership/${'0'.repeat(90)}`,
  ])('answers ValidationException for a malformed ARN (%s)', async (resourceArn) => {
    const error = await expectAwsError(
      memberClient.send(new ListTagsForResourceCommand({ resourceArn })),
      ValidationException,
      400,
    );
    expect(error.reason).toBe('FIELD_VALIDATION_FAILED');
    expect(error.fieldList).toEqual([{ name: 'resourceArn', message: expect.any(String) }]);
  });
});
