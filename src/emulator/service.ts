/**
 * The Clean Rooms business rules, one method per operation. Inputs arrive already validated
 * against the constraint table (see router.ts), so methods only check what depends on state:
 * who may see or change what, member and membership status machines, quotas, pagination.
 * Every check runs before the first write, so a refused request leaves the state untouched.
 */
import { randomUUID } from 'node:crypto';
import type { OperationName } from '../constraints/table';
import { RESERVED_TAG_PREFIX, MAX_TAGS_PER_RESOURCE } from '../constraints/rules';
import type { Caller } from './caller';
import { fail, type ResourceType } from './errors';
import {
  EmulatorState,
  type CollaborationRecord,
  type MemberRecord,
  type MembershipRecord,
  type PaymentConfiguration,
  type Responsibility,
} from './model';
import { paginate } from './pagination';

export interface Quotas {
  collaborationsPerAccount: number;
  membersPerCollaboration: number;
  membershipsPerAccount: number;
  tagsPerResource: number;
}

export const DEFAULT_QUOTAS: Quotas = {
  collaborationsPerAccount: 10,
  membersPerCollaboration: 5,
  membershipsPerAccount: 100,
  tagsPerResource: MAX_TAGS_PER_RESOURCE,
};

export interface ServiceOptions {
  quotas: Quotas;
  /**
   * What CreateMembership answers for a collaboration the caller cannot join (unknown, deleted,
   * or not invited). AWS's exact choice is not documented: AccessDenied matches GetCollaboration.
   */
  unknownCollaborationOnCreateMembership: 'AccessDeniedException' | 'ResourceNotFoundException';
  /** Clock in epoch seconds; injectable for deterministic seeds and tests. */
  now: () => number;
  newId: (kind: 'collaboration' | 'membership') => string;
}

export const DEFAULT_SERVICE_OPTIONS: ServiceOptions = {
  quotas: DEFAULT_QUOTAS,
  unknownCollaborationOnCreateMembership: 'AccessDeniedException',
  now: () => Date.now() / 1000,
  newId: () => randomUUID(),
};

/** A successful result: 200 with a JSON body, or 204 without one. */
export type ServiceResult = { status: 200; body: Record<string, unknown> } | { status: 204 };

// The input has been validated against the model; fields are read with these narrow helpers.
type Input = Record<string, unknown>;
const str = (input: Input, key: string) => input[key] as string | undefined;
const list = (input: Input, key: string) => input[key] as string[] | undefined;

const QUERY_ABILITY = 'CAN_QUERY';
const RESULTS_ABILITY = 'CAN_RECEIVE_RESULTS';

function arnOf(region: string, accountId: string, kind: string, id: string): string {
  return `arn:aws:cleanrooms:${region}:${accountId}:${kind}/${id}`;
}

/** Drops undefined members so JSON bodies only carry what is set. */
function compact<T extends Record<string, unknown>>(obj: T): T {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
}

