/**
 * Environment → configuration: the documented defaults, production switches, and a ConfigError
 * naming the variable for every bad value (as the README's Configuration section promises).
 */
import { ConfigError, loadConfig } from '../../src/config';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('serves the embedded emulator on 127.0.0.1:4000 with introspection outside production', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      production: false,
      port: 4000,
      host: '127.0.0.1',
      backend: 'embedded',
      region: 'us-east-1',
      introspection: true,
      logLevel: 'info',
    });
    expect(config.endpoint).toBeUndefined();
    expect(config.upstreamConcurrency).toBeGreaterThanOrEqual(16);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', CLEANROOMS_BACKEND: '' })).toMatchObject({
      port: 4000,
      backend: 'embedded',
    });
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ SOMETHING_ELSE: 'whatever' })).not.toThrow();
  });

  it('reads valid values', () => {
    expect(
      loadConfig({
        PORT: '0',
        HOST: '0.0.0.0',
        AWS_REGION: 'eu-west-1',
        UPSTREAM_CONCURRENCY: '4',
        LOG_LEVEL: 'debug',
        INTROSPECTION: 'false',
      }),
    ).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      region: 'eu-west-1',
      upstreamConcurrency: 4,
      logLevel: 'debug',
      introspection: false,
    });
  });
});

describe('production', () => {
  // Running without authentication in production must be explicit.
  const PRODUCTION = { NODE_ENV: 'production', AUTH_MODE: 'none' };

  it('defaults to the aws backend with introspection off', () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({
      production: true,
      backend: 'aws',
      introspection: false,
    });
  });

  it('verifies JWTs by default, and refuses to start without AUTH_JWKS_URL', () => {
    const error = configError({ NODE_ENV: 'production' });
    expect(error.variable).toBe('AUTH_JWKS_URL');
    expect(error.message).toContain('AUTH_MODE=none');
    expect(
      loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks.json' }).auth,
    ).toMatchObject({ mode: 'jwt', jwksUrl: 'https://idp.example/jwks.json' });
  });

  it('still honours explicit choices', () => {
    expect(
      loadConfig({ ...PRODUCTION, CLEANROOMS_BACKEND: 'embedded', INTROSPECTION: 'on' }),
    ).toMatchObject({ backend: 'embedded', introspection: true });
  });
});

