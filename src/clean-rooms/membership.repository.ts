/**
 * Membership operations (and the tags of a membership) against Clean Rooms: domain requests in,
 * domain objects out. Knows nothing about GraphQL.
 */
import {
  CreateMembershipCommand,
  DeleteMembershipCommand,
  GetMembershipCommand,
  ListMembershipsCommand,
  ListTagsForResourceCommand,
  UpdateMembershipCommand,
  type MembershipStatus,
  type MembershipQueryLogStatus,
  type MembershipJobLogStatus,
  type ResultFormat,
} from '@aws-sdk/client-cleanrooms';
import { callAws, type UpstreamContext } from './call';
import { toMembership, toMembershipSummary } from './mappers';
import type {
  CreateMembershipRequest,
  JobResultConfigurationInput,
  Membership,
  MembershipSummary,
  Page,
  PageRequest,
  QueryResultConfigurationInput,
  Tag,
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

  async get(id: string): Promise<Membership> {
    const out = await callAws(this.ctx, 'GetMembership', (c) =>
      c.send(new GetMembershipCommand({ membershipIdentifier: id })),
    );
    return toMembership(out.membership, 'GetMembership');
  }

  async list(request: PageRequest & { status?: string }): Promise<Page<MembershipSummary>> {
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

  async create(request: CreateMembershipRequest): Promise<Membership> {
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

  async update(request: UpdateMembershipRequest): Promise<Membership> {
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

  async delete(id: string): Promise<void> {
    await callAws(this.ctx, 'DeleteMembership', (c) =>
      c.send(new DeleteMembershipCommand({ membershipIdentifier: id })),
    );
  }

  async listTags(resourceArn: string): Promise<Tag[]> {
    const out = await callAws(this.ctx, 'ListTagsForResource', (c) =>
      c.send(new ListTagsForResourceCommand({ resourceArn })),
    );
    return Object.entries(out.tags ?? {})
      .map(([key, value]) => ({ key, value }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
