/**
 * The deployment files, checked without Docker or Kubernetes: docker/compose.yaml,
 * docker/haproxy.cfg and docker/kubernetes/ are parsed and held to what the gateway needs
 * (health checks on the right paths and port, a stop grace longer than the gateway's drain,
 * REDIS_URL from a Secret, …), and every environment variable they set must be one that
 * src/config.ts reads (or one the AWS SDK reads): a misspelt name would otherwise be ignored in
 * silence. The values go through the real `loadConfig`, the emulator's command line through its
 * real parser, the healthcheck scripts run against a local server, and HAProxy checks its
 * configuration itself when it is installed (always in CI: .ci/run installs it).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES, ConfigError, DEFAULTS, loadConfig } from '../../src/config';
import { parseCliArgs } from '../../src/emulator/cli-args';
import {
  HAPROXY_BACKEND,
  HAPROXY_DEFAULTS,
  haproxyConfig,
  type HaproxyServer,
} from '../helpers/haproxy-config';

const ROOT = join(__dirname, '..', '..');
const DOCKER = join(ROOT, 'docker');
const KUBERNETES = join(DOCKER, 'kubernetes');
const read = (path: string) => readFileSync(path, 'utf8');

/** Variables the AWS SDK reads itself; the gateway's own come from its configuration schema. */
const SDK_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'NODE_ENV',
];
const KNOWN_VARIABLES: ReadonlySet<string> = new Set([...CONFIG_VARIABLES, ...SDK_VARIABLES]);

function unknownVariables(names: Iterable<string>): string[] {
  return [...new Set(names)].filter((name) => !KNOWN_VARIABLES.has(name));
}

// ---- typed access to parsed YAML (no `any`: every step says what it expected) ----

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`spec.template.spec.containers.0`); throws naming the path. */
function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (isMapping(current)) current = current[key];
    else throw new Error(`${path}: no ${key} in ${JSON.stringify(current)}`);
    if (current === undefined) throw new Error(`${path}: ${key} is missing`);
  }
  return current;
}

function mappingAt(value: unknown, path: string): Mapping {
  const found = at(value, path);
  if (!isMapping(found))
    throw new Error(`${path}: expected a mapping, got ${JSON.stringify(found)}`);
  return found;
}

function listAt(value: unknown, path: string): unknown[] {
  const found = at(value, path);
  if (!Array.isArray(found))
    throw new Error(`${path}: expected a list, got ${JSON.stringify(found)}`);
  return found;
}

function stringAt(value: unknown, path: string): string {
  const found = at(value, path);
  if (typeof found !== 'string') throw new Error(`${path}: expected a string, got ${found}`);
  return found;
}

function numberAt(value: unknown, path: string): number {
  const found = at(value, path);
  if (typeof found !== 'number') throw new Error(`${path}: expected a number, got ${found}`);
  return found;
}

function strings(list: unknown[], what: string): string[] {
  return list.map((item) => {
    if (typeof item !== 'string') throw new Error(`${what}: expected strings, got ${item}`);
    return item;
  });
}

// ---- facts from the source: the image's environment and the gateway's drain ----

/** ENV of the Dockerfile's last stage (the image that runs). */
function imageEnvironment(): Record<string, string> {
  const dockerfile = read(join(DOCKER, 'Dockerfile')).replace(/\\\n/g, ' ');
  const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const line of lastStage.matchAll(/^ENV\s+(.+)$/gm)) {
    for (const pair of (line[1] as string).trim().split(/\s+/)) {
      const [name, value] = pair.split('=');
      if (name && value !== undefined) env[name] = value;
    }
  }
  return env;
}

const IMAGE_ENV = imageEnvironment();
const IMAGE_PORT = Number(IMAGE_ENV.PORT);

/**
 * Seconds from SIGTERM to the process's exit at the latest: the shutdown delay its environment
 * sets (still serving, readiness 503), then the drain's forced-exit timeout (src/index.ts).
 */
function stopSeconds(env: Record<string, string>): number {
  return (loadConfig(env).shutdownDelayMs + DEFAULTS.drainTimeoutMs) / 1000;
}

