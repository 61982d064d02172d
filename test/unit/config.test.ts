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
  // Production defaults to AUTH_MODE=jwt, which this version refuses: running without
  // authentication must be explicit there.
  const PRODUCTION = { NODE_ENV: 'production', AUTH_MODE: 'none' };

  it('defaults to the aws backend with introspection off', () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({
      production: true,
      backend: 'aws',
      introspection: false,
    });
  });

  it('refuses to start without an explicit AUTH_MODE', () => {
    const error = configError({ NODE_ENV: 'production' });
    expect(error.variable).toBe('AUTH_MODE');
    expect(error.message).toContain('AUTH_MODE');
  });

  it('still honours explicit choices', () => {
    expect(
      loadConfig({ ...PRODUCTION, CLEANROOMS_BACKEND: 'embedded', INTROSPECTION: 'on' }),
    ).toMatchObject({ backend: 'embedded', introspection: true });
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
