/**
 * What every operation works with (the caller, the state, the options) and the small helpers
 * the resource modules share.
 */
import type { Caller } from '../caller';
import type { OperationName } from '../../constraints/table';
import type { PageInput } from '../inputs';
import type { RegionState } from '../model';
import { paginate } from '../pagination';
import type { ServiceOptions } from './options';

export interface OperationContext {
  caller: Caller;
  /** The caller's region: resources of other regions do not exist for this request. */
  state: RegionState;
  options: ServiceOptions;
}

/**
 * What a page token is bound to: the list, the region, the caller and the filter or parent, so
 * a token used anywhere else is refused.
 */
export function pageScope(
  ctx: OperationContext,
  operation: OperationName,
  ...parts: Array<string | undefined>
): string {
  return JSON.stringify([operation, ctx.state.name, ctx.caller.accountId, ...parts]);
}

export const QUERY_ABILITY = 'CAN_QUERY';
export const RESULTS_ABILITY = 'CAN_RECEIVE_RESULTS';

export function arnOf(region: string, accountId: string, kind: string, id: string): string {
  return `arn:aws:cleanrooms:${region}:${accountId}:${kind}/${id}`;
}

/** Drops undefined members so JSON bodies only carry what is set. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
}

/** The stable list order: creation time, then id (so page tokens are deterministic). */
function byCreateTimeThenId(
  a: { createTime: number; id: string },
  b: { createTime: number; id: string },
): number {
  return a.createTime - b.createTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One page of records in creation order, its token bound by `pageScope` to `scopeParts`. */
export function pageByCreation<T extends { createTime: number; id: string }>(
  ctx: OperationContext,
  operation: OperationName,
  records: T[],
  input: PageInput,
  ...scopeParts: Array<string | undefined>
): { page: T[]; nextToken?: string } {
  return paginate(
    [...records].sort(byCreateTimeThenId),
    (r) => [r.createTime, r.id],
    pageScope(ctx, operation, ...scopeParts),
    input,
  );
}
