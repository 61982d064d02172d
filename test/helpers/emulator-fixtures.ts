/**
 * Request builders and assertions shared by the emulator tests: valid CreateCollaboration inputs
 * with one-line overrides, and `expectAwsError`, which checks that an SDK call failed with the
 * exact exception class, name, HTTP status and a request id.
 */
import {
  CleanRoomsServiceException,
  type CreateCollaborationCommandInput,
  type MemberSpecification,
} from '@aws-sdk/client-cleanrooms';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A valid invited member; abilities default to receiving results. */
export function member(
  accountId: string,
  overrides: Partial<MemberSpecification> = {},
): MemberSpecification {
  return {
    accountId,
    displayName: `Member ${accountId}`,
    memberAbilities: ['CAN_RECEIVE_RESULTS'],
    ...overrides,
  };
}

/** A valid CreateCollaboration input: the creator queries, no members, query logging enabled. */
export function collaborationInput(
  overrides: Partial<CreateCollaborationCommandInput> = {},
): CreateCollaborationCommandInput {
  return {
    name: 'Test collaboration',
    description: 'created by a test',
    creatorDisplayName: 'Creator',
    creatorMemberAbilities: ['CAN_QUERY'],
    queryLogStatus: 'ENABLED',
    members: [],
    ...overrides,
  };
}

export function collaborationArn(region: string, accountId: string, id: string): string {
  return `arn:aws:cleanrooms:${region}:${accountId}:collaboration/${id}`;
}

export function membershipArn(region: string, accountId: string, id: string): string {
  return `arn:aws:cleanrooms:${region}:${accountId}:membership/${id}`;
}

/** A `Date` that is a real instant (the SDK turns unparseable timestamps into errors or NaN). */
export function expectDate(value: unknown): Date {
  expect(value).toBeInstanceOf(Date);
  const date = value as Date;
  expect(Number.isNaN(date.getTime())).toBe(false);
  return date;
}

/**
 * Awaits a call that must fail with `errorClass` (checked with `instanceof` and `name`), at
 * `httpStatus`, carrying a request id; returns the exception for field assertions.
 */
export async function expectAwsError<E extends CleanRoomsServiceException>(
  call: Promise<unknown>,
  errorClass: new (...args: never[]) => E,
  httpStatus: number,
): Promise<E> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) throw new Error(`expected ${errorClass.name}, but the call succeeded`);
  if (!(caught instanceof errorClass)) {
    throw new Error(
      `expected ${errorClass.name}, got ${(caught as Error).name}: ${(caught as Error).message}`,
    );
  }
  expect(caught).toBeInstanceOf(CleanRoomsServiceException);
  expect(caught.name).toBe(errorClass.name);
  expect(caught.$metadata.httpStatusCode).toBe(httpStatus);
  expect(caught.$metadata.requestId).toMatch(UUID);
  return caught;
}
