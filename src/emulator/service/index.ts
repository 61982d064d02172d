/**
 * The Clean Rooms business rules behind one dispatcher. Inputs arrive validated and typed (see
 * ../inputs.ts), so the resource modules only check what depends on state: who may see or change
 * what, the status machines, quotas and pagination. Every check runs before the first write, so
 * a refused request leaves the state untouched.
 */
import type { Caller } from '../caller';
import type { ParsedRequest } from '../inputs';
import type { EmulatorState } from '../model';
import {
  createCollaboration,
  deleteCollaboration,
  getCollaboration,
  listCollaborations,
  updateCollaboration,
} from './collaborations';
import type { OperationContext } from './context';
import { listMembers } from './members';
import {
  createMembership,
  deleteMembership,
  getMembership,
  listMemberships,
  updateMembership,
} from './memberships';
import { DEFAULT_SERVICE_OPTIONS, type ServiceOptions } from './options';
import { listTagsForResource, tagResource, untagResource } from './tags';

export {
  DEFAULT_QUOTAS,
  DEFAULT_SERVICE_OPTIONS,
  type Quotas,
  type ServiceOptions,
} from './options';

/** A successful result: 200 with a JSON body, or 204 without one. */
export type ServiceResult = { status: 200; body: Record<string, unknown> } | { status: 204 };

const ok = (body: Record<string, unknown>): ServiceResult => ({ status: 200, body });
const noContent: ServiceResult = { status: 204 };

export class CleanRoomsService {
  constructor(
    private readonly state: EmulatorState,
    private readonly options: ServiceOptions = DEFAULT_SERVICE_OPTIONS,
  ) {}

  run(request: ParsedRequest, caller: Caller): ServiceResult {
    const ctx: OperationContext = {
      caller,
      state: this.state.region(caller.region),
      options: this.options,
    };
    switch (request.operation) {
      case 'CreateCollaboration':
        return ok({ collaboration: createCollaboration(ctx, request.input) });
      case 'GetCollaboration':
        return ok({ collaboration: getCollaboration(ctx, request.input) });
      case 'ListCollaborations':
        return ok(listCollaborations(ctx, request.input));
      case 'DeleteCollaboration':
        deleteCollaboration(ctx, request.input);
        return noContent;
      case 'ListMembers':
        return ok(listMembers(ctx, request.input));
      case 'CreateMembership':
        return ok({ membership: createMembership(ctx, request.input) });
      case 'GetMembership':
        return ok({ membership: getMembership(ctx, request.input) });
      case 'UpdateMembership':
        return ok({ membership: updateMembership(ctx, request.input) });
      case 'ListMemberships':
        return ok(listMemberships(ctx, request.input));
      case 'DeleteMembership':
        deleteMembership(ctx, request.input);
        return noContent;
      case 'TagResource':
        tagResource(ctx, request.input);
        return ok({});
      case 'UntagResource':
        untagResource(ctx, request.input);
        return ok({});
      case 'ListTagsForResource':
        return ok({ tags: listTagsForResource(ctx, request.input) });
      case 'UpdateCollaboration':
        return ok({ collaboration: updateCollaboration(ctx, request.input) });
    }
  }
}
