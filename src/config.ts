/**
 * Environment → typed configuration, validated once at start. A bad value is a start-up error
 * that names the variable (the README's Configuration table documents every variable).
 */
import { z } from 'zod';
import {
  boolFlag,
  commaList,
  JWT_ALGORITHMS,
  origin,
  positiveInt,
  rateLimits,
  scopeName,
  trustProxy,
  wholeNumber,
} from './config-values';
import { LOG_LEVELS, type LogLevel } from './shared/logger';

const schema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z
    .string()
    .regex(/^\d+$/, 'must be a port number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(65535))
    .optional(),
  HOST: z.string().min(1).optional(),
  CLEANROOMS_BACKEND: z.enum(['embedded', 'aws']).optional(),
  CLEANROOMS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as us-east-1')
    .optional(),
  INTROSPECTION: boolFlag.optional(),
  UPSTREAM_CONCURRENCY: positiveInt(256).optional(),
  MAX_UPSTREAM_CALLS: positiveInt(100_000).optional(),
  UPSTREAM_TIMEOUT_MS: positiveInt(120_000).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  AUTH_MODE: z.enum(['none', 'jwt']).optional(),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: commaList(z.string().min(1), 'audience').optional(),
  AUTH_ALGORITHMS: commaList(
    z.enum(JWT_ALGORITHMS, {
      error: `must be asymmetric JWT algorithms (${JWT_ALGORITHMS.join(', ')}); never none or HMAC`,
    }),
    'algorithm',
  ).optional(),
  AUTH_CLOCK_TOLERANCE_S: wholeNumber('seconds', 600).optional(),
  AUTH_READ_SCOPE: scopeName.optional(),
  FEDERATION_AUTH_DIRECTIVES: boolFlag.optional(),
  AUTH_WRITE_SCOPE: scopeName.optional(),
  MAX_DEPTH: positiveInt(100).optional(),
  MAX_ALIASES: positiveInt(1000).optional(),
  MAX_TOKENS: positiveInt(100_000).optional(),
  MAX_DIRECTIVES: positiveInt(1000).optional(),
  CORS_ORIGINS: commaList(origin, 'origin').optional(),
  UPSTREAM_RATE_LIMITS: rateLimits.optional(),
  UPSTREAM_QUEUE_TIMEOUT_MS: wholeNumber('milliseconds', 60_000).optional(),
  CACHE_TTL_SECONDS: wholeNumber('seconds', 86_400).optional(),
  RATE_LIMIT_PER_MINUTE: positiveInt(1_000_000).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  TRUST_PROXY: trustProxy.optional(),
  SHUTDOWN_DELAY_MS: wholeNumber('milliseconds', 60_000).optional(),
});

/**
 * Every environment variable the gateway reads, straight from the schema above: deployment files
 * are checked against it (test/unit/deployment.test.ts), so a misspelt name cannot hide there.
 */
export const CONFIG_VARIABLES: readonly string[] = Object.freeze(Object.keys(schema.shape));

export interface AuthConfig {
  /** `none` grants every request everything (development); `jwt` verifies bearer tokens. */
  mode: 'none' | 'jwt';
  jwksUrl?: string;
  issuer?: string;
  audience?: string[];
  algorithms: string[];
  clockToleranceSeconds: number;
  readScope: string;
  writeScope: string;
  /** Publish @authenticated/@requiresScopes in the SDL (enforced by the subgraph either way). */
  declareAccessDirectives: boolean;
}

export interface Limits {
  /** Deepest field nesting of an operation (fragments flattened, introspection exempt). */
  maxDepth: number;
  maxAliases: number;
  /** Lexical tokens of a document; parsing stops beyond it. */
  maxTokens: number;
  maxDirectives: number;
}

export interface Config {
  production: boolean;
  port: number;
  host: string;
  backend: 'embedded' | 'aws';
  endpoint?: string;
  region: string;
  introspection: boolean;
  /** Parallel AWS calls one GraphQL request may have in flight (loader batches). */
  upstreamConcurrency: number;
  /** AWS calls one GraphQL operation may make (its static estimate, and at run time). */
  maxUpstreamCalls: number;
  /** Per-attempt timeout of one AWS call. */
  upstreamTimeoutMs: number;
  logLevel: LogLevel;
  /** Kept for the places that only need the mode. */
  authMode: 'none' | 'jwt';
  auth: AuthConfig;
  limits: Limits;
  /** Origins a browser may call the gateway from (CORS); none by default. */
  corsOrigins: string[];
  fleet: FleetConfig;
  /**
   * On SIGTERM: how long the replica keeps serving, readiness already 503, before it closes its
   * listener (a load balancer's health checks need that long to take it out of rotation).
   */
  shutdownDelayMs: number;
}

export interface FleetConfig {
  /** AWS calls per second for the whole fleet, per operation (`*`: every other); undefined: off. */
  upstreamRateLimits?: Record<string, number>;
  /** Longest wait of one AWS call for its turn; past it the call fails THROTTLED unsent. */
  upstreamQueueTimeoutMs: number;
  /** Shared read cache of AWS results; 0 turns it off. */
  cacheTtlSeconds: number;
  /** GraphQL requests per caller per minute across the fleet; undefined: off. */
  rateLimitPerMinute?: number;
  /** Where the fleet keeps shared state; undefined: in process memory. */
  redisUrl?: string;
  /** Express `trust proxy`: whose X-Forwarded-For names the client. */
  trustProxy: boolean | number | string[];
}

