/**
 * Who is calling: the emulator has no IAM, so the account is read from the SigV4 credential
 * scope. A 12-digit access key id *is* the account (tests play several accounts that way);
 * any other key acts as the default account. The region is the scope's region.
 */
export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

export interface Caller {
  accountId: string;
  region: string;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/;

export function callerFromAuthorization(authorization: string | undefined): Caller {
  const match = authorization ? CREDENTIAL.exec(authorization) : null;
  if (!match) return { accountId: DEFAULT_ACCOUNT_ID, region: DEFAULT_REGION };
  const [, accessKeyId = '', region = DEFAULT_REGION] = match;
  return {
    accountId: /^\d{12}$/.test(accessKeyId) ? accessKeyId : DEFAULT_ACCOUNT_ID,
    region,
  };
}
