/**
 * Cross-check with a second, independent AWS client: test/fixtures/boto3_lifecycle.py drives the
 * membership lifecycle with boto3/botocore (its own serializers, signer and error parser) against
 * a standalone emulator and exits non-zero on any mismatch. Skipped, with a warning, only when
 * boto3 cannot be imported on this machine.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import { startEmulatorServer, type RunningEmulator } from '../../../src/emulator/http-server';
import { startEmulator } from '../../helpers/sdk';

const SCRIPT = join(__dirname, '..', '..', 'fixtures', 'boto3_lifecycle.py');
const run = promisify(execFile);

const probe = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' });
const hasBoto3 = probe.status === 0;
if (!hasBoto3) {
  console.warn(
    `Skipping the boto3 cross-check: "python3 -c 'import boto3'" failed (${
      probe.error?.message ?? probe.stderr.trim()
    }).`,
  );
}
const itWithBoto3 = hasBoto3 ? it : it.skip;

/** Runs the script asynchronously (the emulator shares this process's event loop). */
async function runScript(url: string): Promise<{ code: number; summary: Record<string, unknown> }> {
  try {
    const { stdout } = await run('python3', [SCRIPT, url], { timeout: 15_000 });
    return { code: 0, summary: JSON.parse(stdout) as Record<string, unknown> };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    let summary: Record<string, unknown> = { stderr: failed.stderr };
    try {
      summary = JSON.parse(failed.stdout ?? '') as Record<string, unknown>;
    } catch {
      // not JSON: keep stderr for the failure message
    }
    return { code: typeof failed.code === 'number' ? failed.code : -1, summary };
  }
}

describe('boto3 cross-check', () => {
  let running: RunningEmulator | undefined;

  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  itWithBoto3('runs the membership lifecycle with boto3 without a mismatch', async () => {
    running = await startEmulator();
    const { code, summary } = await runScript(running.url);
    expect(summary).toEqual({ ok: true, checks: expect.any(Number), failed: 0 });
    expect(code).toBe(0);
    expect(summary.checks as number).toBeGreaterThan(50);
    // boto3 went through the emulator's API, not around it.
    expect(running.emulator.stats.count('CreateMembership')).toBeGreaterThanOrEqual(3);
    expect(running.emulator.stats.count('UntagResource')).toBe(1);
  });

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
