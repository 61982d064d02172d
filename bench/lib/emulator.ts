/**
 * The standalone emulator as the benchmarks use it: a separate process on a free port (so the
 * gateway, the baselines and direct SDK calls all cross real HTTP, as they would to AWS), its
 * admin endpoints (stats, faults, quotas), and a populated account: N extra ACTIVE memberships
 * for the demo caller, made through the real SDK.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CleanRoomsClient,
  CreateCollaborationCommand,
  CreateMembershipCommand,
} from '@aws-sdk/client-cleanrooms';
import { EMULATOR_CREDENTIALS } from '../../src/clean-rooms/client';

const ROOT = join(__dirname, '..', '..');

export interface EmulatorStats {
  calls: Record<string, number>;
  throttled: Record<string, number>;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export interface EmulatorProcess {
  endpoint: string;
  /** The emulator's counters since it started (calls and throttles by operation). */
  stats(): Promise<EmulatorStats>;
  /** Counters from now on: `since()` answers the calls and throttles made after `mark()`. */
  mark(): Promise<{ since(): Promise<{ calls: number; throttled: number }> }>;
  /** Every operation answers after `latencyMs` (0: no fault). */
  setLatency(latencyMs: number): Promise<void>;
  setQuota(ratePerSecond: number | undefined): Promise<void>;
  /** A client acting as `accountId` (the demo caller by default), like the gateway's. */
  client(accountId?: string, maxSockets?: number): CleanRoomsClient;
  stop(): Promise<void>;
}

async function admin(endpoint: string, path: string, method: string, body?: unknown) {
  const response = await fetch(`${endpoint}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_emulator/${path}: ${response.status}`);
  return response.status === 204 ? undefined : ((await response.json()) as unknown);
}

export async function startEmulator(): Promise<EmulatorProcess> {
  const cli = join(ROOT, 'dist', 'emulator', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/ is missing: run `npm run build` first');
  const child: ChildProcess = spawn(process.execPath, [cli, '--port', '0', '--seed'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited (${code})\n${output}`)));
  });
  const clients: CleanRoomsClient[] = [];
  const stats = async () => (await admin(endpoint, 'stats', 'GET')) as EmulatorStats;
  return {
    endpoint,
    stats,
    // POST /_emulator/reset would also reload the data: count from a snapshot instead.
    mark: async () => {
      const before = await stats();
      return {
        since: async () => {
          const after = await stats();
          return {
            calls: sum(after.calls) - sum(before.calls),
            throttled: sum(after.throttled) - sum(before.throttled),
          };
        },
      };
    },
    setLatency: async (latencyMs) => {
      await admin(endpoint, 'faults', 'DELETE');
      if (latencyMs > 0) await admin(endpoint, 'faults', 'POST', { latencyMs });
    },
    setQuota: async (ratePerSecond) => {
      await admin(endpoint, 'quotas', 'DELETE');
      if (ratePerSecond !== undefined) {
        await admin(endpoint, 'quotas', 'POST', { ratePerSecond, burst: ratePerSecond });
      }
    },
    client: (accountId = EMULATOR_CREDENTIALS.accessKeyId, maxSockets = 64) => {
      const client = new CleanRoomsClient({
        endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: accountId, secretAccessKey: 'bench' },
        maxAttempts: 1,
        requestHandler: { httpAgent: { maxSockets, keepAlive: true } },
      });
      clients.push(client);
      return client;
    },
    stop: async () => {
      for (const client of clients) client.destroy();
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** The account the benchmarks act as: empty at start, so it can hold AWS's 100 memberships. */
export const BENCH_ACCOUNT = '555555555555';

/** What a gateway process needs in its environment to act as `account` at the emulator. */
export function actingAs(
  emulator: EmulatorProcess,
  account = BENCH_ACCOUNT,
): Record<string, string> {
  return {
    CLEANROOMS_BACKEND: 'aws',
    CLEANROOMS_ENDPOINT: emulator.endpoint,
    AWS_ACCESS_KEY_ID: account,
    AWS_SECRET_ACCESS_KEY: 'bench',
  };
}

/**
 * Gives `account` `count` ACTIVE memberships: other accounts create collaborations inviting it
 * (10 each, AWS's quota of collaborations per creator), and it joins each. Returns the
 * memberships with their collaborations.
 */
export async function addMemberships(
  emulator: EmulatorProcess,
  count: number,
  account = BENCH_ACCOUNT,
): Promise<Array<{ id: string; collaborationId: string }>> {
  const caller = emulator.client(account);
  const created: Array<{ id: string; collaborationId: string }> = [];
  let creator = caller;
  for (let i = 0; i < count; i++) {
    if (i % 10 === 0) creator = emulator.client(`4000000000${String(i / 10).padStart(2, '0')}`);
    const { collaboration } = await creator.send(
      new CreateCollaborationCommand({
        name: `Bench collaboration ${i + 1}`,
        description: 'created by npm run bench',
        creatorDisplayName: 'Bench creator',
        creatorMemberAbilities: ['CAN_QUERY', 'CAN_RECEIVE_RESULTS'],
        members: [{ accountId: account, displayName: 'Bench member', memberAbilities: [] }],
        queryLogStatus: 'DISABLED',
      }),
    );
    const { membership } = await caller.send(
      new CreateMembershipCommand({
        collaborationIdentifier: collaboration?.id,
        queryLogStatus: 'DISABLED',
      }),
    );
    if (membership?.id && collaboration?.id) {
      created.push({ id: membership.id, collaborationId: collaboration.id });
    }
  }
  return created;
}
