/**
 * The process entry (src/index.ts) as `npm start` runs it, but through ts-node (transpile-only
 * keeps emitDecoratorMetadata, so type-graphql works without a build): one log line with the
 * bound URL, a working endpoint, a clean exit 0 on SIGTERM/SIGINT, and a bad environment value
 * refused at start with a message naming the variable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const ENTRY = join('src', 'index.ts');

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

// Start-up compiles the sources with ts-node: slow on a loaded 2-core machine (a deadline, not a wait).
jest.setTimeout(40_000);

const children: ChildProcess[] = [];

/** Spawns the entry with a clean environment: like `npm start` (no NODE_ENV), plus `env`. */
function startProcess(env: Record<string, string>): Started {
  const base = { ...process.env };
  for (const name of Object.keys(base)) {
    if (
      /^(NODE_ENV|LOG_LEVEL|PORT|HOST|CLEANROOMS_|INTROSPECTION|UPSTREAM_|MAX_|AUTH_|SHUTDOWN_|REDIS_|CACHE_|RATE_LIMIT|TRUST_PROXY)/.test(
        name,
      )
    )
      delete base[name];
  }
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', ENTRY], {
    cwd: ROOT,
    env: { ...base, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

function logLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Resolves with the URL from the start-up log line (or fails with what the process printed). */
function readyUrl(started: Started, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(`no URL logged in ${timeoutMs} ms:\n${started.stdout()}${started.stderr()}`),
      );
    }, timeoutMs);
    const check = () => {
      const line = logLines(started.stdout()).find((l) => typeof l.url === 'string');
      if (line) {
        cleanup();
        resolve(line.url as string);
      }
    };
    const early = () => {
      cleanup();
      reject(new Error(`exited before listening:\n${started.stdout()}${started.stderr()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      started.child.stdout?.off('data', check);
      started.child.off('exit', early);
    };
    started.child.stdout?.on('data', check);
    started.child.once('exit', early);
    check();
  });
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill();
});

// The processes start in parallel (each compiles the sources once): start-up dominates the time.
let onTerm: Started;
let onInt: Started;
let badPort: Started;
let badLogLevel: Started;
let productionWithoutAuth: Started;
beforeAll(() => {
  const env = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', CLEANROOMS_BACKEND: 'embedded' };
  onTerm = startProcess({ ...env, SHUTDOWN_DELAY_MS: '1500' });
  onInt = startProcess(env);
  badPort = startProcess({ ...env, PORT: 'abc' });
  badLogLevel = startProcess({ ...env, LOG_LEVEL: 'verbose' });
  productionWithoutAuth = startProcess({ ...env, NODE_ENV: 'production' });
});

it('logs one line with the bound URL, serves it, and on SIGTERM drains then exits 0', async () => {
  const url = await readyUrl(onTerm);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  expect(url).not.toMatch(/:0\/graphql$/);
  const withUrl = onTerm
    .stdout()
    .split('\n')
    .filter((line) => line.includes(url));
  expect(withUrl).toHaveLength(1);

  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ memberships { nodes { id status } } }' }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data?: { memberships: { nodes: unknown[] } } };
  expect(body.data?.memberships.nodes.length).toBeGreaterThan(0);

  const signalled = Date.now();
  onTerm.child.kill('SIGTERM');
  // For SHUTDOWN_DELAY_MS it still serves, but readiness says 503 at once (a load balancer takes
  // it out) and each answer closes its connection (keep-alive clients go elsewhere).
  const health = new URL('/health/ready', url).href;
  let ready = await fetch(health);
  while (ready.status === 200 && Date.now() - signalled < 1_000) ready = await fetch(health);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ status: 'draining' });
  const during = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ memberships { nodes { id } } }' }),
  });
  expect(during.status).toBe(200);
  expect(during.headers.get('connection')).toBe('close');
  expect(Date.now() - signalled).toBeLessThan(1_500);
  const exit = await withTimeout(onTerm.exited, 6_500, 'shutdown');
  expect(exit).toEqual({ code: 0, signal: null });
  expect(Date.now() - signalled).toBeGreaterThanOrEqual(1_500);
  // The shutdown path of index.ts ran to its end (not an exit by an empty event loop).
  const messages = logLines(onTerm.stdout()).map((l) => l.msg);
  expect(messages).toEqual(expect.arrayContaining(['stopped']));
});

it('exits 0 on SIGINT at once (no shutdown delay for Ctrl-C)', async () => {
  await readyUrl(onInt);
  onInt.child.kill('SIGINT');
  const exit = await withTimeout(onInt.exited, 2_500, 'shutdown');
  expect(exit).toEqual({ code: 0, signal: null });
  expect(logLines(onInt.stdout()).map((l) => l.msg)).toEqual(expect.arrayContaining(['stopped']));
});

it('refuses a bad environment value at start, naming the variable', async () => {
  const exit = await withTimeout(badPort.exited, 15_000, 'start-up');
  expect(exit.code).not.toBe(0);
  expect(exit.code).not.toBeNull();
  expect(badPort.stderr()).toContain('PORT');
  expect(badPort.stdout()).not.toMatch(/http:\/\//);
});

it('refuses an unknown LOG_LEVEL by name, with no stack trace from inside the logger', async () => {
  const exit = await withTimeout(badLogLevel.exited, 15_000, 'start-up');
  expect(exit.code).toBe(1);
  const output = `${badLogLevel.stdout()}${badLogLevel.stderr()}`;
  expect(badLogLevel.stderr()).toContain('LOG_LEVEL');
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('unknown level');
});

it('refuses to start in production without a way to verify tokens, naming AUTH_JWKS_URL', async () => {
  const exit = await withTimeout(productionWithoutAuth.exited, 15_000, 'start-up');
  expect(exit.code).toBe(1);
  expect(productionWithoutAuth.stderr()).toContain('AUTH_JWKS_URL');
  expect(productionWithoutAuth.stderr()).toContain('AUTH_MODE=none');
  expect(productionWithoutAuth.stdout()).not.toMatch(/http:\/\//);
});
