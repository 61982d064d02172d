/**
 * The demo seed (`--seed`, `POST /_emulator/reset {"seed": true}`), read back through the SDK:
 * the ids and accounts the README names exist and the data covers what the README promises
 * (several collaborations and accounts, memberships in every status, both output
 * configurations, tags, payment configurations).
 */
import {
  CleanRoomsClient,
  GetCollaborationCommand,
  GetMembershipCommand,
  ListCollaborationsCommand,
  ListMembersCommand,
  ListMembershipsCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-cleanrooms';
import type { RunningEmulator } from '../../../src/emulator/http-server';
import { DEMO_ACCOUNTS, DEMO_IDS, DEMO_REGION } from '../../../src/emulator/seed';
import { getStats } from '../../helpers/emulator-admin';
import { UUID } from '../../helpers/emulator-fixtures';
import { httpClient, startEmulator } from '../../helpers/sdk';

let running: RunningEmulator;
let acme: CleanRoomsClient;
let northwind: CleanRoomsClient;

beforeAll(async () => {
  running = await startEmulator(true);
  acme = httpClient(running.url, DEMO_ACCOUNTS.acme);
  northwind = httpClient(running.url, DEMO_ACCOUNTS.northwind);
});

afterAll(async () => {
  acme.destroy();
  northwind.destroy();
  await running.close();
});

describe('demo seed', () => {
  it('starts with no counted calls', async () => {
    expect((await getStats(running.url)).total).toBe(0);
  });

  it('gives the default account memberships in every status, with fixed lowercase UUID ids', async () => {
    const { membershipSummaries = [] } = await acme.send(new ListMembershipsCommand({}));
    const byId = new Map(membershipSummaries.map((m) => [m.id, m.status]));
    expect(byId.get(DEMO_IDS.acmeRetailMembership)).toBe('ACTIVE');
    expect(byId.get(DEMO_IDS.acmeAudienceMembership)).toBe('ACTIVE');
    expect(byId.get(DEMO_IDS.acmeLoyaltyMembership)).toBe('COLLABORATION_DELETED');
    expect(byId.get(DEMO_IDS.acmeBrandLiftMembership)).toBe('REMOVED');
    for (const id of Object.values(DEMO_IDS)) expect(id).toMatch(UUID);
    for (const m of membershipSummaries) {
      expect(m.arn).toBe(
        `arn:aws:cleanrooms:${DEMO_REGION}:${DEMO_ACCOUNTS.acme}:membership/${m.id}`,
      );
      expect(m.createTime).toBeInstanceOf(Date);
    }
  });

  it('has a membership with both output configurations, payment and tags', async () => {
    const { membership } = await acme.send(
      new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership }),
    );
    expect(membership?.defaultResultConfiguration?.outputConfiguration?.s3).toBeDefined();
    expect(membership?.defaultJobResultConfiguration?.outputConfiguration?.s3).toBeDefined();
    expect(membership?.paymentConfiguration?.queryCompute?.isResponsible).toBe(true);
    const { tags } = await acme.send(
      new ListTagsForResourceCommand({ resourceArn: membership?.arn }),
    );
    expect(Object.keys(tags ?? {}).length).toBeGreaterThan(0);
  });

  it('has collaborations from several accounts and members in every member status', async () => {
    const { collaborationList = [] } = await acme.send(new ListCollaborationsCommand({}));
    expect(new Set(collaborationList.map((c) => c.creatorAccountId)).size).toBeGreaterThanOrEqual(
      3,
    );
    expect(collaborationList.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        DEMO_IDS.retailMeasurement,
        DEMO_IDS.audienceOverlap,
        DEMO_IDS.mlPilot,
      ]),
    );
    const invited = await acme.send(new ListCollaborationsCommand({ memberStatus: 'INVITED' }));
    expect(invited.collaborationList?.map((c) => c.id)).toContain(DEMO_IDS.mlPilot);

    const statuses = new Set<string>();
    for (const [client, id] of [
      [acme, DEMO_IDS.audienceOverlap],
      [northwind, DEMO_IDS.retailMeasurement],
      [northwind, DEMO_IDS.brandLift],
    ] as const) {
      const { memberSummaries = [] } = await client.send(
        new ListMembersCommand({ collaborationIdentifier: id }),
      );
      for (const m of memberSummaries) statuses.add(m.status as string);
    }
    expect([...statuses].sort()).toEqual(['ACTIVE', 'INVITED', 'LEFT', 'REMOVED']);

    const { collaboration } = await northwind.send(
      new GetCollaborationCommand({ collaborationIdentifier: DEMO_IDS.retailMeasurement }),
    );
    expect(collaboration).toMatchObject({
      creatorAccountId: DEMO_ACCOUNTS.northwind,
      queryLogStatus: 'ENABLED',
      isMetricsEnabled: true,
    });
  });
});
