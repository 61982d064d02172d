/**
 * The SDK client as the gateway builds it for the `aws` backend: which credentials it uses for
 * an endpoint override (a VPC or FIPS endpoint keeps the deployment's own role; only a loopback
 * emulator gets the emulator's fixed keys), and a socket pool that does not cap
 * UPSTREAM_CONCURRENCY (the SDK's default is 50 sockets per host).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestGateway } from '../../helpers/gateway';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

describe('credentials for an endpoint override', () => {
  const CREDENTIAL_VARIABLES = [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_PROFILE',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONFIG_FILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_EC2_METADATA_DISABLED',
  ];
  const saved: Record<string, string | undefined> = {};
  let ecs: Server;
  let ecsUrl: string;

  beforeAll(async () => {
    // Plays the ECS agent's task-role endpoint (what AWS_CONTAINER_CREDENTIALS_FULL_URI names).
    ecs = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          AccessKeyId: 'ASIATASKROLE0000EXAMPLE',
          SecretAccessKey: 'task-role-secret',
          Token: 'task-role-session-token',
          Expiration: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      );
    });
    ecsUrl = await listen(ecs);
  });
  afterAll(() => close(ecs));

  beforeEach(() => {
    for (const name of CREDENTIAL_VARIABLES) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
    // No profile files and no instance metadata: the chain can only find what a test gives it.
    process.env.AWS_CONFIG_FILE = '/nonexistent/aws-config';
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/aws-credentials';
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
  });
  afterEach(() => {
    for (const name of CREDENTIAL_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  async function credentialsFor(endpoint: string) {
    const gw = await startTestGateway({ env: { CLEANROOMS_ENDPOINT: endpoint } });
    try {
      const provider = gw.server.backend.client.config.credentials;
      return await provider();
    } finally {
      await gw.close();
    }
  }

  it.each([
    ['a VPC endpoint', 'https://vpce-0abc123-def456.cleanrooms.us-east-1.vpce.amazonaws.com'],
    ['a FIPS endpoint', 'https://cleanrooms-fips.us-east-1.amazonaws.com'],
    ['a private proxy', 'http://cleanrooms-proxy.internal:8080'],
  ])('keeps the default chain for %s: an ECS task role is used', async (_name, endpoint) => {
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${ecsUrl}/v2/credentials/task`;
    const credentials = await credentialsFor(endpoint);
    expect(credentials.accessKeyId).toBe('ASIATASKROLE0000EXAMPLE');
    expect(credentials.sessionToken).toBe('task-role-session-token');
  });

  it.each(['http://127.0.0.1:4599', 'http://localhost:4599', 'http://[::1]:4599'])(
    'uses the emulator credentials for the loopback endpoint %s when the environment has none',
    async (endpoint) => {
      const credentials = await credentialsFor(endpoint);
      expect(credentials.accessKeyId).toBe('123456789012');
    },
  );

  it('uses credentials from the environment for a loopback endpoint when there are some', async () => {
    process.env.AWS_ACCESS_KEY_ID = '222222222222';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    const credentials = await credentialsFor('http://127.0.0.1:4599');
    expect(credentials.accessKeyId).toBe('222222222222');
  });
});

describe('socket pool', () => {
  const CALLS = 64;
  let stub: Server;
  let url: string;
  let inFlight = 0;
  let peak = 0;
  let waiting: ServerResponse[] = [];
  let deadline: NodeJS.Timeout | undefined;

  /** Answers every held request with ResourceNotFound (each id is unknown). */
  const releaseAll = () => {
    clearTimeout(deadline);
    for (const res of waiting) {
      res.writeHead(404, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'ResourceNotFoundException',
        'x-amzn-requestid': 'stub',
      });
      res.end(
        JSON.stringify({ message: 'not found', resourceId: 'x', resourceType: 'MEMBERSHIP' }),
      );
    }
    waiting = [];
  };

  beforeAll(async () => {
    // Holds every request until CALLS of them are open at once; the deadline only ends a failing
    // run (a capped pool never gets there), it is not waited for when the pool is big enough.
    stub = createServer((req: IncomingMessage, res: ServerResponse) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      res.on('finish', () => inFlight--);
      req.resume();
      waiting.push(res);
      if (waiting.length === 1) deadline = setTimeout(releaseAll, 5_000);
      if (waiting.length >= CALLS) releaseAll();
    });
    url = await listen(stub);
  });
  afterAll(async () => {
    releaseAll();
    await close(stub);
  });

  it('lets UPSTREAM_CONCURRENCY calls of one request be in flight at once, beyond 50', async () => {
    const gw = await startTestGateway({
      env: {
        CLEANROOMS_ENDPOINT: url,
        UPSTREAM_CONCURRENCY: String(CALLS),
        MAX_UPSTREAM_CALLS: '1000',
      },
    });
    try {
      const representations = Array.from({ length: CALLS }, (_, i) => ({
        __typename: 'Membership',
        id: `e0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      }));
      const { body } = await gw.gql(
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Membership { id } } }',
        { r: representations },
      );
      expect(body.errors).toHaveLength(CALLS);
      expect(peak).toBe(CALLS);
    } finally {
      await gw.close();
    }
  });
});
