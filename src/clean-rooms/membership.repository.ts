/**
 * Membership operations against Clean Rooms: domain requests in, domain objects out. Knows
 * nothing about GraphQL. (Tags, of memberships and collaborations alike: tag.repository.ts.)
 */
import {
  CreateMembershipCommand,
  DeleteMembershipCommand,
  GetMembershipCommand,
  ListMembershipsCommand,
  UpdateMembershipCommand,
  type MembershipStatus,
  type MembershipQueryLogStatus,
  type MembershipJobLogStatus,
  type ResultFormat,
} from '@aws-sdk/client-cleanrooms';
import { cachedRead, callAws, invalidating, type UpstreamContext } from './call';
import { WRITES } from './read-cache';
import { toMembership, toMembershipSummary } from './mappers';
import type {
  CreateMembershipRequest,
  JobResultConfigurationInput,
  Membership,
  MembershipSummary,
  Page,
  PageRequest,
  QueryResultConfigurationInput,
  UpdateMembershipRequest,
} from './types';

function queryResults(c: QueryResultConfigurationInput | undefined) {
  if (!c) return undefined;
  return {
    outputConfiguration: {
      s3: {
        ...c.outputConfiguration.s3,
        resultFormat: c.outputConfiguration.s3.resultFormat as ResultFormat,
      },
    },
    roleArn: c.roleArn,
  };
}

function jobResults(c: JobResultConfigurationInput | undefined) {
  if (!c) return undefined;
  return { outputConfiguration: { s3: { ...c.outputConfiguration.s3 } }, roleArn: c.roleArn };
}

export class MembershipRepository {
  constructor(private readonly ctx: UpstreamContext) {}

  get(id: string): Promise<Membership> {
    const read = {
      operation: 'GetMembership',
      input: { id },
      families: [`membership:${id}`, 'membership:*'],
    };
    return cachedRead(this.ctx, read, async () => {
      const out = await callAws(this.ctx, 'GetMembership', (c) =>
        c.send(new GetMembershipCommand({ membershipIdentifier: id })),
      );
      return toMembership(out.membership, 'GetMembership');
    });
  }

  list(request: PageRequest & { status?: string }): Promise<Page<MembershipSummary>> {
    const read = { operation: 'ListMemberships', input: request, families: ['memberships'] };
    return cachedRead(this.ctx, read, () => this.fetchList(request));
  }

  private async fetchList(
    request: PageRequest & { status?: string },
  ): Promise<Page<MembershipSummary>> {
    const out = await callAws(this.ctx, 'ListMemberships', (c) =>
      c.send(
        new ListMembershipsCommand({
          maxResults: request.maxResults,
          nextToken: request.nextToken,
          status: request.status as MembershipStatus | undefined,
        }),
      ),
    );
    return {
      items: (out.membershipSummaries ?? []).map((m) => toMembershipSummary(m, 'ListMemberships')),
      nextToken: out.nextToken || undefined,
    };
  }

  create(request: CreateMembershipRequest): Promise<Membership> {
    const families = WRITES.createMembership(request.collaborationIdentifier);
    return invalidating(this.ctx, families, () => this.send(request));
  }

  private async send(request: CreateMembershipRequest): Promise<Membership> {
    const out = await callAws(this.ctx, 'CreateMembership', (c) =>
      c.send(
        new CreateMembershipCommand({
          collaborationIdentifier: request.collaborationIdentifier,
          queryLogStatus: request.queryLogStatus as MembershipQueryLogStatus,
          jobLogStatus: request.jobLogStatus as MembershipJobLogStatus | undefined,
          tags: request.tags,
          defaultResultConfiguration: queryResults(request.defaultResultConfiguration),
          defaultJobResultConfiguration: jobResults(request.defaultJobResultConfiguration),
          paymentConfiguration: request.paymentConfiguration,
          isMetricsEnabled: request.isMetricsEnabled,
        }),
      ),
    );
    return toMembership(out.membership, 'CreateMembership');
  }

  update(request: UpdateMembershipRequest): Promise<Membership> {
    const families = WRITES.updateMembership(request.membershipIdentifier);
    return invalidating(this.ctx, families, () => this.sendUpdate(request));
  }

  private async sendUpdate(request: UpdateMembershipRequest): Promise<Membership> {
    const out = await callAws(this.ctx, 'UpdateMembership', (c) =>
      c.send(
        new UpdateMembershipCommand({
          membershipIdentifier: request.membershipIdentifier,
          queryLogStatus: request.queryLogStatus as MembershipQueryLogStatus | undefined,
          jobLogStatus: request.jobLogStatus as MembershipJobLogStatus | undefined,
          defaultResultConfiguration: queryResults(request.defaultResultConfiguration),
          defaultJobResultConfiguration: jobResults(request.defaultJobResultConfiguration),
        }),
      ),
    );
    return toMembership(out.membership, 'UpdateMembership');
  }

  delete(id: string): Promise<void> {
    return invalidating(this.ctx, WRITES.deleteMembership(id), async () => {
      await callAws(this.ctx, 'DeleteMembership', (c) =>
        c.send(new DeleteMembershipCommand({ membershipIdentifier: id })),
      );
    });
  }
}
