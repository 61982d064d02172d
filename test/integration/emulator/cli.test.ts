/**
 * The standalone entry point (`npm run emulator -- --port N [--seed] [--quota-rate R]`), run
 * from source with ts-node: it logs one JSON line with its URL, serves the seeded demo data to
 * the SDK, applies a rate quota from the command line, stops cleanly on SIGTERM, and refuses
 * bad arguments with a non-zero exit.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  GetMembershipCommand,
  ListMembershipsCommand,
  ThrottlingException,
} from '@aws-sdk/client-cleanrooms';
import { DEMO_ACCOUNTS, DEMO_IDS } from '../../../src/emulator/seed';
import { httpClient } from '../../helpers/sdk';

const ROOT = join(__dirname, '..', '..', '..');

function startCli(args: string[]): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/emulator/cli.ts', ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function exited(child: ChildProcessByStdio<null, Readable, Readable>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Resolves with the CLI's first log line (parsed), or rejects if it exits first. */
function firstLog(child: ChildProcessByStdio<null, Readable, Readable>) {
  return new Promise<{ level: string; url: string; seeded: boolean; quotas: unknown }>(
    (resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString())));
      child.once('exit', (code) => reject(new Error(`CLI exited early with ${code}`)));
    },
  );
}

describe('emulator CLI', () => {
  it('logs its URL, serves the demo seed and exits 0 on SIGTERM', async () => {
    const child = startCli(['--port', '0', '--seed']);
    const done = exited(child);
    try {
      const log = await firstLog(child);
      expect(log).toMatchObject({ level: 'info', seeded: true, quotas: [] });
      expect(log.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const client = httpClient(log.url, DEMO_ACCOUNTS.acme);
      const { membership } = await client.send(
        new GetMembershipCommand({ membershipIdentifier: DEMO_IDS.acmeRetailMembership }),
      );
      client.destroy();
      expect(membership?.status).toBe('ACTIVE');
    } finally {
      child.kill('SIGTERM');
    }
    expect((await done).code).toBe(0);
  });

  it('installs a rate quota for every operation with --quota-rate and --quota-burst', async () => {
    const child = startCli(['--port', '0', '--quota-rate', '0.001', '--quota-burst', '2']);
    const done = exited(child);
    try {
      const log = await firstLog(child);
      expect(log.quotas).toEqual([{ ratePerSecond: 0.001, burst: 2 }]);
      const client = httpClient(log.url, DEMO_ACCOUNTS.acme);
      try {
        for (let i = 0; i < 2; i++) await client.send(new ListMembershipsCommand({}));
        await expect(client.send(new ListMembershipsCommand({}))).rejects.toBeInstanceOf(
          ThrottlingException,
        );
      } finally {
        client.destroy();
      }
      const listed = await fetch(`${log.url}/_emulator/quotas`);
      expect(await listed.json()).toEqual({ quotas: [{ ratePerSecond: 0.001, burst: 2 }] });
    } finally {
      child.kill('SIGTERM');
    }
    expect((await done).code).toBe(0);
  });

  it('refuses bad arguments with exit code 1 and a message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--port', 'seventy'], /invalid --port seventy/],
      [['--port'], /--port needs a value/],
      [['--verbose'], /unknown argument --verbose/],
      [['--quota-rate', '0'], /invalid quota: ratePerSecond/],
    ];
    // In parallel: each run pays ts-node's start-up. The other refusals are unit-tested.
    const results = await Promise.all(cases.map(([args]) => exited(startCli(args))));
    results.forEach(({ code, stderr }, i) => {
      expect(code).toBe(1);
      expect(stderr).toMatch(cases[i]?.[1] as RegExp);
    });
  });
});
