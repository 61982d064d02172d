/**
 * Opaque, tamper-evident `nextToken`s. A token names the operation, the caller and the filter it
 * was issued for, plus the position after the last item served, and is signed with a per-process
 * secret: a token from another list, caller or filter (or a forged one) is a ValidationException.
 * Positions are keys in a stable order, so items added between pages never cause duplicates.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isPlainObject } from '../constraints/check';
import { fail } from './errors';

const secret = randomBytes(32);

export type Position = string | number | Array<string | number>;

interface TokenPayload {
  scope: string;
  after: Position;
}

function sign(data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url').slice(0, 22);
}

export function encodeToken(scope: string, after: Position): string {
  const data = Buffer.from(JSON.stringify({ scope, after } satisfies TokenPayload)).toString(
    'base64url',
  );
  return `${data}.${sign(data)}`;
}

const isKey = (value: unknown): value is string | number =>
  typeof value === 'string' || typeof value === 'number';

function isPayload(value: unknown): value is TokenPayload {
  if (!isPlainObject(value) || typeof value.scope !== 'string') return false;
  const { after } = value;
  return isKey(after) || (Array.isArray(after) && after.every(isKey));
}

function signedBy(data: string, signature: string): boolean {
  const expected = Buffer.from(sign(data));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function readPayload(data: string): TokenPayload | undefined {
  try {
    const payload: unknown = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
    return isPayload(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

export function decodeToken(token: string, scope: string): Position {
  const [data, signature, extra] = token.split('.');
  const payload =
    data && signature && extra === undefined && signedBy(data, signature)
      ? readPayload(data)
      : undefined;
  if (!payload) throw fail.field('nextToken', 'The pagination token is invalid');
  if (payload.scope !== scope) {
    throw fail.field('nextToken', 'The pagination token was issued for a different request');
  }
  return payload.after;
}

export const DEFAULT_PAGE_SIZE = 50;

/** Compares two sort keys element by element. */
export function compareKeys(a: Position, b: Position): number {
  const xs = Array.isArray(a) ? a : [a];
  const ys = Array.isArray(b) ? b : [b];
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * One page of `items` (already in stable order by `keyOf`), starting after the token's position.
 * `nextToken` is present only when more items follow.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => Position,
  scope: string,
  input: { nextToken?: string; maxResults?: number },
): { page: T[]; nextToken?: string } {
  const size = input.maxResults ?? DEFAULT_PAGE_SIZE;
  let start = 0;
  if (input.nextToken) {
    const after = decodeToken(input.nextToken, scope);
    start = items.findIndex((item) => compareKeys(keyOf(item), after) > 0);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + size);
  const last = page[page.length - 1];
  const more = start + size < items.length;
  return more && last !== undefined
    ? { page, nextToken: encodeToken(scope, keyOf(last)) }
    : { page };
}