export const DEFAULTS = {
  port: 4000,
  host: '127.0.0.1',
  region: 'us-east-1',
  upstreamConcurrency: 16,
  maxUpstreamCalls: 250,
  upstreamTimeoutMs: 10_000,
  authAlgorithms: ['RS256', 'ES256'],
  authClockToleranceSeconds: 60,
  readScope: 'cleanrooms:read',
  writeScope: 'cleanrooms:write',
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 2_000,
  maxDirectives: 20,
  /** AWS's published request-rate quota of the Clean Rooms APIs, per account and region. */
  awsRateLimits: { '*': 5 },
  upstreamQueueTimeoutMs: 5_000,
  /** Covers HAProxy's `inter 1s fall 2` (docker/haproxy.cfg) with a second to spare. */
  shutdownDelayMs: 3_000,
  /** After the shutdown delay: the longest wait for in-flight requests before the process exits. */
  drainTimeoutMs: 10_000,
} as const;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid environment variable ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Reads the configuration; throws `ConfigError` naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k in schema.shape && v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      String(issue?.path[0] ?? 'environment'),
      issue?.message ?? 'invalid value',
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (e.CLEANROOMS_ENDPOINT && e.CLEANROOMS_BACKEND === 'embedded') {
    throw new ConfigError(
      'CLEANROOMS_ENDPOINT',
      'an endpoint override implies CLEANROOMS_BACKEND=aws; unset one of them',
    );
  }
  const authMode = e.AUTH_MODE ?? (production ? 'jwt' : 'none');
  if (authMode === 'jwt' && !e.AUTH_JWKS_URL) {
    throw new ConfigError(
      'AUTH_JWKS_URL',
      e.AUTH_MODE
        ? 'AUTH_MODE=jwt needs the URL of the JSON Web Key Set that signs the tokens'
        : 'production verifies JWTs by default (AUTH_MODE=jwt) and needs the URL of the JSON Web Key Set; set AUTH_MODE=none explicitly to run without authentication behind a router that authenticates',
    );
  }
  if (e.AUTH_JWKS_URL && e.AUTH_JWKS_URL.startsWith('http:') && !isLoopback(e.AUTH_JWKS_URL)) {
    throw new ConfigError('AUTH_JWKS_URL', 'must use https (plain http only on loopback)');
  }
  const readScope = e.AUTH_READ_SCOPE ?? DEFAULTS.readScope;
  const writeScope = e.AUTH_WRITE_SCOPE ?? DEFAULTS.writeScope;
  if (readScope === writeScope) {
    throw new ConfigError('AUTH_WRITE_SCOPE', 'must differ from AUTH_READ_SCOPE');
  }
  const backend = e.CLEANROOMS_ENDPOINT
    ? 'aws'
    : (e.CLEANROOMS_BACKEND ?? (production ? 'aws' : 'embedded'));
  return {
    production,
    port: e.PORT ?? DEFAULTS.port,
    host: e.HOST ?? DEFAULTS.host,
    backend,
    endpoint: e.CLEANROOMS_ENDPOINT,
    region: e.AWS_REGION ?? DEFAULTS.region,
    introspection: e.INTROSPECTION ?? !production,
    upstreamConcurrency: e.UPSTREAM_CONCURRENCY ?? DEFAULTS.upstreamConcurrency,
    maxUpstreamCalls: e.MAX_UPSTREAM_CALLS ?? DEFAULTS.maxUpstreamCalls,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS ?? DEFAULTS.upstreamTimeoutMs,
    logLevel: e.LOG_LEVEL ?? 'info',
    authMode,
    auth: {
      mode: authMode,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      algorithms: e.AUTH_ALGORITHMS ?? [...DEFAULTS.authAlgorithms],
      clockToleranceSeconds: e.AUTH_CLOCK_TOLERANCE_S ?? DEFAULTS.authClockToleranceSeconds,
      readScope,
      writeScope,
      declareAccessDirectives: e.FEDERATION_AUTH_DIRECTIVES ?? true,
    },
    limits: {
      maxDepth: e.MAX_DEPTH ?? DEFAULTS.maxDepth,
      maxAliases: e.MAX_ALIASES ?? DEFAULTS.maxAliases,
      maxTokens: e.MAX_TOKENS ?? DEFAULTS.maxTokens,
      maxDirectives: e.MAX_DIRECTIVES ?? DEFAULTS.maxDirectives,
    },
    corsOrigins: e.CORS_ORIGINS ?? [],
    fleet: {
      // Unset: AWS's documented quotas when the SDK's own AWS endpoint is used; off for an
      // emulator (embedded or CLEANROOMS_ENDPOINT), which has no quota unless asked for one.
      upstreamRateLimits:
        e.UPSTREAM_RATE_LIMITS === undefined
          ? backend === 'aws' && !e.CLEANROOMS_ENDPOINT
            ? { ...DEFAULTS.awsRateLimits }
            : undefined
          : (e.UPSTREAM_RATE_LIMITS ?? undefined),
      upstreamQueueTimeoutMs: e.UPSTREAM_QUEUE_TIMEOUT_MS ?? DEFAULTS.upstreamQueueTimeoutMs,
      cacheTtlSeconds: e.CACHE_TTL_SECONDS ?? 0,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      redisUrl: e.REDIS_URL,
      trustProxy: e.TRUST_PROXY ?? false,
    },
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS ?? DEFAULTS.shutdownDelayMs,
  };
}