/** A compose duration (`15s`, `1m30s`, `500ms`) in seconds. */
function composeSeconds(duration: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6 };
  const parts = [...duration.matchAll(/(\d+(?:\.\d+)?)(h|ms|us|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== duration) {
    throw new Error(`not a compose duration: ${duration}`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * (units[p[2] as string] as number), 0);
}

// ---- compose ----

/** Compose with its YAML merge keys (`<<: *gateway`) applied, as Docker Compose reads it. */
function parseCompose(text: string): Mapping {
  const compose: unknown = parse(text, { merge: true });
  if (!isMapping(compose)) throw new Error('compose: expected a mapping');
  return compose;
}

/** `environment:` as a mapping or as a list of `NAME=value`; values as strings. */
function composeEnvironment(service: unknown): Record<string, string> {
  if (!isMapping(service) || service.environment === undefined) return {};
  const env = service.environment;
  const entries: Array<[string, string]> = Array.isArray(env)
    ? strings(env, 'environment').map((item) => {
        const [name = '', ...value] = item.split('=');
        return [name, value.join('=')];
      })
    : Object.entries(mappingAt(service, 'environment')).map(([name, value]) => [
        name,
        value === null ? '' : String(value),
      ]);
  return Object.fromEntries(entries);
}

function composeVariableNames(compose: Mapping): string[] {
  return Object.values(mappingAt(compose, 'services')).flatMap((service) =>
    Object.keys(composeEnvironment(service)),
  );
}

const COMPOSE = parseCompose(read(join(DOCKER, 'compose.yaml')));
const SERVICES = mappingAt(COMPOSE, 'services');
const GATEWAYS = Object.keys(SERVICES).filter((name) => /^gateway-\d+$/.test(name));

// ---- Kubernetes ----

interface K8sObject {
  file: string;
  kind: string;
  name: string;
  body: Mapping;
}

const KUBERNETES_FILES = readdirSync(KUBERNETES).filter((f) => /\.ya?ml$/.test(f));

function kubernetesObjects(): K8sObject[] {
  return KUBERNETES_FILES.filter((f) => f !== 'kustomization.yaml').flatMap((file) =>
    parseAllDocuments(read(join(KUBERNETES, file))).map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
      const body: unknown = doc.toJS();
      if (!isMapping(body)) throw new Error(`${file}: expected an object`);
      return { file, kind: stringAt(body, 'kind'), name: stringAt(body, 'metadata.name'), body };
    }),
  );
}

const OBJECTS = kubernetesObjects();

function one(kind: string): Mapping {
  const found = OBJECTS.filter((o) => o.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return (found[0] as K8sObject).body;
}

const DEPLOYMENT = one('Deployment');
const CONTAINER = mappingAt(DEPLOYMENT, 'spec.template.spec.containers.0');
const CONFIG_MAP = one('ConfigMap');
const SECRET = one('Secret');
const POD_LABELS = mappingAt(DEPLOYMENT, 'spec.template.metadata.labels');

/** Variable names a ConfigMap's `data` and a Deployment's containers' `env` set. */
function kubernetesVariableNames(objects: readonly Mapping[]): string[] {
  return objects.flatMap((o) => {
    if (o.kind === 'ConfigMap') return Object.keys(mappingAt(o, 'data'));
    if (o.kind !== 'Deployment') return [];
    return listAt(o, 'spec.template.spec.containers').flatMap((container) =>
      isMapping(container) && Array.isArray(container.env)
        ? container.env.map((_, i) => stringAt(container, `env.${i}.name`))
        : [],
    );
  });
}

/** A probe's or Service's port, by number or by the container port's name. */
function containerPort(port: unknown): number {
  if (typeof port === 'number') return port;
  const named = listAt(CONTAINER, 'ports').find((p) => isMapping(p) && p.name === port);
  if (!named) throw new Error(`no container port named ${String(port)}`);
  return numberAt(named, 'containerPort');
}

/** Seconds the preStop hook waits: the `sleep` action, or an exec of `sleep N`. */
function preStopSeconds(): number {
  const preStop = mappingAt(CONTAINER, 'lifecycle.preStop');
  if (preStop.sleep !== undefined) return numberAt(preStop, 'sleep.seconds');
  const command = strings(listAt(preStop, 'exec.command'), 'preStop.exec.command');
  const [program, seconds] = command;
  if (!program || !/(^|\/)sleep$/.test(program) || command.length !== 2) {
    throw new Error(`preStop must be a sleep, got ${command.join(' ')}`);
  }
  return Number(seconds);
}

// ---- HAProxy ----

/** Directive lines without comments or blank lines, whitespace collapsed. */
function haproxyLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim().replace(/\s+/g, ' '))
    .filter((line) => line !== '');
}

