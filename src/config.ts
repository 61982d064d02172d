/**
 * Environment → typed configuration, validated once at start. A bad value is a start-up error
 * that names the variable (the README's Configuration table documents every variable).
 */
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './shared/logger';

const boolFlag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['true', '1', 'on', 'yes'].includes(v));

const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

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
});

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
  /** AWS calls one GraphQL operation may make in total before it is refused. */
  maxUpstreamCalls: number;
  /** Per-attempt timeout of one AWS call. */
  upstreamTimeoutMs: number;
  logLevel: LogLevel;
  authMode: 'none';
}

export const DEFAULTS = {
  port: 4000,
  host: '127.0.0.1',
  region: 'us-east-1',
  upstreamConcurrency: 16,
  maxUpstreamCalls: 250,
  upstreamTimeoutMs: 10_000,
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
  // JWT verification is not part of this version: production must opt out of it explicitly
  // instead of silently serving unauthenticated requests.
  const authMode = e.AUTH_MODE ?? (production ? 'jwt' : 'none');
  if (authMode === 'jwt') {
    throw new ConfigError(
      'AUTH_MODE',
      e.AUTH_MODE
        ? 'jwt is not supported by this version of the gateway; use AUTH_MODE=none behind an authenticating router'
        : 'production defaults to jwt, which this version does not support; set AUTH_MODE=none explicitly to run without authentication',
    );
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
  };
}
