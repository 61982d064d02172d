/**
 * Copies a validated GraphQL input (class instances from type-graphql) into a plain object for
 * the AWS boundary, dropping absent members (`undefined`, and `null` for optional ones — the SDK
 * would drop them anyway, so dropping them here keeps requests and logs honest).
 */
export function plain<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => plain(v)) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== undefined && v !== null) out[k] = plain(v);
  }
  return out as T;
}