/** Section header (`backend gateways`) → its directives. */
function haproxySections(text: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    if (/^\S/.test(line)) {
      current = [];
      sections.set(line.trim().replace(/\s+/g, ' '), current);
    } else if (current) current.push(line.trim().replace(/\s+/g, ' '));
    else throw new Error(`directive outside a section: ${line}`);
  }
  return sections;
}

const HAPROXY_CFG = read(join(DOCKER, 'haproxy.cfg'));
const COMPOSE_SERVERS: HaproxyServer[] = GATEWAYS.map((name) => ({
  name,
  host: name,
  port: IMAGE_PORT,
}));

/** The haproxy binary, if installed (Debian puts it in /usr/sbin, which PATH may lack). */
function findHaproxy(): string | undefined {
  return ['haproxy', '/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].find(
    (candidate) => spawnSync(candidate, ['-v'], { encoding: 'utf8' }).status === 0,
  );
}

const HAPROXY = findHaproxy();

/** `haproxy -c`: its exit status and the warnings it printed. */
function haproxyCheck(config: string): {
  status: number | null;
  warnings: string[];
  output: string;
} {
  if (!HAPROXY) throw new Error('haproxy is not installed (.ci/run installs it in CI)');
  const dir = mkdtempSync(join(tmpdir(), 'haproxy-'));
  try {
    const file = join(dir, 'haproxy.cfg');
    writeFileSync(file, config);
    const run = spawnSync(HAPROXY, ['-c', '-f', file], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    return {
      status: run.status,
      warnings: output.split('\n').filter((l) => l.includes('[WARNING]')),
      output,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Present locally: run. Absent: skip, except in CI, where its absence is a failure. */
const withHaproxy = HAPROXY || process.env.CI ? it : it.skip;

// ---- healthcheck scripts, run for real ----

/** Serves `status` on every path; resolves with the server and its port. */
async function answering(
  status: number,
): Promise<{ server: Server; port: number; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.statusCode = status;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, paths };
}

/** Runs a compose healthcheck (`CMD node -e …`) with its port replaced; resolves to its exit code. */
async function runHealthcheck(test: string[], port: number, fixedPort: number): Promise<number> {
  const [form, program, flag, script] = test;
  expect([form, program, flag]).toEqual(['CMD', 'node', '-e']);
  const local = (script as string).replace(`127.0.0.1:${fixedPort}/`, `127.0.0.1:${port}/`);
  expect(local).not.toBe(script);
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', local], { timeout: 10_000 }, (error) => {
      // A timeout or a signal has no numeric code: count it as a failed check.
      resolve(error ? (typeof error.code === 'number' ? error.code : 1) : 0);
    });
  });
}