describe('authentication', () => {
  const JWT = { AUTH_MODE: 'jwt', AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json' };

  it('has the documented defaults', () => {
    expect(loadConfig(JWT).auth).toEqual({
      mode: 'jwt',
      jwksUrl: JWT.AUTH_JWKS_URL,
      issuer: undefined,
      audience: undefined,
      algorithms: ['RS256', 'ES256'],
      clockToleranceSeconds: 60,
      readScope: 'cleanrooms:read',
      writeScope: 'cleanrooms:write',
      declareAccessDirectives: true,
    });
    expect(loadConfig({}).auth.mode).toBe('none');
    expect(loadConfig({ FEDERATION_AUTH_DIRECTIVES: 'false' }).auth.declareAccessDirectives).toBe(
      false,
    );
  });

  it('reads issuer, audiences, algorithms, tolerance and scopes', () => {
    expect(
      loadConfig({
        ...JWT,
        AUTH_ISSUER: 'https://idp.example/',
        AUTH_AUDIENCE: 'cleanrooms-gateway, supergraph',
        AUTH_ALGORITHMS: 'ES384,PS256',
        AUTH_CLOCK_TOLERANCE_S: '5',
        AUTH_READ_SCOPE: 'cr.read',
        AUTH_WRITE_SCOPE: 'cr.write',
      }).auth,
    ).toMatchObject({
      issuer: 'https://idp.example/',
      audience: ['cleanrooms-gateway', 'supergraph'],
      algorithms: ['ES384', 'PS256'],
      clockToleranceSeconds: 5,
      readScope: 'cr.read',
      writeScope: 'cr.write',
    });
  });

  it.each([
    ['AUTH_JWKS_URL', { AUTH_MODE: 'jwt' }],
    ['AUTH_JWKS_URL', { ...JWT, AUTH_JWKS_URL: 'http://idp.example/jwks.json' }],
    ['AUTH_ALGORITHMS', { ...JWT, AUTH_ALGORITHMS: 'none' }],
    ['AUTH_ALGORITHMS', { ...JWT, AUTH_ALGORITHMS: 'RS256,HS256' }],
    ['AUTH_ALGORITHMS', { ...JWT, AUTH_ALGORITHMS: ',' }],
    ['AUTH_CLOCK_TOLERANCE_S', { ...JWT, AUTH_CLOCK_TOLERANCE_S: '-1' }],
    ['AUTH_READ_SCOPE', { ...JWT, AUTH_READ_SCOPE: 'two words' }],
    ['AUTH_WRITE_SCOPE', { ...JWT, AUTH_WRITE_SCOPE: 'cleanrooms:read' }],
  ])('refuses a bad %s', (variable, env) => {
    expect(configError(env).variable).toBe(variable);
  });

  it('accepts a plain-http JWKS only on loopback (a test identity provider)', () => {
    expect(
      loadConfig({ ...JWT, AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks.json' }).auth.jwksUrl,
    ).toBe('http://127.0.0.1:8080/jwks.json');
  });
});

describe('limits and CORS', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      limits: { maxDepth: 10, maxAliases: 30, maxTokens: 2000, maxDirectives: 20 },
      corsOrigins: [],
    });
  });

  it('reads them', () => {
    expect(
      loadConfig({
        MAX_DEPTH: '4',
        MAX_ALIASES: '2',
        MAX_TOKENS: '300',
        MAX_DIRECTIVES: '3',
        CORS_ORIGINS: 'https://app.example.com, http://localhost:3000',
      }),
    ).toMatchObject({
      limits: { maxDepth: 4, maxAliases: 2, maxTokens: 300, maxDirectives: 3 },
      corsOrigins: ['https://app.example.com', 'http://localhost:3000'],
    });
  });

  it.each([
    ['MAX_DEPTH', '0'],
    ['MAX_ALIASES', 'lots'],
    ['MAX_TOKENS', '1e9'],
    ['CORS_ORIGINS', 'https://app.example.com/path'],
    ['CORS_ORIGINS', '*'],
  ])('refuses %s=%s', (variable, value) => {
    expect(configError({ [variable]: value }).variable).toBe(variable);
  });
});

describe('CLEANROOMS_ENDPOINT', () => {
  it('implies the aws backend', () => {
    expect(loadConfig({ CLEANROOMS_ENDPOINT: 'http://127.0.0.1:4599' })).toMatchObject({
      backend: 'aws',
      endpoint: 'http://127.0.0.1:4599',
    });
    expect(
      loadConfig({ CLEANROOMS_ENDPOINT: 'https://cleanrooms.example', CLEANROOMS_BACKEND: 'aws' }),
    ).toMatchObject({ backend: 'aws', endpoint: 'https://cleanrooms.example' });
  });

  it('conflicts with CLEANROOMS_BACKEND=embedded', () => {
    const error = configError({
      CLEANROOMS_ENDPOINT: 'http://127.0.0.1:4599',
      CLEANROOMS_BACKEND: 'embedded',
    });
    expect(error.variable).toBe('CLEANROOMS_ENDPOINT');
    expect(error.message).toContain('CLEANROOMS_ENDPOINT');
  });
});

describe('bad values name their variable', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['CLEANROOMS_BACKEND', 'foo'],
    ['AWS_REGION', 'nowhere'],
    ['UPSTREAM_CONCURRENCY', '0'],
    ['UPSTREAM_CONCURRENCY', 'many'],
    ['LOG_LEVEL', 'loud'],
    ['INTROSPECTION', 'maybe'],
    ['CLEANROOMS_ENDPOINT', 'ftp://x'],
    ['CLEANROOMS_ENDPOINT', 'not a url'],
    ['MAX_UPSTREAM_CALLS', '0'],
    ['UPSTREAM_TIMEOUT_MS', '1.5'],
    ['AUTH_MODE', 'basic'],
  ])('%s=%s', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe('ConfigError');
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('names the bad variable even when other variables are valid', () => {
    const error = configError({ PORT: '8080', HOST: 'localhost', LOG_LEVEL: 'loud' });
    expect(error.variable).toBe('LOG_LEVEL');
  });
});