function byCreateTimeThenId(
  a: { createTime: number; id: string },
  b: { createTime: number; id: string },
) {
  return a.createTime - b.createTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class CleanRoomsService {
  constructor(
    private readonly state: EmulatorState,
    private readonly options: ServiceOptions = DEFAULT_SERVICE_OPTIONS,
  ) {}

  run(operation: OperationName, caller: Caller, input: Input): ServiceResult {
    switch (operation) {
      case 'CreateCollaboration':
        return this.ok({ collaboration: this.createCollaboration(caller, input) });
      case 'GetCollaboration':
        return this.ok({ collaboration: this.getCollaboration(caller, input) });
      case 'ListCollaborations':
        return this.ok(this.listCollaborations(caller, input));
      case 'DeleteCollaboration':
        this.deleteCollaboration(caller, input);
        return { status: 204 };
      case 'ListMembers':
        return this.ok(this.listMembers(caller, input));
      case 'CreateMembership':
        return this.ok({ membership: this.createMembership(caller, input) });
      case 'GetMembership':
        return this.ok({ membership: this.membershipView(this.ownMembership(caller, input)) });
      case 'UpdateMembership':
        return this.ok({ membership: this.updateMembership(caller, input) });
      case 'ListMemberships':
        return this.ok(this.listMemberships(caller, input));
      case 'DeleteMembership':
        this.deleteMembership(caller, input);
        return { status: 204 };
      case 'TagResource':
        this.tagResource(caller, input);
        return this.ok({});
      case 'UntagResource':
        this.untagResource(caller, input);
        return this.ok({});
      case 'ListTagsForResource':
        return this.ok({ tags: Object.fromEntries(this.taggable(caller, input).tags) });
    }
  }

  private ok(body: Record<string, unknown>): ServiceResult {
    return { status: 200, body };
  }

  // ---- collaborations -------------------------------------------------------------------

  private createCollaboration(caller: Caller, input: Input) {
    const { quotas } = this.options;
    const specs = (input.members as Input[]) ?? [];
    const creatorAbilities = list(input, 'creatorMemberAbilities') ?? [];
    const accountIds = specs.map((m) => m.accountId as string);

    if (accountIds.includes(caller.accountId)) {
      throw fail.field('members', 'The collaboration creator must not be listed in members');
    }
    if (new Set(accountIds).size !== accountIds.length) {
      throw fail.field('members', 'Each account may be listed only once in members');
    }
    const queriers =
      (creatorAbilities.includes(QUERY_ABILITY) ? 1 : 0) +
      specs.filter((m) => (m.memberAbilities as string[]).includes(QUERY_ABILITY)).length;
    if (queriers > 1) {
      throw fail.invalidConfiguration(`Only one member can have the ${QUERY_ABILITY} ability`);
    }
    const explicit: Array<{ abilities: string[]; payment?: PaymentConfiguration }> = [
      {
        abilities: creatorAbilities,
        payment: input.creatorPaymentConfiguration as PaymentConfiguration,
      },
      ...specs.map((m) => ({
        abilities: m.memberAbilities as string[],
        payment: m.paymentConfiguration as PaymentConfiguration | undefined,
      })),
    ];
    const someoneResponsible = explicit.some((m) => m.payment?.queryCompute.isResponsible === true);
    const querierDeclined = explicit.some(
      (m) => m.abilities.includes(QUERY_ABILITY) && m.payment?.queryCompute.isResponsible === false,
    );
    if (querierDeclined && !someoneResponsible) {
      throw fail.invalidConfiguration(
        'The member who can query must pay for query compute unless another member is responsible',
      );
    }
    this.checkNewTags(input.tags as Record<string, string> | undefined, 'tags');
    if (specs.length > quotas.membersPerCollaboration) {
      throw fail.quota(
        'Maximum number of members per collaboration',
        quotas.membersPerCollaboration,
      );
    }
    const created = [...this.state.collaborations.values()].filter(
      (c) => !c.deleted && c.creatorAccountId === caller.accountId,
    ).length;
    if (created >= quotas.collaborationsPerAccount) {
      throw fail.quota(
        'Maximum number of collaborations per account',
        quotas.collaborationsPerAccount,
      );
    }

    const now = this.options.now();
    const id = this.options.newId('collaboration');
    const member = (
      accountId: string,
      displayName: string,
      abilities: string[],
      mlAbilities: MemberRecord['mlAbilities'],
      payment: PaymentConfiguration | undefined,
    ): MemberRecord =>
      compact({
        accountId,
        displayName,
        abilities: [...abilities],
        mlAbilities,
        paymentConfiguration: payment ?? {
          queryCompute: { isResponsible: !someoneResponsible && abilities.includes(QUERY_ABILITY) },
        },
        paymentConfigured: payment !== undefined,
        status: 'INVITED' as const,
        createTime: now,
        updateTime: now,
      });
    const collaboration: CollaborationRecord = compact({
      id,
      arn: arnOf(caller.region, caller.accountId, 'collaboration', id),
      name: input.name as string,
      description: str(input, 'description'),
      creatorAccountId: caller.accountId,
      creatorDisplayName: input.creatorDisplayName as string,
      createTime: now,
      updateTime: now,
      queryLogStatus: input.queryLogStatus as CollaborationRecord['queryLogStatus'],
      jobLogStatus: input.jobLogStatus as CollaborationRecord['jobLogStatus'],
      dataEncryptionMetadata:
        input.dataEncryptionMetadata as CollaborationRecord['dataEncryptionMetadata'],
      analyticsEngine: str(input, 'analyticsEngine'),
      autoApprovedChangeTypes: list(input, 'autoApprovedChangeRequestTypes'),
      allowedResultRegions: list(input, 'allowedResultRegions'),
      isMetricsEnabled: input.isMetricsEnabled as boolean | undefined,
      members: [
        member(
          caller.accountId,
          input.creatorDisplayName as string,
          creatorAbilities,
          input.creatorMLMemberAbilities as MemberRecord['mlAbilities'],
          input.creatorPaymentConfiguration as PaymentConfiguration | undefined,
        ),
        ...specs.map((m) =>
          member(
            m.accountId as string,
            m.displayName as string,
            m.memberAbilities as string[],
            m.mlMemberAbilities as MemberRecord['mlAbilities'],
            m.paymentConfiguration as PaymentConfiguration | undefined,
          ),
        ),
      ],
      deleted: false,
    });
    this.state.collaborations.set(id, collaboration);
    this.setTags(collaboration.arn, input.tags as Record<string, string> | undefined);
    return this.collaborationView(collaboration, caller);
  }

  /** The collaboration if the caller may see it (creator, or INVITED/ACTIVE member). */
  private visibleCollaboration(caller: Caller, id: string): CollaborationRecord {
    const collaboration = this.state.collaborations.get(id);
    const me = collaboration?.members.find((m) => m.accountId === caller.accountId);
    const visible =
      collaboration &&
      !collaboration.deleted &&
      (collaboration.creatorAccountId === caller.accountId ||
        me?.status === 'INVITED' ||
        me?.status === 'ACTIVE');
    if (!collaboration || !visible) {
      // Collaborations are cross-account: "not found" and "not yours" look the same.
      throw fail.accessDenied(`Caller is not authorized to access collaboration ${id}`);
    }
    return collaboration;
  }

  private getCollaboration(caller: Caller, input: Input) {
    return this.collaborationView(
      this.visibleCollaboration(caller, input.collaborationIdentifier as string),
      caller,
    );
  }

  private listCollaborations(caller: Caller, input: Input) {
    const filter = str(input, 'memberStatus');
    const items = [...this.state.collaborations.values()]
      .filter((c) => {
        if (c.deleted) return false;
        const status = c.members.find((m) => m.accountId === caller.accountId)?.status;
        if (filter) return status === filter;
        return (
          c.creatorAccountId === caller.accountId || status === 'INVITED' || status === 'ACTIVE'
        );
      })
      .sort(byCreateTimeThenId);
    const { page, nextToken } = paginate(
      items,
      (c) => [c.createTime, c.id],
      `ListCollaborations|${caller.accountId}|${filter ?? ''}`,
      input,
    );
    return compact({
      collaborationList: page.map((c) => this.collaborationSummaryView(c, caller)),
      nextToken,
    });
  }

  private deleteCollaboration(caller: Caller, input: Input) {
    const collaboration = this.visibleCollaboration(
      caller,
      input.collaborationIdentifier as string,
    );
    if (collaboration.creatorAccountId !== caller.accountId) {
      throw fail.accessDenied('Only the collaboration creator can delete the collaboration');
    }
    const now = this.options.now();
    collaboration.deleted = true;
    collaboration.updateTime = now;
    for (const membership of this.state.memberships.values()) {
      if (membership.collaborationId === collaboration.id) {
        membership.status = 'COLLABORATION_DELETED';
        membership.updateTime = now;
      }
    }
    this.state.tags.delete(collaboration.arn);
  }

  private listMembers(caller: Caller, input: Input) {
    const collaboration = this.visibleCollaboration(
      caller,
      input.collaborationIdentifier as string,
    );
    const indexed = collaboration.members.map((member, index) => ({ member, index }));
    const { page, nextToken } = paginate(
      indexed,
      (m) => m.index,
      `ListMembers|${caller.accountId}|${collaboration.id}`,
      input,
    );
    return compact({
      memberSummaries: page.map(({ member: m }) =>
        compact({
          accountId: m.accountId,
          status: m.status,
          displayName: m.displayName,
          abilities: m.abilities,
          mlAbilities: m.mlAbilities,
          createTime: m.createTime,
          updateTime: m.updateTime,
          membershipId: m.membershipId,
          membershipArn: m.membershipArn,
          paymentConfiguration: m.paymentConfiguration,
        }),
      ),
      nextToken,
    });
  }

  /** The CollaborationSummary shape (ListCollaborations), as the caller sees it. */
  private collaborationSummaryView(c: CollaborationRecord, caller: Caller) {
    const me = c.members.find((m) => m.accountId === caller.accountId);
    return compact({
      id: c.id,
      arn: c.arn,
      name: c.name,
      creatorAccountId: c.creatorAccountId,
      creatorDisplayName: c.creatorDisplayName,
      createTime: c.createTime,
      updateTime: c.updateTime,
      memberStatus: me?.status ?? 'INVITED',
      membershipId: me?.membershipId,
      membershipArn: me?.membershipArn,
      analyticsEngine: c.analyticsEngine,
    });
  }

  /** The Collaboration shape (Get/CreateCollaboration): the summary plus the settings. */
  private collaborationView(c: CollaborationRecord, caller: Caller) {
    return compact({
      ...this.collaborationSummaryView(c, caller),
      description: c.description,
      dataEncryptionMetadata: c.dataEncryptionMetadata,
      queryLogStatus: c.queryLogStatus,
      jobLogStatus: c.jobLogStatus,
      autoApprovedChangeTypes: c.autoApprovedChangeTypes,
      allowedResultRegions: c.allowedResultRegions,
      isMetricsEnabled: c.isMetricsEnabled,
    });
  }

  // ---- memberships ----------------------------------------------------------------------

  private createMembership(caller: Caller, input: Input) {
    const collaborationId = input.collaborationIdentifier as string;
    const collaboration = this.state.collaborations.get(collaborationId);
    const me = collaboration?.members.find((m) => m.accountId === caller.accountId);
    if (!collaboration || collaboration.deleted || !me) {
      if (this.options.unknownCollaborationOnCreateMembership === 'ResourceNotFoundException') {
        throw fail.notFound('COLLABORATION', collaborationId);
      }
      throw fail.accessDenied(`Caller is not authorized to join collaboration ${collaborationId}`);
    }
    if (me.status === 'ACTIVE') {
      throw fail.conflict(
        'ALREADY_EXISTS',
        'MEMBERSHIP',
        me.membershipId ?? collaborationId,
        `A membership for collaboration ${collaborationId} already exists`,
      );
    }
    if (me.status !== 'INVITED') {
      throw fail.conflict(
        'INVALID_STATE',
        'COLLABORATION',
        collaborationId,
        `A member whose status is ${me.status} cannot join collaboration ${collaborationId} again`,
      );
    }
    const payment = this.memberPayment(
      me,
      input.paymentConfiguration as PaymentConfiguration | undefined,
    );
    this.checkMembershipSettings(collaboration, me, input);
    if (input.isMetricsEnabled === true) {
      const canQuery = me.abilities.includes(QUERY_ABILITY);
      if (
        collaboration.isMetricsEnabled !== true ||
        !(canQuery || payment.queryCompute.isResponsible)
      ) {
        throw fail.invalidConfiguration(
          'Metrics can be enabled only in a collaboration with metrics enabled, by the member who queries or pays for queries',
          'isMetricsEnabled',
        );
      }
    }
    this.checkNewTags(input.tags as Record<string, string> | undefined, 'tags');
    const { quotas } = this.options;
    const owned = [...this.state.memberships.values()].filter(
      (m) => m.accountId === caller.accountId && m.status === 'ACTIVE',
    ).length;
    if (owned >= quotas.membershipsPerAccount) {
      throw fail.quota('Maximum number of memberships per account', quotas.membershipsPerAccount);
    }

    const now = this.options.now();
    const id = this.options.newId('membership');
    const membership: MembershipRecord = compact({
      id,
      arn: arnOf(caller.region, caller.accountId, 'membership', id),
      accountId: caller.accountId,
      collaborationId: collaboration.id,
      collaborationArn: collaboration.arn,
      collaborationCreatorAccountId: collaboration.creatorAccountId,
      collaborationCreatorDisplayName: collaboration.creatorDisplayName,
      collaborationName: collaboration.name,
      createTime: now,
      updateTime: now,
      status: 'ACTIVE' as const,
      memberAbilities: [...me.abilities],
      mlMemberAbilities: me.mlAbilities,
      queryLogStatus: input.queryLogStatus as MembershipRecord['queryLogStatus'],
      jobLogStatus: input.jobLogStatus as MembershipRecord['jobLogStatus'],
      defaultResultConfiguration:
        input.defaultResultConfiguration as MembershipRecord['defaultResultConfiguration'],
      defaultJobResultConfiguration:
        input.defaultJobResultConfiguration as MembershipRecord['defaultJobResultConfiguration'],
      paymentConfiguration: payment,
      isMetricsEnabled: input.isMetricsEnabled as boolean | undefined,
    });
    this.state.memberships.set(id, membership);
    me.status = 'ACTIVE';
    me.membershipId = id;
    me.membershipArn = membership.arn;
    me.updateTime = now;
    this.setTags(membership.arn, input.tags as Record<string, string> | undefined);
    return this.membershipView(membership);
  }

  /**
   * The member's payment acceptance: each responsibility it states must match what the creator
   * designated; a designated payer that cannot query must state it explicitly.
   */
  private memberPayment(
    me: MemberRecord,
    requested: PaymentConfiguration | undefined,
  ): PaymentConfiguration {
    const designated = me.paymentConfiguration;
    if (!requested) {
      if (designated.queryCompute.isResponsible && !me.abilities.includes(QUERY_ABILITY)) {
        throw fail.invalidConfiguration(
          'paymentConfiguration is required: the collaboration creator designated this member to pay for query compute',
          'paymentConfiguration',
        );
      }
      return designated;
    }
    this.checkResponsibilities(designated, requested, 'paymentConfiguration');
    return requested;
  }

  private checkResponsibilities(
    designated: PaymentConfiguration,
    requested: Partial<PaymentConfiguration>,
    field: string,
  ): void {
    const pairs: Array<[string, Responsibility | undefined, Responsibility | undefined]> = [
      ['queryCompute', designated.queryCompute, requested.queryCompute],
      [
        'machineLearning.modelTraining',
        designated.machineLearning?.modelTraining,
        requested.machineLearning?.modelTraining,
      ],
      [
        'machineLearning.modelInference',
        designated.machineLearning?.modelInference,
        requested.machineLearning?.modelInference,
      ],
      [
        'machineLearning.syntheticDataGeneration',
        designated.machineLearning?.syntheticDataGeneration,
        requested.machineLearning?.syntheticDataGeneration,
      ],
      ['jobCompute', designated.jobCompute, requested.jobCompute],
    ];
    for (const [name, want, got] of pairs) {
      if (got && got.isResponsible !== (want?.isResponsible ?? false)) {
        throw fail.invalidConfiguration(
          `${field}.${name}.isResponsible must be ${want?.isResponsible ?? false}: it has to match what the collaboration creator designated`,
          `${field}.${name}.isResponsible`,
        );
      }
    }
  }

  /** Rules shared by create and update: logging and result settings allowed for this member. */
  private checkMembershipSettings(
    collaboration: CollaborationRecord,
    me: { abilities: string[] },
    input: Input,
  ) {
    if (input.queryLogStatus === 'ENABLED' && collaboration.queryLogStatus !== 'ENABLED') {
      throw fail.invalidConfiguration(
        'Query logging cannot be enabled: the collaboration has query logging disabled',
        'queryLogStatus',
      );
    }
    if (input.defaultResultConfiguration && !me.abilities.includes(RESULTS_ABILITY)) {
      throw fail.invalidConfiguration(
        `defaultResultConfiguration requires the ${RESULTS_ABILITY} ability`,
        'defaultResultConfiguration',
      );
    }
  }

  /** The caller's own membership, or ResourceNotFound (another account's id looks unknown). */
  private ownMembership(caller: Caller, input: Input): MembershipRecord {
    const id = input.membershipIdentifier as string;
    const membership = this.state.memberships.get(id);
    if (!membership || membership.accountId !== caller.accountId)
      throw fail.notFound('MEMBERSHIP', id);
    return membership;
  }

  private updateMembership(caller: Caller, input: Input) {
    const membership = this.ownMembership(caller, input);
    if (membership.status !== 'ACTIVE') {
      throw fail.conflict(
        'INVALID_STATE',
        'MEMBERSHIP',
        membership.id,
        `Membership ${membership.id} is ${membership.status} and cannot be updated`,
      );
    }
    const collaboration = this.state.collaborations.get(
      membership.collaborationId,
    ) as CollaborationRecord;
    this.checkMembershipSettings(collaboration, { abilities: membership.memberAbilities }, input);
    const paymentUpdate = input.membershipPaymentConfiguration as
      Partial<PaymentConfiguration> | undefined;
    const me = collaboration.members.find((m) => m.accountId === caller.accountId);
    if (paymentUpdate && me) {
      this.checkResponsibilities(
        me.paymentConfiguration,
        paymentUpdate,
        'membershipPaymentConfiguration',
      );
    }

    // PATCH: only members present in the request change.
    if (input.queryLogStatus !== undefined)
      membership.queryLogStatus = input.queryLogStatus as MembershipRecord['queryLogStatus'];
    if (input.jobLogStatus !== undefined)
      membership.jobLogStatus = input.jobLogStatus as MembershipRecord['jobLogStatus'];
    if (input.defaultResultConfiguration !== undefined) {
      membership.defaultResultConfiguration =
        input.defaultResultConfiguration as MembershipRecord['defaultResultConfiguration'];
    }
    if (input.defaultJobResultConfiguration !== undefined) {
      membership.defaultJobResultConfiguration =
        input.defaultJobResultConfiguration as MembershipRecord['defaultJobResultConfiguration'];
    }
    if (paymentUpdate) {
      const current = membership.paymentConfiguration;
      membership.paymentConfiguration = compact({
        queryCompute: paymentUpdate.queryCompute ?? current.queryCompute,
        machineLearning:
          paymentUpdate.machineLearning || current.machineLearning
            ? { ...current.machineLearning, ...paymentUpdate.machineLearning }
            : undefined,
        jobCompute: paymentUpdate.jobCompute ?? current.jobCompute,
      });
    }
    membership.updateTime = this.options.now();
    return this.membershipView(membership);
  }

  private listMemberships(caller: Caller, input: Input) {
    const status = str(input, 'status');
    const items = [...this.state.memberships.values()]
      .filter((m) => m.accountId === caller.accountId && (!status || m.status === status))
      .sort(byCreateTimeThenId);
    const { page, nextToken } = paginate(
      items,
      (m) => [m.createTime, m.id],
      `ListMemberships|${caller.accountId}|${status ?? ''}`,
      input,
    );
    return compact({
      membershipSummaries: page.map((m) => this.membershipSummaryView(m)),
      nextToken,
    });
  }

  private deleteMembership(caller: Caller, input: Input) {
    const membership = this.ownMembership(caller, input);
    const collaboration = this.state.collaborations.get(membership.collaborationId);
    if (
      membership.status === 'ACTIVE' &&
      collaboration &&
      !collaboration.deleted &&
      collaboration.creatorAccountId === caller.accountId
    ) {
      throw fail.conflict(
        'INVALID_STATE',
        'MEMBERSHIP',
        membership.id,
        'The collaboration creator cannot leave; delete the collaboration instead',
      );
    }
    const me = collaboration?.members.find((m) => m.accountId === caller.accountId);
    if (me && membership.status === 'ACTIVE') {
      me.status = 'LEFT';
      me.updateTime = this.options.now();
    }
    this.state.memberships.delete(membership.id);
    this.state.tags.delete(membership.arn);
  }

  /** The MembershipSummary shape (ListMemberships). */
  private membershipSummaryView(m: MembershipRecord) {
    return compact({
      id: m.id,
      arn: m.arn,
      collaborationArn: m.collaborationArn,
      collaborationId: m.collaborationId,
      collaborationCreatorAccountId: m.collaborationCreatorAccountId,
      collaborationCreatorDisplayName: m.collaborationCreatorDisplayName,
      collaborationName: m.collaborationName,
      createTime: m.createTime,
      updateTime: m.updateTime,
      status: m.status,
      memberAbilities: m.memberAbilities,
      mlMemberAbilities: m.mlMemberAbilities,
      paymentConfiguration: m.paymentConfiguration,
    });
  }

  /** The Membership shape (Get/Create/UpdateMembership): the summary plus the settings. */
  private membershipView(m: MembershipRecord) {
    return compact({
      ...this.membershipSummaryView(m),
      queryLogStatus: m.queryLogStatus,
      jobLogStatus: m.jobLogStatus,
      defaultResultConfiguration: m.defaultResultConfiguration,
      defaultJobResultConfiguration: m.defaultJobResultConfiguration,
      isMetricsEnabled: m.isMetricsEnabled,
    });
  }

  // ---- tags -----------------------------------------------------------------------------

  private checkNewTags(
    tags: Record<string, string> | undefined,
    field: string,
    existing?: Map<string, string>,
  ) {
    if (!tags) return;
    const reserved = Object.keys(tags).find((k) => k.toLowerCase().startsWith(RESERVED_TAG_PREFIX));
    if (reserved !== undefined) {
      throw fail.field(
        field,
        `Tag keys starting with "${RESERVED_TAG_PREFIX}" are reserved for AWS use`,
      );
    }
    const merged = new Set([...(existing?.keys() ?? []), ...Object.keys(tags)]);
    if (merged.size > this.options.quotas.tagsPerResource) {
      throw fail.field(
        field,
        `A resource can have at most ${this.options.quotas.tagsPerResource} tags`,
      );
    }
  }

  private setTags(arn: string, tags: Record<string, string> | undefined) {
    if (!tags || Object.keys(tags).length === 0) return;
    const current = this.state.tags.get(arn) ?? new Map<string, string>();
    for (const [k, v] of Object.entries(tags)) current.set(k, v);
    this.state.tags.set(arn, current);
  }

  /** The tagged resource behind an ARN, if it exists and belongs to the caller. */
  private taggable(caller: Caller, input: Input): { arn: string; tags: Map<string, string> } {
    const arn = input.resourceArn as string;
    const match = /^arn:aws:cleanrooms:[^:]+:(\d{12}):([a-z]+)\/([0-9a-f-]{36})$/.exec(arn);
    const kind = match?.[2];
    const id = match?.[3] ?? arn;
    const resourceType: ResourceType = kind === 'membership' ? 'MEMBERSHIP' : 'COLLABORATION';
    let owner: string | undefined;
    if (kind === 'collaboration') {
      const c = this.state.collaborations.get(id);
      if (c && !c.deleted && c.arn === arn) owner = c.creatorAccountId;
    } else if (kind === 'membership') {
      const m = this.state.memberships.get(id);
      if (m && m.arn === arn) owner = m.accountId;
    }
    if (owner === undefined || owner !== caller.accountId) {
      throw fail.notFound(resourceType, arn, `Resource ${arn} not found`);
    }
    return { arn, tags: this.state.tags.get(arn) ?? new Map() };
  }

  private tagResource(caller: Caller, input: Input) {
    const { arn, tags } = this.taggable(caller, input);
    const requested = input.tags as Record<string, string>;
    this.checkNewTags(requested, 'tags', tags);
    this.setTags(arn, requested);
  }

  private untagResource(caller: Caller, input: Input) {
    const { arn, tags } = this.taggable(caller, input);
    for (const key of input.tagKeys as string[]) tags.delete(key);
    if (tags.size === 0) this.state.tags.delete(arn);
  }
}
