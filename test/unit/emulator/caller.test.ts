import {
  callerFromAuthorization,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_REGION,
} from '../../../src/emulator/caller';

/** The header the SDK's SigV4 signer writes (signature shortened). */
const sigv4 = (accessKeyId: string, region = 'us-east-1', date = '20261123') =>
  `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${date}/${region}/cleanrooms/aws4_request, ` +
  'SignedHeaders=amz-sdk-invocation-id;host;x-amz-date, Signature=abc123';

describe('callerFromAuthorization', () => {
  it('uses a 12-digit access key id as the account and the scope region as the region', () => {
    expect(callerFromAuthorization(sigv4('222222222222', 'eu-west-1'))).toEqual({
      accountId: '222222222222',
      region: 'eu-west-1',
    });
  });

  it.each(['AKIDEXAMPLE', '22222222222', '2222222222223', '22222222222a', 'ASIA222222222222'])(
    'maps any other access key id (%s) to the default account, keeping the region',
    (accessKeyId) => {
      expect(callerFromAuthorization(sigv4(accessKeyId, 'ap-southeast-2'))).toEqual({
        accountId: DEFAULT_ACCOUNT_ID,
        region: 'ap-southeast-2',
      });
    },
  );

  it('defaults to 123456789012 in us-east-1', () => {
    expect(DEFAULT_ACCOUNT_ID).toBe('123456789012');
    expect(DEFAULT_REGION).toBe('us-east-1');
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a bearer token', 'Bearer eyJhbGciOi'],
    ['a scope without a date', 'AWS4-HMAC-SHA256 Credential=222222222222/eu-west-1/cleanrooms'],
    [
      'a scope not ending in aws4_request',
      'AWS4-HMAC-SHA256 Credential=222222222222/20261123/eu-west-1/cleanrooms/x',
    ],
  ])('falls back to the default account and region with %s', (_kind, header) => {
    expect(callerFromAuthorization(header)).toEqual({
      accountId: DEFAULT_ACCOUNT_ID,
      region: DEFAULT_REGION,
    });
  });

  it('reads the credential wherever it sits in the header', () => {
    const header = `AWS4-HMAC-SHA256 SignedHeaders=host, Credential=333333333333/20260105/us-west-2/cleanrooms/aws4_request, Signature=x`;
    expect(callerFromAuthorization(header)).toEqual({
      accountId: '333333333333',
      region: 'us-west-2',
    });
  });
});
