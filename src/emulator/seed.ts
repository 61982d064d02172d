/**
 * Demo data for `npm start`, Sandbox exploration and README examples. Built by running the real
 * operations (so it obeys every business rule) with fixed ids and a fixed clock, so the README
 * can name ids that exist. The default caller (123456789012) holds memberships in every status.
 */
import { DEFAULT_ACCOUNT_ID } from './caller';
import type { ParsedRequest } from './inputs';
import { EmulatorState } from './model';
import { CleanRoomsService, DEFAULT_SERVICE_OPTIONS } from './service';

export const DEMO_ACCOUNTS = {
  acme: DEFAULT_ACCOUNT_ID,
  northwind: '111111111111',
  contoso: '222222222222',
  fabrikam: '333333333333',
} as const;

/** The region the demo data is loaded into unless the emulator is told another one. */
export const DEMO_REGION = 'us-east-1';

const collaborationId = (n: number) => `c0000000-0000-4000-8000-00000000000${n}`;
const membershipId = (n: number) => `e0000000-0000-4000-8000-00000000000${n}`;

/** Ids the README and the tests refer to. */
export const DEMO_IDS = {
  /** Northwind's collaboration; Acme ACTIVE (queries, both output configs), Contoso INVITED. */
  retailMeasurement: collaborationId(1),
  /** Acme's own collaboration; Northwind ACTIVE, Fabrikam LEFT. */
  audienceOverlap: collaborationId(2),
  /** Contoso's collaboration, deleted after Acme joined. */
  loyaltyArchived: collaborationId(3),
  /** Northwind's collaboration from which Acme was removed. */
  brandLift: collaborationId(4),
  /** Fabrikam's collaboration where Acme is still INVITED (try createMembership here). */
  mlPilot: collaborationId(5),
  acmeRetailMembership: membershipId(2),
  acmeAudienceMembership: membershipId(3),
  acmeLoyaltyMembership: membershipId(7),
  acmeBrandLiftMembership: membershipId(8),
} as const;

const START = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;

const results = (bucket: string, resultFormat: 'CSV' | 'PARQUET', keyPrefix?: string) => ({
  outputConfiguration: { s3: { resultFormat, bucket, ...(keyPrefix ? { keyPrefix } : {}) } },
});

