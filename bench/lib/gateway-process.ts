/**
 * The built gateway (`node dist/index.js`, as `npm start` runs it) as a child process for the
 * benchmarks: on a free port, over the seeded embedded emulator unless told otherwise, ready
 * once `GET /health/ready` answers 200, and stopped by SIGTERM (SIGKILL if it hangs).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../../src/config';

const ROOT = join(__dirname, '..', '..');
const ENTRY = join(ROOT, 'dist', 'index.js');
const READY_TIMEOUT_MS = 30_000;
const KILL_AFTER_MS = 5_000;
const KEPT_LINES = 100;

export interface GatewayProcess {
  /** The GraphQL endpoint, `http://127.0.0.1:<port>/graphql`. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  /** The process's resident set size, as the gateway reports it on `GET /metrics`. */
  rssBytes(): Promise<number>;
  /** SIGTERM, then waits for the exit (SIGKILL after 5 s). */
  stop(): Promise<void>;
}

/** A TCP port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/**
 * The parent's environment without anything the gateway would read as configuration (or the
 * SDK as credentials), so a developer's shell cannot change what is measured.
 */
function cleanEnv(): Record<string, string> {
  const gatewayVariables = new Set(CONFIG_VARIABLES);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !gatewayVariables.has(key) && !key.startsWith('AWS_')) {
      env[key] = value;
    }
  }
  return env;
}

export async function startGatewayProcess(
  options: { env?: Record<string, string>; name?: string } = {},
): Promise<GatewayProcess> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build first`);
  const name = options.name ?? 'gateway';
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...cleanEnv(),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      NODE_ENV: 'development',
      CLEANROOMS_BACKEND: 'embedded',
      LOG_LEVEL: 'warn',
      SHUTDOWN_DELAY_MS: '0',
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
  });

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - KEPT_LINES));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const describe = (what: string) => `${name}: ${what}\n${lines.join('\n')}`;

  const stop = async () => {
    if (!running()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (let last = 'no answer yet'; ;) {
    if (!running()) throw new Error(describe(`exited before it was ready (${last})`));
    if (Date.now() > deadline) {
      await stop();
      throw new Error(describe(`not ready after ${READY_TIMEOUT_MS} ms (${last})`));
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`, {
        signal: AbortSignal.timeout(2_000),
      });
      last = `${response.status} ${(await response.text()).slice(0, 200)}`;
      if (response.status === 200) break;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url: `${baseUrl}/graphql`,
    baseUrl,
    async rssBytes() {
      const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(10_000) });
      const match = /^process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(
        await response.text(),
      );
      if (!match?.[1])
        throw new Error(describe('GET /metrics has no process_resident_memory_bytes'));
      return Number(match[1]);
    },
    stop,
  };
}
