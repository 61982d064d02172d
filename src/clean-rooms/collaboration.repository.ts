/**
 * Collaboration operations against Clean Rooms (get, list, create, update, delete, members):
 * domain requests in, domain objects out.
 */
import {
  CreateCollaborationCommand,
  DeleteCollaborationCommand,
  GetCollaborationCommand,
  ListCollaborationsCommand,
  ListMembersCommand,
  UpdateCollaborationCommand,
  type AnalyticsEngine,
  type AutoApprovedChangeType,
  type CollaborationJobLogStatus,
  type CollaborationQueryLogStatus,
  type CustomMLMemberAbility,
  type FilterableMemberStatus,
  type MemberAbility,
  type MLMemberAbilities,
  type SupportedS3Region,
} from '@aws-sdk/client-cleanrooms';
import { cachedRead, callAws, invalidating, type UpstreamContext } from './call';
import { WRITES } from './read-cache';
import { toCollaboration, toCollaborationSummary, toMemberSummary } from './mappers';
import type {
  Collaboration,
  CollaborationSummary,
  CreateCollaborationRequest,
  MemberSummary,
  MLMemberAbilities as DomainMLAbilities,
  Page,
  PageRequest,
  UpdateCollaborationRequest,
} from './types';

// Domain enums are validated strings; the SDK wants its literal unions (values newer than the
// SDK, like CAN_EXPORT_QUERY_ANALYSIS_LOG, are still sent as they are).
const abilities = (values: string[]) => values as MemberAbility[];
const mlAbilities = (value: DomainMLAbilities | undefined): MLMemberAbilities | undefined =>
  value
    ? { customMLMemberAbilities: value.customMLMemberAbilities as CustomMLMemberAbility[] }
    : undefined;

export class CollaborationRepository {
  constructor(private readonly ctx: UpstreamContext) {}

  get(id: string): Promise<Collaboration> {
    const read = {
      operation: 'GetCollaboration',
      input: { id },
      families: [`collaboration:${id}`, 'collaboration:*'],
    };
    return cachedRead(this.ctx, read, async () => {
      const out = await callAws(this.ctx, 'GetCollaboration', (c) =>
        c.send(new GetCollaborationCommand({ collaborationIdentifier: id })),
      );
      return toCollaboration(out.collaboration, 'GetCollaboration');
    });
  }

  list(request: PageRequest & { memberStatus?: string }): Promise<Page<CollaborationSummary>> {
    const read = { operation: 'ListCollaborations', input: request, families: ['collaborations'] };
    return cachedRead(this.ctx, read, () => this.fetchList(request));
  }

  private async fetchList(
    request: PageRequest & { memberStatus?: string },
  ): Promise<Page<CollaborationSummary>> {
    const out = await callAws(this.ctx, 'ListCollaborations', (c) =>
      c.send(
        new ListCollaborationsCommand({
          maxResults: request.maxResults,
          nextToken: request.nextToken,
          memberStatus: request.memberStatus as FilterableMemberStatus | undefined,
        }),
      ),
    );
    return {
      items: (out.collaborationList ?? []).map((c) =>
        toCollaborationSummary(c, 'ListCollaborations'),
      ),
      nextToken: out.nextToken || undefined,
    };
  }

  listMembers(collaborationId: string, request: PageRequest): Promise<Page<MemberSummary>> {
    const read = {
      operation: 'ListMembers',
      input: { collaborationId, ...request },
      families: [`members:${collaborationId}`, 'members:*'],
    };
    return cachedRead(this.ctx, read, () => this.fetchMembers(collaborationId, request));
  }

  private async fetchMembers(
    collaborationId: string,
    request: PageRequest,
  ): Promise<Page<MemberSummary>> {
    const out = await callAws(this.ctx, 'ListMembers', (c) =>
      c.send(
        new ListMembersCommand({
          collaborationIdentifier: collaborationId,
          maxResults: request.maxResults,
          nextToken: request.nextToken,
        }),
      ),
    );
    return {
      items: (out.memberSummaries ?? []).map((m) => toMemberSummary(m, 'ListMembers')),
      nextToken: out.nextToken || undefined,
    };
  }

  create(request: CreateCollaborationRequest): Promise<Collaboration> {
    return invalidating(this.ctx, WRITES.createCollaboration(), () => this.send(request));
  }

  private async send(request: CreateCollaborationRequest): Promise<Collaboration> {
    const out = await callAws(this.ctx, 'CreateCollaboration', (c) =>
      c.send(
        new CreateCollaborationCommand({
          members: request.members.map((m) => ({
            accountId: m.accountId,
            displayName: m.displayName,
            memberAbilities: abilities(m.memberAbilities),
            mlMemberAbilities: mlAbilities(m.mlMemberAbilities),
            paymentConfiguration: m.paymentConfiguration,
          })),
          name: request.name,
          // The SDK model still marks description required; the newer API accepts it absent.
          description: request.description as string,
          creatorMemberAbilities: abilities(request.creatorMemberAbilities),
          creatorMLMemberAbilities: mlAbilities(request.creatorMLMemberAbilities),
          creatorDisplayName: request.creatorDisplayName,
          dataEncryptionMetadata: request.dataEncryptionMetadata,
          queryLogStatus: request.queryLogStatus as CollaborationQueryLogStatus,
          jobLogStatus: request.jobLogStatus as CollaborationJobLogStatus | undefined,
          tags: request.tags,
          creatorPaymentConfiguration: request.creatorPaymentConfiguration,
          analyticsEngine: request.analyticsEngine as AnalyticsEngine | undefined,
          autoApprovedChangeRequestTypes: request.autoApprovedChangeRequestTypes as
            AutoApprovedChangeType[] | undefined,
          allowedResultRegions: request.allowedResultRegions as SupportedS3Region[] | undefined,
          isMetricsEnabled: request.isMetricsEnabled,
        }),
      ),
    );
    return toCollaboration(out.collaboration, 'CreateCollaboration');
  }

  update(request: UpdateCollaborationRequest): Promise<Collaboration> {
    const families = WRITES.updateCollaboration(request.collaborationIdentifier);
    return invalidating(this.ctx, families, async () => {
      const out = await callAws(this.ctx, 'UpdateCollaboration', (c) =>
        c.send(
          new UpdateCollaborationCommand({
            collaborationIdentifier: request.collaborationIdentifier,
            name: request.name,
            description: request.description,
          }),
        ),
      );
      return toCollaboration(out.collaboration, 'UpdateCollaboration');
    });
  }

  delete(id: string): Promise<void> {
    return invalidating(this.ctx, WRITES.deleteCollaboration(id), async () => {
      await callAws(this.ctx, 'DeleteCollaboration', (c) =>
        c.send(new DeleteCollaborationCommand({ collaborationIdentifier: id })),
      );
    });
  }
}
