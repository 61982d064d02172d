/**
 * The log format follows the reader: on a terminal outside production, pino-pretty's readable
 * lines; on a pipe (a log shipper, the process tests) or in production, one JSON object per
 * line. The terminal is a real pseudo-terminal from util-linux's `script`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { wantsPrettyLogs } from '../../../src/shared/logger';

const ROOT = join(__dirname, '..', '..', '..');
const PROBE = `require('./src/shared/logger').logger.info({ answer: 42 }, 'probe line'); process.exit(0);`;
const NODE = [process.execPath, '-r', 'ts-node/register/transpile-only', '-e', PROBE];

jest.setTimeout(30_000);

function run(terminal: boolean, env: Record<string, string>): string {
  const quoted = NODE.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const [command, ...args] = terminal ? ['script', '-qfec', quoted, '/dev/null'] : NODE;
  const result = spawnSync(command as string, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: '', ...env },
  });
  if (result.status !== 0) throw new Error(`${command} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

describe('wantsPrettyLogs', () => {
  it.each([
    [true, 'development', true],
    [true, '', true],
    [true, 'test', true],
    [true, 'production', false],
    [false, 'development', false],
    [undefined, 'development', false],
  ])('isTTY=%s, NODE_ENV=%s → %s', (isTTY, nodeEnv, expected) => {
    expect(wantsPrettyLogs({ NODE_ENV: nodeEnv }, { isTTY })).toBe(expected);
  });
});

describe('the process logger', () => {
  it('writes JSON lines to a pipe', () => {
    const lines = run(false, {}).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      level: 30,
      answer: 42,
      msg: 'probe line',
    });
  });

  it('writes readable lines to a terminal', () => {
    const output = run(true, {});
    expect(output).not.toMatch(/^\{/m);
    expect(output).toMatch(/INFO.*probe line/);
    expect(output).toMatch(/answer.*42/);
  });

  it('keeps JSON lines on a terminal in production', () => {
    const output = run(true, { NODE_ENV: 'production' }).trim();
    expect(JSON.parse(output)).toMatchObject({ answer: 42, msg: 'probe line' });
  });
});
