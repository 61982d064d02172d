/**
 * The AWS identity the shared keys use: an assumed role's session is reduced to its role (every
 * replica has its own session, one identity), STS answers are read through the real SDK from a
 * local STS stand-in, and without STS the access key decides (an emulator's 12-digit account, or
 * a digest that never names the key).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CleanRoomsClient } from '@aws-sdk/client-cleanrooms';
import { resolveIdentity, stableArn } from '../../../src/clean-rooms/identity';

const client = (accessKeyId: string) =>
  new CleanRoomsClient({
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey: 'secret' },
  });

describe('stableArn', () => {
  it('reduces an assumed-role session to its role, in every partition', () => {
    expect(stableArn('arn:aws:sts::123456789012:assumed-role/Gateway/i-0abc')).toBe(
      'arn:aws:iam::123456789012:role/Gateway',
    );
    expect(stableArn('arn:aws-us-gov:sts::123456789012:assumed-role/Gw/botocore-1')).toBe(
      'arn:aws-us-gov:iam::123456789012:role/Gw',
    );
  });

  it('keeps users and roots as they are', () => {
    expect(stableArn('arn:aws:iam::123456789012:user/ci')).toBe(
      'arn:aws:iam::123456789012:user/ci',
    );
    expect(stableArn('arn:aws:iam::123456789012:root')).toBe('arn:aws:iam::123456789012:root');
  });
});

describe('resolveIdentity without STS', () => {
  it("uses an emulator's 12-digit access key as the account", async () => {
    await expect(
      resolveIdentity(client('222222222222'), { region: 'us-east-1', useSts: false }),
    ).resolves.toEqual({ account: '222222222222', principal: '222222222222' });
  });

  it('uses a digest of any other key: stable, distinct per key, never the key itself', async () => {
    const one = await resolveIdentity(client('AKIAEXAMPLEONE'), {
      region: 'us-east-1',
      useSts: false,
    });
    const again = await resolveIdentity(client('AKIAEXAMPLEONE'), {
      region: 'us-east-1',
      useSts: false,
    });
    const other = await resolveIdentity(client('AKIAEXAMPLETWO'), {
      region: 'us-east-1',
      useSts: false,
    });
    expect(one).toEqual(again);
    expect(one.principal).toMatch(/^key-[0-9a-f]{16}$/);
    expect(other.principal).not.toBe(one.principal);
    expect(JSON.stringify(one)).not.toContain('AKIAEXAMPLEONE');
  });
});

describe('resolveIdentity with STS', () => {
  let server: Server;
  let answer: { status: number; body: string };
  const saved = process.env.AWS_ENDPOINT_URL_STS;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(answer.status, { 'content-type': 'text/xml' });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.AWS_ENDPOINT_URL_STS = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = saved;
    await new Promise((resolve) => server.close(resolve));
  });

  it("takes the caller's account and its role (not its session)", async () => {
    answer = {
      status: 200,
      body: `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:sts::123456789012:assumed-role/CleanRoomsGateway/pod-7f9c</Arn>
    <UserId>AROAEXAMPLE:pod-7f9c</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`,
    };
    await expect(
      resolveIdentity(client('ASIAEXAMPLESESSION'), { region: 'us-east-1', useSts: true }),
    ).resolves.toEqual({
      account: '123456789012',
      principal: 'arn:aws:iam::123456789012:role/CleanRoomsGateway',
    });
  });

  it('falls back to the key digest when STS refuses', async () => {
    answer = {
      status: 403,
      body: `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error><RequestId>x</RequestId></ErrorResponse>`,
    };
    const identity = await resolveIdentity(client('ASIAEXAMPLESESSION'), {
      region: 'us-east-1',
      useSts: true,
    });
    expect(identity.principal).toMatch(/^key-[0-9a-f]{16}$/);
  });
});
