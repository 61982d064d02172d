/**
 * .env.example lists every variable, each commented out at its default: a test fails when the
 * README's Configuration table names a variable the file lacks, and when a value the file shows
 * is not what the gateway really uses with the variable unset.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';

const ROOT = join(__dirname, '..', '..');
const ENV_EXAMPLE = readFileSync(join(ROOT, '.env.example'), 'utf8');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** `# NAME=value` lines: the variables and the defaults the file shows. */
const SHOWN = new Map(
  [...ENV_EXAMPLE.matchAll(/^# ([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [
    m[1] as string,
    m[2] as string,
  ]),
);

/** Variables of the README's Configuration table (`PORT`, `HOST` share a row). */
function readmeVariables(): string[] {
  const start = README.indexOf('\n## Configuration');
  const section = README.slice(start, README.indexOf('\n## ', start + 1));
  return [...section.matchAll(/^\|([^|]*)\|/gm)].flatMap((row) =>
    [...(row[1] as string).matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1] as string),
  );
}

describe('.env.example', () => {
  it('sets nothing: every variable line is commented out', () => {
    expect(ENV_EXAMPLE).not.toMatch(/^[A-Z][A-Z0-9_]*=/m);
    expect(SHOWN.size).toBeGreaterThanOrEqual(25);
  });

  it('lists every variable of the README’s Configuration table', () => {
    const variables = readmeVariables();
    expect(variables).toEqual(expect.arrayContaining(['PORT', 'HOST', 'LOG_LEVEL', 'AUTH_MODE']));
    expect(variables.filter((name) => !SHOWN.has(name))).toEqual([]);
  });

  it.each([...SHOWN].map(([name, value]) => [name, value]))(
    '%s=%s is what the gateway uses when it is unset',
    (name, value) => {
      expect(loadConfig({ [name]: value })).toEqual(loadConfig({}));
    },
  );

  it('notices a default that is not the real one (the check itself works)', () => {
    expect(loadConfig({ PORT: '4001' })).not.toEqual(loadConfig({}));
  });
});
