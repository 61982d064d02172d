import { parseCliArgs, USAGE } from '../../../src/emulator/cli-args';

describe('parseCliArgs', () => {
  it('defaults to port 4599 on 127.0.0.1, empty, without quota', () => {
    expect(parseCliArgs([])).toEqual({ port: 4599, host: '127.0.0.1', seed: false, help: false });
  });

  it('reads every option', () => {
    expect(
      parseCliArgs(['--port', '0', '--host', '0.0.0.0', '--seed', '--quota-rate', '2.5']),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      seed: true,
      help: false,
      quota: { ratePerSecond: 2.5, burst: 3 },
    });
    expect(parseCliArgs(['--quota-burst', '7', '--quota-rate', '5']).quota).toEqual({
      ratePerSecond: 5,
      burst: 7,
    });
    expect(parseCliArgs(['-h']).help).toBe(true);
  });

  it.each([
    [['--port', 'seventy'], /invalid --port seventy/],
    [['--port', '70000'], /invalid --port 70000/],
    [['--port'], /--port needs a value/],
    [['--quota-rate'], /--quota-rate needs a value/],
    [['--verbose'], /unknown argument --verbose/],
    [['--quota-rate', 'fast'], /invalid quota: ratePerSecond/],
    [['--quota-rate', '0'], /invalid quota: ratePerSecond/],
    [['--quota-rate', 'Infinity'], /invalid quota: ratePerSecond/],
    [['--quota-rate', '1e3'], /invalid quota: ratePerSecond/],
    [['--quota-rate', '-1'], /invalid quota: ratePerSecond/],
    [['--quota-rate', '5', '--quota-burst', '0'], /invalid quota: burst/],
    [['--quota-rate', '5', '--quota-burst', '1.5'], /invalid quota: burst/],
    [['--quota-burst', '3'], /--quota-burst needs --quota-rate/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('USAGE', () => {
  it('describes every option', () => {
    for (const option of [
      '--port',
      '--host',
      '--seed',
      '--quota-rate',
      '--quota-burst',
      '--help',
    ]) {
      expect(USAGE).toContain(option);
    }
  });
});