async function healthcheckOutcome(
  test: string[],
  fixedPort: number,
  status: number,
): Promise<{ exit: number; paths: string[] }> {
  const { server, port, paths } = await answering(status);
  try {
    return { exit: await runHealthcheck(test, port, fixedPort), paths };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

// ==== the tests ====

describe('environment variable names', () => {
  it('come from the configuration schema', () => {
    expect(CONFIG_VARIABLES).toEqual(
      expect.arrayContaining(['REDIS_URL', 'UPSTREAM_RATE_LIMITS', 'TRUST_PROXY', 'AUTH_MODE']),
    );
    // Why a misspelt name matters: the gateway ignores any name outside the schema in silence.
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow(ConfigError);
    expect(loadConfig({ REDIS_ULR: 'not a url' })).toEqual(loadConfig({}));
  });

  it('are all known in compose, the ConfigMap and the Deployment', () => {
    const names = [
      ...composeVariableNames(COMPOSE),
      ...kubernetesVariableNames(OBJECTS.map((o) => o.body)),
    ];
    expect(names).toEqual(
      expect.arrayContaining(['REDIS_URL', 'CLEANROOMS_ENDPOINT', 'AUTH_MODE']),
    );
    expect(unknownVariables(names)).toEqual([]);
  });

  it('the check finds a misspelt name in each kind of file (the check itself works)', () => {
    const compose = parseCompose(
      [
        'x-gw: &gw',
        '  environment:',
        '    REDIS_ULR: redis://redis:6379',
        'services:',
        '  a: *gw',
        '  b:',
        '    environment: ["TRUST_PROXY=1", "CACHE_TTL_SECOND=30"]',
      ].join('\n'),
    );
    expect(unknownVariables(composeVariableNames(compose))).toEqual([
      'REDIS_ULR',
      'CACHE_TTL_SECOND',
    ]);
    const manifests = parseAllDocuments(
      [
        'kind: ConfigMap',
        'data: { AWS_REGION: us-east-1, UPSTREAM_RATE_LIMIT: "*=5" }',
        '---',
        'kind: Deployment',
        'spec: { template: { spec: { containers: [ { env: [ { name: REDIS_URL }, { name: AUTH_JWKS_URI } ] } ] } } }',
      ].join('\n'),
    ).map((doc) => {
      const body: unknown = doc.toJS();
      if (!isMapping(body)) throw new Error('expected an object');
      return body;
    });
    expect(unknownVariables(kubernetesVariableNames(manifests))).toEqual([
      'UPSTREAM_RATE_LIMIT',
      'AUTH_JWKS_URI',
    ]);
  });
});

describe('docker/compose.yaml', () => {
  it('runs Redis, the emulator, two gateways and a load balancer', () => {
    expect(Object.keys(SERVICES).sort()).toEqual(
      ['emulator', 'gateway-1', 'gateway-2', 'loadbalancer', 'redis'].sort(),
    );
    expect(GATEWAYS).toHaveLength(2);
  });

  it('Redis: the official image, healthy when it answers PING', () => {
    expect(stringAt(SERVICES, 'redis.image')).toMatch(/^redis:7(\.|-|$)/);
    const test = strings(listAt(SERVICES, 'redis.healthcheck.test'), 'redis healthcheck');
    expect(test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('the emulator: seeded, on 0.0.0.0:4599, with a 5/s quota (its real command-line parser)', () => {
    const command = strings(listAt(SERVICES, 'emulator.command'), 'emulator command');
    expect(command.slice(0, 2)).toEqual(['node', 'dist/emulator/cli.js']);
    expect(existsSync(join(ROOT, 'src', 'emulator', 'cli.ts'))).toBe(true);
    const args = parseCliArgs(command.slice(2));
    expect(args).toMatchObject({ host: '0.0.0.0', port: 4599, seed: true });
    expect(args.quota?.ratePerSecond).toBe(5);
    expect(SERVICES.emulator).toMatchObject({ read_only: true });
  });

  it.each(GATEWAYS)(
    '%s: a valid production configuration against the emulator and Redis',
    (name) => {
      const env = composeEnvironment(SERVICES[name]);
      expect(env.NODE_ENV).toBeUndefined(); // the image sets it
      const config = loadConfig({ ...IMAGE_ENV, ...env });
      expect(config).toMatchObject({
        production: true,
        host: '0.0.0.0',
        port: IMAGE_PORT,
        backend: 'aws',
        endpoint: 'http://emulator:4599',
        region: 'us-east-1',
        authMode: 'none',
      });
      expect(config.fleet).toMatchObject({
        redisUrl: 'redis://redis:6379',
        cacheTtlSeconds: 30,
        trustProxy: 1,
      });
      expect(env).toMatchObject({
        AWS_ACCESS_KEY_ID: '123456789012',
        AWS_SECRET_ACCESS_KEY: 'clean-rooms-emulator',
      });
      // The fleet's AWS budget is the emulator's quota: the replicas together stay under it.
      const quota = parseCliArgs(
        strings(listAt(SERVICES, 'emulator.command'), 'command').slice(2),
      ).quota;
      expect(config.fleet.upstreamRateLimits).toEqual({ '*': quota?.ratePerSecond });
      // The endpoint and REDIS_URL name services of this file.
      expect(Object.keys(SERVICES)).toEqual(
        expect.arrayContaining([new URL(env.CLEANROOMS_ENDPOINT as string).hostname, 'redis']),
      );
    },
  );

  it.each(GATEWAYS)(
    '%s: hardened, healthy when ready, stopped no sooner than it drains',
    (name) => {
      const gateway = mappingAt(SERVICES, name);
      expect(gateway.command).toBeUndefined(); // the image's CMD: node dist/index.js
      expect(gateway.read_only).toBe(true);
      expect(strings(listAt(gateway, 'security_opt'), 'security_opt')).toContain(
        'no-new-privileges:true',
      );
      const test = strings(listAt(gateway, 'healthcheck.test'), 'healthcheck');
      expect(test.join(' ')).toContain(`http://127.0.0.1:${IMAGE_PORT}/health/ready`);
      expect(composeSeconds(stringAt(gateway, 'stop_grace_period'))).toBeGreaterThan(
        stopSeconds({ ...IMAGE_ENV, ...composeEnvironment(gateway) }),
      );
      expect(stringAt(gateway, 'depends_on.redis.condition')).toBe('service_healthy');
      expect(['service_started', 'service_healthy']).toContain(
        stringAt(gateway, 'depends_on.emulator.condition'),
      );
      expect(stringAt(gateway, 'image')).toBe(stringAt(SERVICES, 'emulator.image'));
      expect(mappingAt(gateway, 'build')).toEqual({
        context: '..',
        dockerfile: 'docker/Dockerfile',
      });
    },
  );

  it('the gateway healthcheck passes on 200 from /health/ready and fails on 503 (run for real)', async () => {
    const test = strings(listAt(SERVICES, `${GATEWAYS[0]}.healthcheck.test`), 'healthcheck');
    const ready = await healthcheckOutcome(test, IMAGE_PORT, 200);
    expect(ready).toEqual({ exit: 0, paths: ['/health/ready'] });
    const draining = await healthcheckOutcome(test, IMAGE_PORT, 503);
    expect(draining.exit).not.toBe(0);
  });

  it('the emulator healthcheck passes on 200 and fails otherwise (run for real)', async () => {
    const test = strings(listAt(SERVICES, 'emulator.healthcheck.test'), 'healthcheck');
    expect((await healthcheckOutcome(test, 4599, 200)).exit).toBe(0);
    expect((await healthcheckOutcome(test, 4599, 500)).exit).not.toBe(0);
  });

  it('the load balancer publishes 4000 and mounts docker/haproxy.cfg read-only', () => {
    const lb = mappingAt(SERVICES, 'loadbalancer');
    expect(stringAt(lb, 'image')).toMatch(/^haproxy:\d/);
    expect(strings(listAt(lb, 'ports'), 'ports')).toEqual(['4000:4000']);
    const volumes = strings(listAt(lb, 'volumes'), 'volumes');
    expect(volumes).toEqual(['./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro']);
    expect(existsSync(join(DOCKER, 'haproxy.cfg'))).toBe(true);
    for (const gateway of GATEWAYS) {
      expect(lb).toMatchObject({ depends_on: { [gateway]: { condition: expect.any(String) } } });
    }
  });
});

describe('docker/haproxy.cfg', () => {
  const sections = haproxySections(HAPROXY_CFG);
  const backend = sections.get('backend gateways') ?? [];
  const defaults = sections.get('defaults') ?? [];

  it('is the helper’s rendering for the compose gateways, plus comments', () => {
    const rendered = haproxyConfig({
      bind: ':4000',
      servers: COMPOSE_SERVERS,
      nameserver: '127.0.0.11:53',
    });
    expect(haproxyLines(HAPROXY_CFG)).toEqual(haproxyLines(rendered));
  });

  it('listens on the port compose publishes and balances over every gateway', () => {
    expect(sections.get('frontend graphql')).toEqual(['bind :4000', 'default_backend gateways']);
    const servers = backend.filter((d) => d.startsWith('server '));
    expect(servers.map((s) => s.split(' ')[2])).toEqual(GATEWAYS.map((g) => `${g}:${IMAGE_PORT}`));
    for (const server of servers) expect(server).toMatch(/ check( |$)/);
  });

  it('checks readiness, retries safely, forwards the client address', () => {
    expect(backend).toEqual(
      expect.arrayContaining([
        'balance roundrobin',
        'option httpchk GET /health/ready',
        'http-check expect status 200',
        'retries 3',
        'retry-on conn-failure empty-response response-timeout',
        'option forwardfor',
      ]),
    );
    expect(backend.some((d) => /^option redispatch( |$)/.test(d))).toBe(true);
    // Replaying a request that reached a replica is kept for GET (queries only): never a mutation.
    expect(backend).toContain('http-request disable-l7-retry unless METH_GET || METH_OPTIONS');
    expect(backend.find((d) => d.startsWith('default-server '))).toMatch(
      /^default-server inter 1s fall 2 rise 2 .*init-addr last,libc,none/,
    );
    expect(defaults).toEqual(
      expect.arrayContaining(['timeout connect 2s', 'timeout client 30s', 'timeout server 30s']),
    );
  });

  it('shares its defaults and backend directives with a config rendered for local ports', () => {
    const local = haproxySections(
      haproxyConfig({
        bind: '127.0.0.1:14000',
        servers: [
          { name: 'a', host: '127.0.0.1', port: 14001 },
          { name: 'b', host: '127.0.0.1', port: 14002 },
        ],
      }),
    );
    const withoutServers = (lines: string[] | undefined) =>
      (lines ?? []).filter((d) => !d.startsWith('server '));
    expect(local.get('defaults')).toEqual(defaults);
    expect(withoutServers(local.get('backend gateways'))).toEqual(withoutServers(backend));
    expect(defaults).toEqual([...HAPROXY_DEFAULTS]);
    expect(withoutServers(backend)).toEqual([...HAPROXY_BACKEND]);
    expect(local.has('resolvers docker')).toBe(false);
  });

  withHaproxy('passes `haproxy -c` (the compose names need not resolve here)', () => {
    const check = haproxyCheck(HAPROXY_CFG);
    expect(check).toMatchObject({ status: 0 }); // on failure, shows HAProxy's output
    // The only warnings allowed: gateway-1/gateway-2 do not resolve outside compose.
    expect(
      check.warnings.filter((w) => !/could not resolve address 'gateway-\d+'/.test(w)),
    ).toEqual([]);
  });

  withHaproxy('a config rendered for local ports passes `haproxy -c` without a warning', () => {
    const check = haproxyCheck(
      haproxyConfig({
        bind: '127.0.0.1:14000',
        servers: [{ name: 'a', host: '127.0.0.1', port: 14001 }],
      }),
    );
    expect(check).toMatchObject({ status: 0, warnings: [] });
  });

  withHaproxy('`haproxy -c` fails on a broken directive (the check itself works)', () => {
    const broken = HAPROXY_CFG.replace('retry-on conn-failure', 'retry-on conn-failur');
    expect(broken).not.toBe(HAPROXY_CFG);
    expect(haproxyCheck(broken).status).not.toBe(0);
  });
});

describe('docker/kubernetes', () => {
  it('kustomization.yaml lists every manifest, and the image it renames is the Deployment’s', () => {
    const kustomization: unknown = parse(read(join(KUBERNETES, 'kustomization.yaml')));
    const resources = strings(listAt(kustomization, 'resources'), 'resources');
    expect([...resources].sort()).toEqual(
      KUBERNETES_FILES.filter((f) => f !== 'kustomization.yaml').sort(),
    );
    const images = listAt(kustomization, 'images').map((_, i) =>
      stringAt(kustomization, `images.${i}.name`),
    );
    expect(images).toContain(stringAt(CONTAINER, 'image').split(':')[0]);
  });

  it('has the objects a deployment needs', () => {
    expect(OBJECTS.map((o) => o.kind).sort()).toEqual(
      [
        'ConfigMap',
        'Deployment',
        'HorizontalPodAutoscaler',
        'PodDisruptionBudget',
        'Secret',
        'Service',
        'ServiceAccount',
      ].sort(),
    );
  });

  it('Deployment: two replicas, probes on the health routes and the image’s port', () => {
    expect(numberAt(DEPLOYMENT, 'spec.replicas')).toBeGreaterThanOrEqual(2);
    expect(mappingAt(DEPLOYMENT, 'spec.selector.matchLabels')).toEqual(POD_LABELS);
    expect(containerPort('http')).toBe(IMAGE_PORT);
    expect(stringAt(CONTAINER, 'readinessProbe.httpGet.path')).toBe('/health/ready');
    expect(containerPort(at(CONTAINER, 'readinessProbe.httpGet.port'))).toBe(IMAGE_PORT);
    expect(stringAt(CONTAINER, 'livenessProbe.httpGet.path')).toBe('/health/live');
    expect(containerPort(at(CONTAINER, 'livenessProbe.httpGet.port'))).toBe(IMAGE_PORT);
    if (CONTAINER.startupProbe !== undefined) {
      // Liveness waits for it: it must not depend on AWS either.
      expect(stringAt(CONTAINER, 'startupProbe.httpGet.path')).toBe('/health/live');
    }
  });

  it('Deployment: terminates gracefully (preStop pause, then a grace longer than the drain)', () => {
    const pause = preStopSeconds();
    expect(pause).toBeGreaterThan(0);
    expect(
      numberAt(DEPLOYMENT, 'spec.template.spec.terminationGracePeriodSeconds'),
    ).toBeGreaterThan(
      pause +
        stopSeconds({ ...IMAGE_ENV, ...(mappingAt(CONFIG_MAP, 'data') as Record<string, string>) }),
    );
    expect(mappingAt(DEPLOYMENT, 'spec.strategy.rollingUpdate')).toMatchObject({
      maxUnavailable: 0,
    });
  });

  it('Deployment: non-root, read-only, no privilege escalation, no capabilities', () => {
    const pod = mappingAt(DEPLOYMENT, 'spec.template.spec.securityContext');
    expect(pod.runAsNonRoot).toBe(true);
    // A numeric user: the kubelet cannot check that a user name is not root.
    expect(numberAt(pod, 'runAsUser')).toBeGreaterThan(0);
    const container = mappingAt(CONTAINER, 'securityContext');
    expect(container).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
    });
    expect(strings(listAt(container, 'capabilities.drop'), 'drop')).toContain('ALL');
    expect(at(DEPLOYMENT, 'spec.template.spec.automountServiceAccountToken')).toBe(false);
    expect(stringAt(DEPLOYMENT, 'spec.template.spec.serviceAccountName')).toBe(
      OBJECTS.find((o) => o.kind === 'ServiceAccount')?.name,
    );
  });

  it('Deployment: resources requested (the HPA’s CPU target is a share of the request) and limited', () => {
    for (const path of ['requests.cpu', 'requests.memory', 'limits.memory']) {
      expect(String(at(CONTAINER, `resources.${path}`))).toMatch(/^\d+(\.\d+)?(m|Mi|Gi)?$/);
    }
  });

  it('Deployment: plain settings from the ConfigMap, REDIS_URL from the Secret', () => {
    expect(stringAt(CONTAINER, 'envFrom.0.configMapRef.name')).toBe(
      stringAt(CONFIG_MAP, 'metadata.name'),
    );
    const redis = listAt(CONTAINER, 'env').find((e) => isMapping(e) && e.name === 'REDIS_URL');
    expect(redis).toEqual({
      name: 'REDIS_URL',
      valueFrom: {
        secretKeyRef: { name: stringAt(SECRET, 'metadata.name'), key: 'REDIS_URL' },
      },
    });
    expect(stringAt(SECRET, 'stringData.REDIS_URL')).toMatch(/^rediss?:\/\//);
    expect(mappingAt(CONFIG_MAP, 'data').REDIS_URL).toBeUndefined();
  });

  it('ConfigMap + Secret: string values that make a valid production configuration', () => {
    const data = mappingAt(CONFIG_MAP, 'data');
    for (const [name, value] of Object.entries(data)) {
      expect([name, typeof value]).toEqual([name, 'string']); // Kubernetes refuses other types
    }
    const env = {
      ...IMAGE_ENV,
      ...(data as Record<string, string>),
      REDIS_URL: stringAt(SECRET, 'stringData.REDIS_URL'),
    };
    const config = loadConfig(env);
    expect(config).toMatchObject({
      production: true,
      backend: 'aws',
      authMode: 'jwt',
      introspection: false,
    });
    expect(config.auth.jwksUrl).toMatch(/^https:\/\//);
    expect(config.auth.issuer).toBeDefined();
    expect(config.auth.audience?.length).toBeGreaterThan(0);
    expect(config.fleet).toMatchObject({
      upstreamRateLimits: { '*': 5 },
      cacheTtlSeconds: 30,
      trustProxy: 1,
    });
    expect(config.fleet.redisUrl).toBe(env.REDIS_URL);
  });

  it('Secret: says it is an example', () => {
    const file = OBJECTS.find((o) => o.kind === 'Secret')?.file as string;
    expect(file).toMatch(/example/);
    expect(read(join(KUBERNETES, file)).split('\n')[0]).toMatch(/^#.*\bexample\b/i);
  });

  it('Service: ClusterIP on 4000 to the container’s port, selecting the pods', () => {
    const service = one('Service');
    expect(stringAt(service, 'spec.type')).toBe('ClusterIP');
    expect(numberAt(service, 'spec.ports.0.port')).toBe(4000);
    expect(containerPort(at(service, 'spec.ports.0.targetPort'))).toBe(IMAGE_PORT);
    expect(mappingAt(service, 'spec.selector')).toEqual(POD_LABELS);
  });

  it('HorizontalPodAutoscaler: autoscaling/v2 on CPU, at least two replicas', () => {
    const hpa = one('HorizontalPodAutoscaler');
    expect(stringAt(hpa, 'apiVersion')).toBe('autoscaling/v2');
    expect(mappingAt(hpa, 'spec.scaleTargetRef')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: stringAt(DEPLOYMENT, 'metadata.name'),
    });
    const min = numberAt(hpa, 'spec.minReplicas');
    expect(min).toBeGreaterThanOrEqual(2);
    expect(numberAt(hpa, 'spec.maxReplicas')).toBeGreaterThanOrEqual(min);
    expect(numberAt(DEPLOYMENT, 'spec.replicas')).toBe(min);
    expect(mappingAt(hpa, 'spec.metrics.0')).toMatchObject({
      type: 'Resource',
      resource: { name: 'cpu', target: { type: 'Utilization' } },
    });
  });

  it('PodDisruptionBudget: one pod always up, and a drain can still evict one', () => {
    const pdb = one('PodDisruptionBudget');
    expect(stringAt(pdb, 'apiVersion')).toBe('policy/v1');
    const minAvailable = numberAt(pdb, 'spec.minAvailable');
    expect(minAvailable).toBeGreaterThanOrEqual(1);
    expect(minAvailable).toBeLessThan(numberAt(one('HorizontalPodAutoscaler'), 'spec.minReplicas'));
    expect(mappingAt(pdb, 'spec.selector.matchLabels')).toEqual(POD_LABELS);
  });
});
