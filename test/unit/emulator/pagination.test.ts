import { AwsServiceError } from '../../../src/emulator/errors';
import { compareKeys, decodeToken, encodeToken, paginate } from '../../../src/emulator/pagination';

/** Asserts `fn` throws the emulator's ValidationException naming nextToken. */
function expectTokenRejected(fn: () => unknown, message: RegExp) {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AwsServiceError);
  const error = caught as AwsServiceError;
  expect(error.errorType).toBe('ValidationException');
  expect(error.status).toBe(400);
  expect(error.message).toMatch(message);
  expect(error.fields).toEqual({
    reason: 'FIELD_VALIDATION_FAILED',
    fieldList: [{ name: 'nextToken', message: error.message }],
  });
}

describe('nextToken encoding', () => {
  it('round-trips the position for the scope it was issued for', () => {
    const token = encodeToken('ListMemberships|222222222222|', [1700000000.5, 'abc']);
    expect(decodeToken(token, 'ListMemberships|222222222222|')).toEqual([1700000000.5, 'abc']);
    expect(decodeToken(encodeToken('s', 7), 's')).toBe(7);
  });

  it('is opaque and URL-safe', () => {
    const token = encodeToken('ListCollaborations|111111111111|INVITED', [1, 'x/y+z']);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(token).not.toContain('ListCollaborations');
  });

  it('refuses a token issued for another scope (list, caller or filter)', () => {
    const token = encodeToken('ListMemberships|222222222222|ACTIVE', 3);
    for (const scope of [
      'ListMemberships|222222222222|',
      'ListMemberships|111111111111|ACTIVE',
      'ListCollaborations|222222222222|ACTIVE',
    ]) {
      expectTokenRejected(() => decodeToken(token, scope), /different request/);
    }
  });

  it('refuses a tampered payload, signature or shape', () => {
    const scope = 'ListMemberships|222222222222|';
    const token = encodeToken(scope, [1, 'a']);
    const [data, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ scope, after: [0, ''] })).toString('base64url');
    const flipped = signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const bad of [
      `${forged}.${signature}`,
      `${data}.${flipped}`,
      `${data}.`,
      data,
      `${token}.extra`,
      '',
      'garbage',
      '.',
    ]) {
      expectTokenRejected(() => decodeToken(bad, scope), /invalid/);
    }
  });
});

describe('compareKeys', () => {
  it('orders numbers, strings and tuples element by element', () => {
    expect(compareKeys(1, 2)).toBe(-1);
    expect(compareKeys('b', 'a')).toBe(1);
    expect(compareKeys([1, 'b'], [1, 'b'])).toBe(0);
    expect(compareKeys([1, 'b'], [1, 'c'])).toBe(-1);
    expect(compareKeys([2, 'a'], [1, 'z'])).toBe(1);
    expect(compareKeys([1], [1, 'a'])).toBe(-1);
    expect(compareKeys(3, [3])).toBe(0);
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 7 }, (_, i) => ({ t: 100 + i, id: `id-${i}` }));
  const key = (item: { t: number; id: string }) => [item.t, item.id];
  const all = (list: typeof items, size: number, scope = 's') => {
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const result = paginate(list, key, scope, { maxResults: size, nextToken });
      pages.push(result.page.map((i) => i.id));
      nextToken = result.nextToken;
    } while (nextToken);
    return pages;
  };

  it('serves pages of maxResults in order and omits nextToken on the last page', () => {
    expect(all(items, 3)).toEqual([['id-0', 'id-1', 'id-2'], ['id-3', 'id-4', 'id-5'], ['id-6']]);
  });

  it('gives no token (and no empty page) when the items divide evenly', () => {
    const first = paginate(items.slice(0, 6), key, 's', { maxResults: 3 });
    const second = paginate(items.slice(0, 6), key, 's', {
      maxResults: 3,
      nextToken: first.nextToken,
    });
    expect(second.page).toHaveLength(3);
    expect(second.nextToken).toBeUndefined();
    expect(paginate(items, key, 's', { maxResults: 7 }).nextToken).toBeUndefined();
    expect(paginate([], key, 's', { maxResults: 7 })).toEqual({ page: [] });
  });

  it('uses 50 items per page by default', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ t: i, id: `${i}` }));
    const first = paginate(many, key, 's', {});
    expect(first.page).toHaveLength(50);
    expect(first.nextToken).toEqual(expect.any(String));
    const rest = paginate(many, key, 's', { nextToken: first.nextToken });
    expect(rest).toEqual({ page: [many[50]] });
  });

  it('continues after the last served position when items are added or removed', () => {
    const first = paginate(items, key, 's', { maxResults: 3 });
    // An item inserted before the position, one after, and the position item itself removed.
    const changed = [
      { t: 99, id: 'early' },
      ...items.filter((i) => i.id !== 'id-2'),
      { t: 200, id: 'late' },
    ].sort((a, b) => compareKeys(key(a), key(b)));
    const rest = paginate(changed, key, 's', { maxResults: 10, nextToken: first.nextToken });
    expect(rest.page.map((i) => i.id)).toEqual(['id-3', 'id-4', 'id-5', 'id-6', 'late']);
    expect(rest.nextToken).toBeUndefined();
  });

  it('answers an empty last page when everything after the position is gone', () => {
    const first = paginate(items, key, 's', { maxResults: 3 });
    expect(
      paginate(items.slice(0, 3), key, 's', { maxResults: 3, nextToken: first.nextToken }),
    ).toEqual({ page: [] });
  });

  it('refuses a token from another scope', () => {
    const first = paginate(items, key, 'ListMemberships|a|', { maxResults: 3 });
    expectTokenRejected(
      () => paginate(items, key, 'ListMemberships|b|', { nextToken: first.nextToken }),
      /different request/,
    );
  });
});
