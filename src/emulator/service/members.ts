/** ListMembers: every member of a visible collaboration, creator first, in invitation order. */
import type { ListMembersInput } from '../inputs';
import { paginate } from '../pagination';
import { visibleCollaboration } from './collaborations';
import { compact, pageScope, type OperationContext } from './context';
import { memberSummaryView } from './views';

export function listMembers(ctx: OperationContext, input: ListMembersInput) {
  const collaboration = visibleCollaboration(ctx, input.collaborationIdentifier);
  const indexed = collaboration.members.map((member, index) => ({ member, index }));
  const { page, nextToken } = paginate(
    indexed,
    (m) => m.index,
    pageScope(ctx, 'ListMembers', collaboration.id),
    input,
  );
  return compact({
    memberSummaries: page.map(({ member }) => memberSummaryView(member)),
    nextToken,
  });
}
