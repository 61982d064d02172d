/**
 * A real HAProxy (Debian's package; `.ci/run` installs it) in front of local gateway replicas,
 * configured exactly as docker/haproxy.cfg (rendered by haproxy-config.ts) plus a stats page on
 * its own port, from which the test reads which replicas HAProxy has in rotation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { haproxyConfig, type HaproxyServer } from './haproxy-config';
import { freePort } from './identity-provider';
import { startProcess, type RunningProcess } from './processes';

export const hasHaproxy = spawnSync('haproxy', ['-v']).status === 0;

/** Fails in CI when haproxy is missing; elsewhere the caller may skip. */
export function requireHaproxy(): boolean {
  if (!hasHaproxy && process.env.CI) {
    throw new Error('haproxy is not installed: .ci/run installs it with apt-get');
  }
  return hasHaproxy;
}

export interface RunningHaproxy {
  /** The frontend's GraphQL endpoint. */
  url: string;
  process: RunningProcess;
  /** HAProxy's view of each replica: UP, DOWN, `UP 1/2` while rising, … */
  statuses(): Promise<Record<string, string>>;
  waitFor(server: string, status: 'UP' | 'DOWN', timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startHaproxy(servers: readonly HaproxyServer[]): Promise<RunningHaproxy> {
  const [port, statsPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  const stats = [
    'frontend stats',
    `    bind 127.0.0.1:${statsPort}`,
    '    stats enable',
    '    stats uri /stats',
    '',
  ].join('\n');
  writeFileSync(file, `${haproxyConfig({ bind: `127.0.0.1:${port}`, servers })}\n${stats}`);
  const haproxy = startProcess('haproxy', 'haproxy', ['-db', '-f', file]);

  const statuses = async (): Promise<Record<string, string>> => {
    const response = await fetch(`http://127.0.0.1:${statsPort}/stats;csv`);
    const [header, ...rows] = (await response.text()).split('\n');
    const columns = (header ?? '').replace(/^# /, '').split(',');
    const at = (name: string) => columns.indexOf(name);
    const result: Record<string, string> = {};
    for (const row of rows.map((r) => r.split(','))) {
      const server = row[at('svname')];
      if (row[at('pxname')] === 'gateways' && server && server !== 'BACKEND') {
        result[server] = row[at('status')] ?? '';
      }
    }
    return result;
  };

  const running: RunningHaproxy = {
    url: `http://127.0.0.1:${port}/graphql`,
    process: haproxy,
    statuses,
    async waitFor(server, status, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const seen = (await statuses().catch(() => ({}) as Record<string, string>))[server] ?? '';
        if (seen === status) return;
        if (Date.now() > deadline) {
          throw new Error(
            `HAProxy never saw ${server} ${status} (last: ${seen})\n${haproxy.output()}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      await haproxy.stop('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // Listening once the stats page answers.
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await statuses();
      return running;
    } catch {
      if (haproxy.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`haproxy did not start\n${haproxy.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
