/**
 * Which AWS identity the gateway acts as, for keys that must never be shared across identities
 * (the read cache) and for quotas that belong to an account (the rate limiter). On AWS it is the
 * caller identity from STS — an assumed role's session is reduced to the role, so every replica
 * of one deployment has the same identity although each has its own session keys. An emulator
 * has no STS: there the access key id is the account (12 digits) or names an unknown one; and if
 * STS cannot be reached the identity falls back to a digest of the access key id (never shared
 * wrongly, at worst not shared across replicas).
 */
import { createHash } from 'node:crypto';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { CleanRoomsClient } from './client';

export interface AwsIdentity {
  /** The AWS account whose quotas apply. */
  account: string;
  /** Who, within it: a role, a user, or a digest of the credentials. */
  principal: string;
}

/** `arn:aws:sts::123:assumed-role/Role/session` → `arn:aws:iam::123:role/Role`. */
export function stableArn(arn: string): string {
  const assumed = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return assumed ? `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}` : arn;
}

export async function resolveIdentity(
  client: CleanRoomsClient,
  options: { region: string; useSts: boolean; timeoutMs?: number },
): Promise<AwsIdentity> {
  const credentials = await client.config.credentials();
  const digest = createHash('sha256').update(credentials.accessKeyId).digest('hex').slice(0, 16);
  const fallback: AwsIdentity = /^\d{12}$/.test(credentials.accessKeyId)
    ? { account: credentials.accessKeyId, principal: credentials.accessKeyId }
    : { account: `key-${digest}`, principal: `key-${digest}` };
  if (!options.useSts) return fallback;
  const sts = new STSClient({
    region: options.region,
    credentials: client.config.credentials,
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: options.timeoutMs ?? 2_000,
      requestTimeout: options.timeoutMs ?? 2_000,
    },
  });
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    if (!out.Account || !out.Arn) return fallback;
    return { account: out.Account, principal: stableArn(out.Arn) };
  } catch {
    return fallback;
  } finally {
    sts.destroy();
  }
}