export function loadDemoSeed(state: EmulatorState, region: string = DEMO_REGION): void {
  let tick = 0;
  const ids = { collaboration: 0, membership: 0 };
  const service = new CleanRoomsService(state, {
    ...DEFAULT_SERVICE_OPTIONS,
    now: () => START + 3600 * tick++ + 0.25,
    newId: (kind) => (kind === 'collaboration' ? collaborationId : membershipId)(++ids[kind]),
  });
  const as = (accountId: string, request: ParsedRequest) =>
    service.run(request, { accountId, region });
  const { acme, northwind, contoso, fabrikam } = DEMO_ACCOUNTS;

  // 1. Northwind's measurement collaboration: Acme queries and pays, Contoso is invited.
  as(northwind, {
    operation: 'CreateCollaboration',
    input: {
      name: 'Retail media measurement',
      description: 'Measures retail media campaigns against in-store sales',
      creatorDisplayName: 'Northwind Retail',
      creatorMemberAbilities: ['CAN_RECEIVE_RESULTS'],
      queryLogStatus: 'ENABLED',
      jobLogStatus: 'ENABLED',
      analyticsEngine: 'SPARK',
      isMetricsEnabled: true,
      dataEncryptionMetadata: {
        allowCleartext: true,
        allowDuplicates: false,
        allowJoinsOnColumnsWithDifferentNames: false,
        preserveNulls: true,
      },
      autoApprovedChangeRequestTypes: ['ADD_MEMBER'],
      allowedResultRegions: ['us-east-1', 'eu-west-1'],
      members: [
        {
          accountId: acme,
          displayName: 'Acme Analytics',
          memberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS', 'CAN_RUN_JOB'],
          mlMemberAbilities: { customMLMemberAbilities: ['CAN_RECEIVE_MODEL_OUTPUT'] },
          paymentConfiguration: {
            queryCompute: { isResponsible: true },
            machineLearning: { modelTraining: { isResponsible: true } },
            jobCompute: { isResponsible: true },
          },
        },
        {
          accountId: contoso,
          displayName: 'Contoso Media',
          memberAbilities: ['CAN_RECEIVE_RESULTS'],
        },
      ],
      tags: { project: 'measurement', env: 'demo' },
    },
  });
  as(northwind, {
    operation: 'CreateMembership',
    input: {
      collaborationIdentifier: DEMO_IDS.retailMeasurement,
      queryLogStatus: 'ENABLED',
      defaultResultConfiguration: {
        ...results('northwind-cleanrooms-results', 'CSV', 'measurement/'),
        roleArn: 'arn:aws:iam::111111111111:role/CleanRoomsResults',
      },
    },
  });
  as(acme, {
    operation: 'CreateMembership',
    input: {
      collaborationIdentifier: DEMO_IDS.retailMeasurement,
      queryLogStatus: 'ENABLED',
      jobLogStatus: 'ENABLED',
      isMetricsEnabled: true,
      defaultResultConfiguration: {
        outputConfiguration: {
          s3: {
            resultFormat: 'PARQUET',
            bucket: 'acme-query-results',
            keyPrefix: 'retail/',
            singleFileOutput: true,
          },
        },
        roleArn: 'arn:aws:iam::123456789012:role/CleanRoomsQueryResults',
      },
      defaultJobResultConfiguration: {
        outputConfiguration: { s3: { bucket: 'acme-job-results', keyPrefix: 'jobs/' } },
        roleArn: 'arn:aws:iam::123456789012:role/CleanRoomsJobResults',
      },
      paymentConfiguration: {
        queryCompute: { isResponsible: true },
        machineLearning: { modelTraining: { isResponsible: true } },
        jobCompute: { isResponsible: true },
      },
      tags: { team: 'ads', 'cost-center': '42' },
    },
  });

  // 2. Acme's own collaboration: Northwind joins, Fabrikam joins and leaves.
  as(acme, {
    operation: 'CreateCollaboration',
    input: {
      name: 'Audience overlap',
      description: 'Overlap of loyalty audiences before a joint campaign',
      creatorDisplayName: 'Acme Analytics',
      creatorMemberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
      queryLogStatus: 'DISABLED',
      members: [
        {
          accountId: northwind,
          displayName: 'Northwind Retail',
          memberAbilities: ['CAN_RECEIVE_RESULTS'],
        },
        { accountId: fabrikam, displayName: 'Fabrikam Labs', memberAbilities: [] },
      ],
      tags: { project: 'overlap' },
    },
  });
  as(acme, {
    operation: 'CreateMembership',
    input: {
      collaborationIdentifier: DEMO_IDS.audienceOverlap,
      queryLogStatus: 'DISABLED',
      defaultResultConfiguration: results('acme-query-results', 'CSV', 'overlap/'),
    },
  });
  as(fabrikam, {
    operation: 'CreateMembership',
    input: {
      collaborationIdentifier: DEMO_IDS.audienceOverlap,
      queryLogStatus: 'DISABLED',
    },
  });
  as(fabrikam, { operation: 'DeleteMembership', input: { membershipIdentifier: membershipId(4) } });
  as(northwind, {
    operation: 'CreateMembership',
    input: {
      collaborationIdentifier: DEMO_IDS.audienceOverlap,
      queryLogStatus: 'DISABLED',
      defaultResultConfiguration: results('northwind-cleanrooms-results', 'PARQUET'),
    },
  });

  // 3. Contoso's collaboration, deleted after Acme joined: Acme keeps a COLLABORATION_DELETED membership.
  as(contoso, {
    operation: 'CreateCollaboration',
    input: {
      name: 'Loyalty insights',
      creatorDisplayName: 'Contoso Media',
      creatorMemberAbilities: ['CAN_RECEIVE_RESULTS'],
      queryLogStatus: 'DISABLED',
      members: [{ accountId: acme, displayName: 'Acme Analytics', memberAbilities: ['CAN_QUERY'] }],
    },
  });
  as(contoso, {
    operation: 'CreateMembership',
    input: {
      collaborationIdentifier: DEMO_IDS.loyaltyArchived,
      queryLogStatus: 'DISABLED',
    },
  });
  as(acme, {
    operation: 'CreateMembership',
    input: {
      collaborationIdentifier: DEMO_IDS.loyaltyArchived,
      queryLogStatus: 'DISABLED',
    },
  });
  as(contoso, {
    operation: 'DeleteCollaboration',
    input: { collaborationIdentifier: DEMO_IDS.loyaltyArchived },
  });

  // 4. Northwind's brand-lift study, from which Acme was removed (DeleteMember is not emulated:
  //    the removal is applied to the state directly).
  as(northwind, {
    operation: 'CreateCollaboration',
    input: {
      name: 'Brand lift study',
      creatorDisplayName: 'Northwind Retail',
      creatorMemberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
      queryLogStatus: 'DISABLED',
      members: [
        {
          accountId: acme,
          displayName: 'Acme Analytics',
          memberAbilities: ['CAN_RECEIVE_RESULTS'],
        },
      ],
    },
  });
  as(acme, {
    operation: 'CreateMembership',
    input: {
      collaborationIdentifier: DEMO_IDS.brandLift,
      queryLogStatus: 'DISABLED',
    },
  });
  const removed = state.region(region).memberships.get(DEMO_IDS.acmeBrandLiftMembership);
  const removedMember = state
    .region(region)
    .collaborations.get(DEMO_IDS.brandLift)
    ?.members.find((m) => m.accountId === acme);
  if (!removed || !removedMember) throw new Error('demo seed: brand-lift membership missing');
  removed.status = 'REMOVED';
  removedMember.status = 'REMOVED';

  // 5. Fabrikam's ML pilot: Acme is invited and has not joined yet.
  as(fabrikam, {
    operation: 'CreateCollaboration',
    input: {
      name: 'Clean rooms ML pilot',
      description: 'Lookalike modelling pilot',
      creatorDisplayName: 'Fabrikam Labs',
      creatorMemberAbilities: ['CAN_QUERY'],
      creatorPaymentConfiguration: {
        queryCompute: { isResponsible: true },
        machineLearning: {
          modelTraining: { isResponsible: true },
          modelInference: { isResponsible: true },
          syntheticDataGeneration: { isResponsible: true },
        },
      },
      queryLogStatus: 'ENABLED',
      members: [
        {
          accountId: acme,
          displayName: 'Acme Analytics',
          memberAbilities: ['CAN_RECEIVE_RESULTS'],
          mlMemberAbilities: {
            customMLMemberAbilities: ['CAN_RECEIVE_MODEL_OUTPUT', 'CAN_RECEIVE_INFERENCE_OUTPUT'],
          },
        },
        { accountId: contoso, displayName: 'Contoso Media', memberAbilities: [] },
      ],
    },
  });
  as(fabrikam, {
    operation: 'CreateMembership',
    input: {
      collaborationIdentifier: DEMO_IDS.mlPilot,
      queryLogStatus: 'ENABLED',
    },
  });
}
