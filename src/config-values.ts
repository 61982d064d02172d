/**
 * The value types of the environment, as zod schemas: each one parses a variable's text and says
 * in its error message what a good value looks like (config.ts names the variable).
 */
import { z } from 'zod';
import { OPERATION_NAMES } from './constraints/table';

export const boolFlag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['true', '1', 'on', 'yes'].includes(v));

/** A whole number from 0 to `max`, in `unit` (the message names it). */
export const wholeNumber = (unit: string, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number of ${unit}`)
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

export const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

export const commaList = <T extends string>(item: z.ZodType<T, string>, what: string) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(item).min(1, `must list at least one ${what}`));

/** JWT algorithms with asymmetric keys: `none` and HMAC (a public key used as a secret) never. */
export const JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

/** A scope name as OAuth writes them: no spaces (scopes are space-separated in `scope`). */
export const scopeName = z
  .string()
  .regex(/^[\x21\x23-\x5b\x5d-\x7e]{1,200}$/, 'must be a scope name');

export const origin = z.string().refine((v) => {
  try {
    const url = new URL(v);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === v;
  } catch {
    return false;
  }
}, 'must be origins such as https://app.example.com (scheme, host and port only)');

/** `GetMembership=5,ListMemberships=2.5,*=5`: AWS calls per second per operation (`*`: the rest). */
export const rateLimits = z.string().transform((value, ctx) => {
  if (/^(off|none)$/i.test(value.trim())) return null;
  const limits: Record<string, number> = {};
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z*]+)\s*=\s*(\d+(?:\.\d+)?)$/.exec(part);
    const operation = match?.[1];
    const rate = Number(match?.[2]);
    if (
      !operation ||
      !(rate > 0) ||
      (operation !== '*' && !OPERATION_NAMES.includes(operation as never))
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `must be Operation=callsPerSecond pairs such as GetMembership=5,*=5 (operations: ${OPERATION_NAMES.join(', ')}), or off`,
      });
      return z.NEVER;
    }
    limits[operation] = rate;
  }
  if (Object.keys(limits).length === 0) {
    ctx.addIssue({ code: 'custom', message: 'must list at least one Operation=callsPerSecond' });
    return z.NEVER;
  }
  return limits;
});

/** Express's `trust proxy`: true/false, a number of hops, or addresses and subnets. */
export const trustProxy = z.string().transform((value, ctx): boolean | number | string[] => {
  const v = value.trim();
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  if (/^\d+$/.test(v)) return Number(v);
  const parts = v
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const ok = parts.every((p) =>
    /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(p),
  );
  if (!ok || parts.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message:
        'must be true, false, a number of proxy hops, or addresses/subnets (e.g. 10.0.0.0/8,loopback)',
    });
    return z.NEVER;
  }
  return parts;
});
