/**
 * Cross-checks with independent AWS clients. test/fixtures/boto3_lifecycle.py drives the
 * membership lifecycle, regional state and a rate-quota throttle with boto3/botocore (its own
 * serializers, signer and error parser) against a standalone emulator and exits non-zero on any
 * mismatch. The AWS CLI, when installed, lists memberships and reads an error the same way.
 *
 * boto3 is looked for in `python3` and `/usr/bin/python3` (where Debian's python3-boto3 goes).
 * When neither has it, the boto3 checks fail in CI (`CI` set: .ci/run installs the package, so
 * a missing boto3 is a broken machine) and are skipped with a warning elsewhere. The AWS CLI
 * checks are skipped when `aws` is absent.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListMembershipsCommand } from '@aws-sdk/client-cleanrooms';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import { startEmulatorServer, type RunningEmulator } from '../../../src/emulator/http-server';
import { DEMO_ACCOUNTS } from '../../../src/emulator/seed';
import { httpClient, startEmulator } from '../../helpers/sdk';

const SCRIPT = join(__dirname, '..', '..', 'fixtures', 'boto3_lifecycle.py');
const PYTHONS = ['python3', '/usr/bin/python3'];
// The Clean Rooms model is what the script needs: an old botocore imports fine without it.
const PROBE =
  'import boto3, sys\n' +
  'if "cleanrooms" not in boto3.session.Session().get_available_services():\n' +
  '    sys.exit("boto3 " + boto3.__version__ + " has no cleanrooms service model")';
const run = promisify(execFile);

/** The first Python that can import boto3 with the Clean Rooms model, and why others cannot. */
function findBoto3Python(): { python?: string; reasons: string[] } {
  const reasons: string[] = [];
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ['-c', PROBE], { encoding: 'utf8', timeout: 30_000 });
    if (probe.status === 0) return { python, reasons };
    const said = probe.stderr?.trim().split('\n').pop();
    reasons.push(`${python}: ${probe.error?.message ?? (said || `exit code ${probe.status}`)}`);
  }
  return { reasons };
}

const { python, reasons } = findBoto3Python();
const inCi = Boolean(process.env.CI);
const missing =
  `No Python here can run the boto3 cross-check (${reasons.join('; ')}). ` +
  'Install a boto3 whose botocore has the Clean Rooms model: pip install boto3, or ' +
  "apt-get install -y python3-boto3 on a Debian release past bookworm (bookworm's botocore " +
  '1.29 predates Clean Rooms).';
if (!python && !inCi) console.warn(`Skipping the boto3 cross-check: ${missing}`);
const itWithBoto3 = python ? it : it.skip;

const aws = spawnSync('aws', ['--version'], { encoding: 'utf8', timeout: 30_000 });
const hasAwsCli = aws.status === 0;
if (!hasAwsCli) console.warn('Skipping the AWS CLI cross-check: `aws --version` failed.');
const itWithAwsCli = hasAwsCli ? it : it.skip;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command asynchronously (the emulator shares this process's event loop). */
async function runCommand(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(file, args, { timeout: 30_000, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

async function runScript(url: string): Promise<{ code: number; summary: Record<string, unknown> }> {
  const { code, stdout, stderr } = await runCommand(python ?? 'python3', [SCRIPT, url]);
  try {
    return { code, summary: JSON.parse(stdout) as Record<string, unknown> };
  } catch {
    return { code, summary: { stderr } };
  }
}

describe('boto3 cross-check', () => {
  let running: RunningEmulator | undefined;

  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  if (!python && inCi) {
    it('finds a Python with boto3 (required in CI)', () => {
      throw new Error(missing);
    });
  }

  itWithBoto3(
    'runs the membership lifecycle, regions and a throttle with boto3 without a mismatch',
    async () => {
      running = await startEmulator();
      const { code, summary } = await runScript(running.url);
      expect(summary).toEqual({ ok: true, checks: expect.any(Number), failed: 0 });
      expect(code).toBe(0);
      expect(summary.checks as number).toBeGreaterThan(70);
      // boto3 went through the emulator's API, not around it.
      expect(running.emulator.stats.count('CreateMembership')).toBeGreaterThanOrEqual(5);
      expect(running.emulator.stats.count('UntagResource')).toBe(1);
      expect(running.emulator.stats.snapshot().throttled).toEqual({ ListMemberships: 1 });
    },
  );

  itWithBoto3('exits non-zero and says why when the emulator misbehaves', async () => {
    // Uppercase ids break the "lowercase UUID" rule the script checks first.
    running = await startEmulatorServer({
      port: 0,
      emulator: new CleanRoomsEmulator({ newId: () => randomUUID().toUpperCase() }),
    });
    const { code, summary } = await runScript(running.url);
    expect(code).toBe(1);
    expect(summary).toMatchObject({ ok: false, error: expect.stringMatching(/lowercase UUID/) });
  });
});

describe('AWS CLI cross-check', () => {
  let running: RunningEmulator;

  beforeAll(async () => {
    running = await startEmulator(true);
  });

  afterAll(() => running.close());

  /** `aws cleanrooms …` as account `accountId`, with no configuration files and no retries. */
  function cli(accountId: string, region: string, args: string[]): Promise<Outcome> {
    return runCommand(
      'aws',
      [
        'cleanrooms',
        ...args,
        '--endpoint-url',
        running.url,
        '--region',
        region,
        '--output',
        'json',
      ],
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_ACCESS_KEY_ID: accountId,
        AWS_SECRET_ACCESS_KEY: 'test-secret',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        AWS_MAX_ATTEMPTS: '1',
        AWS_PAGER: '',
      },
    );
  }

  itWithAwsCli('lists the same memberships as the SDK, per region, and reads errors', async () => {
    const acme = DEMO_ACCOUNTS.acme;
    const [listed, elsewhere, missingMembership] = await Promise.all([
      cli(acme, 'us-east-1', ['list-memberships']),
      cli(acme, 'eu-west-1', ['list-memberships']),
      cli(acme, 'us-east-1', [
        'get-membership',
        '--membership-identifier',
        '00000000-0000-4000-8000-000000000000',
      ]),
    ]);
    const sdk = httpClient(running.url, acme);
    try {
      const { membershipSummaries } = await sdk.send(new ListMembershipsCommand({}));
      expect(listed.code).toBe(0);
      const parsed = JSON.parse(listed.stdout) as { membershipSummaries: Array<{ id: string }> };
      expect(parsed.membershipSummaries.map((m) => m.id)).toEqual(
        membershipSummaries?.map((m) => m.id),
      );
      expect(parsed.membershipSummaries.length).toBeGreaterThan(0);
    } finally {
      sdk.destroy();
    }
    expect(elsewhere.code).toBe(0);
    expect(JSON.parse(elsewhere.stdout)).toEqual({ membershipSummaries: [] });
    expect(missingMembership.code).not.toBe(0);
    expect(missingMembership.stderr).toMatch(/ResourceNotFoundException/);
  });
});
