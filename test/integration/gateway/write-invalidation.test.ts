/**
 * What a write makes stale is forgotten for the rest of the request. Within one multi-mutation
 * operation: a collaboration read by an earlier field shows the caller as ACTIVE, with its new
 * membership and member entry, after a later createMembership; a membership read earlier shows
 * the values of a later update. Across operations that share one request context (a batched
 * HTTP request shares it), a deleted membership's collaboration is read afresh. Each case fails
 * when the invalidation it depends on is removed.
 */
import { ApolloServer } from '@apollo/server';
import { createContext, type GatewayContext } from '../../../src/context';
import { formatError } from '../../../src/errors';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import { buildGatewaySchema } from '../../../src/schema';
import { logger } from '../../../src/shared/logger';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { ACME, IDS, expectSafeErrors } from '../../helpers/gateway-expect';

/** Ids the emulator will give the next collaborations (so one operation can name them). */
const nextCollaborationId = (n: number) => `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const nextMembershipId = (n: number) => `f0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function predictableEmulator(): CleanRoomsEmulator {
  const count = { collaboration: 0, membership: 0 };
  return new CleanRoomsEmulator({
    seed: true,
    newId: (kind) =>
      kind === 'collaboration'
        ? nextCollaborationId(++count.collaboration)
        : nextMembershipId(++count.membership),
  });
}

describe('within one multi-mutation operation', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ emulator: predictableEmulator() });
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.resetCalls());

  it('shows a collaboration read before createMembership as joined after it', async () => {
    const collaborationId = nextCollaborationId(1);
    const membershipId = nextMembershipId(1);
    const { body } = await gw.gql(`mutation {
      made: createCollaboration(input: {
        name: "Fresh", creatorDisplayName: "Acme Analytics",
        creatorMemberAbilities: [CAN_QUERY, CAN_RECEIVE_RESULTS], queryLogStatus: ENABLED, members: []
      }) {
        id memberStatus membershipId membership { id }
        members { nodes { accountId status membershipId } }
      }
      joined: createMembership(input: { collaborationIdentifier: "${collaborationId}", queryLogStatus: ENABLED }) {
        id
        collaboration {
          memberStatus membershipId membership { id }
          members { nodes { accountId status membershipId } }
        }
      }
    }`);
    expectSafeErrors(body);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      made: {
        id: collaborationId,
        memberStatus: 'INVITED',
        membershipId: null,
        membership: null,
        members: { nodes: [{ accountId: ACME, status: 'INVITED', membershipId: null }] },
      },
      joined: {
        id: membershipId,
        collaboration: {
          memberStatus: 'ACTIVE',
          membershipId,
          membership: { id: membershipId },
          members: { nodes: [{ accountId: ACME, status: 'ACTIVE', membershipId }] },
        },
      },
    });
    // The member list is read again after the write; the rest is known from the two answers.
    expect(gw.calls()).toEqual({ CreateCollaboration: 1, CreateMembership: 1, ListMembers: 2 });
  });

  it('shows a membership read before updateMembership with the updated values after it', async () => {
    const { body } = await gw.gql(`mutation {
      first: updateMembership(input: { membershipIdentifier: "${IDS.acmeRetailMembership}", queryLogStatus: DISABLED }) {
        queryLogStatus jobLogStatus collaboration { membership { queryLogStatus jobLogStatus } }
      }
      second: updateMembership(input: {
        membershipIdentifier: "${IDS.acmeRetailMembership}", queryLogStatus: ENABLED, jobLogStatus: DISABLED
      }) {
        queryLogStatus jobLogStatus collaboration { membership { queryLogStatus jobLogStatus } }
      }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      first: {
        queryLogStatus: 'DISABLED',
        jobLogStatus: 'ENABLED',
        collaboration: { membership: { queryLogStatus: 'DISABLED', jobLogStatus: 'ENABLED' } },
      },
      second: {
        queryLogStatus: 'ENABLED',
        jobLogStatus: 'DISABLED',
        collaboration: { membership: { queryLogStatus: 'ENABLED', jobLogStatus: 'DISABLED' } },
      },
    });
    expect(gw.calls()).toEqual({ UpdateMembership: 2 });
  });
});

describe('across operations sharing one request context', () => {
  let emulator: CleanRoomsEmulator;
  let apollo: ApolloServer<GatewayContext>;
  let gw: TestGateway;
  beforeAll(async () => {
    emulator = predictableEmulator();
    // The gateway only lends its client; the operations run through one shared context here.
    gw = await startTestGateway({ emulator });
    apollo = new ApolloServer<GatewayContext>({
      schema: await buildGatewaySchema(),
      formatError,
      logger,
    });
    await apollo.start();
  });
  afterAll(async () => {
    await apollo.stop();
    await gw.close();
  });

  it('reads the collaboration of a deleted membership afresh', async () => {
    const ctx = createContext({
      client: gw.server.backend.client,
      logger,
      upstreamConcurrency: 4,
      maxUpstreamCalls: 100,
    });
    const run = async (query: string) => {
      const response = await apollo.executeOperation({ query }, { contextValue: ctx });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      return response.body.singleResult;
    };
    const read = `{ collaboration(id: "${IDS.retailMeasurement}") {
      memberStatus membershipId members { nodes { accountId status } }
    } }`;
    const before = await run(read);
    expect(before.errors).toBeUndefined();
    expect(before.data).toMatchObject({
      collaboration: { memberStatus: 'ACTIVE', membershipId: IDS.acmeRetailMembership },
    });
    const deleted = await run(`mutation { deleteMembership(id: "${IDS.acmeRetailMembership}") }`);
    expect(deleted.errors).toBeUndefined();
    emulator.stats.reset();
    // Having left, Acme may no longer read the collaboration: the answer must come from AWS,
    // not from what the context knew before the delete.
    const after = await run(read);
    expect(after.data).toEqual({ collaboration: null });
    expect(after.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(emulator.stats.snapshot().calls).toEqual({ GetCollaboration: 1 });
  });
});
