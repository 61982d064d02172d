/**
 * Real processes for the system tests: the built gateway and emulator (`node dist/…`, as
 * `npm start` and the Docker image run them), started on chosen ports and stopped by signal,
 * with the tail of their output kept for the failure message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');

/** Variables a developer's shell may set that would change what a spawned process does. */
const INHERITED_CONFIG =
  /^(NODE_ENV|LOG_LEVEL|PORT|HOST|CLEANROOMS_|AWS_|INTROSPECTION|UPSTREAM_|MAX_|AUTH_|SHUTDOWN_|REDIS_|CACHE_|RATE_LIMIT|TRUST_PROXY|CORS_)/;

export interface RunningProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The last lines it printed (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function requireBuild(): void {
  if (!existsSync(join(DIST, 'index.js')) || !existsSync(join(DIST, 'emulator', 'cli.js'))) {
    throw new Error('dist/ is missing: run the system tests with `npm run test:fleet` (it builds)');
  }
}

export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): RunningProcess {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!INHERITED_CONFIG.test(key)) base[key] = value;
  }
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...base, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    name,
    child,
    output: () => lines.join('\n'),
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls `url` until `accept(status, body)`; fails with `what` and the process's output. */
export async function waitForHttp(
  url: string,
  accept: (status: number, body: string) => boolean,
  what: string,
  options: { timeoutMs?: number; process?: RunningProcess } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    let last: string;
    if (options.process && options.process.child.exitCode !== null) {
      throw new Error(`${what}: ${options.process.name} exited\n${options.process.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (accept(response.status, body)) return;
      last = `${response.status} ${body.slice(0, 200)}`;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what} (last: ${last})\n${options.process?.output() ?? ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The standalone emulator (`npm run emulator`) on a free port; resolves once it listens. */
export async function startEmulatorProcess(args: readonly string[] = ['--seed']) {
  const emulator = startProcess('emulator', process.execPath, [
    join(DIST, 'emulator', 'cli.js'),
    '--port',
    '0',
    ...args,
  ]);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`emulator did not start\n${emulator.output()}`)),
      15_000,
    );
    const onData = () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(emulator.output());
      if (match?.[1]) {
        clearTimeout(timer);
        emulator.child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    emulator.child.stdout?.on('data', onData);
    void emulator.exited.then(() => reject(new Error(`emulator exited\n${emulator.output()}`)));
  });
  return { process: emulator, url };
}
