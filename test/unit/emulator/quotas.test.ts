import { AwsServiceError } from '../../../src/emulator/errors';
import { parseRateQuota, rateExceeded, RateQuotas } from '../../../src/emulator/quotas';

/** A hand-driven clock in milliseconds. */
function manualClock(start = 1_000) {
  const clock = { now: start, read: () => clock.now };
  return clock;
}

/** How many of `n` back-to-back requests the bucket admits. */
function admitted(
  quotas: RateQuotas,
  n: number,
  op: 'GetMembership' | 'ListMemberships' = 'GetMembership',
) {
  let count = 0;
  for (let i = 0; i < n; i++) if (quotas.admit('111111111111', 'us-east-1', op)) count++;
  return count;
}

describe('RateQuotas', () => {
  it('admits everything without a quota', () => {
    expect(admitted(new RateQuotas(manualClock().read), 1000)).toBe(1000);
  });

  it('starts with a full bucket of `burst` tokens and refuses the next request', () => {
    const quotas = new RateQuotas(manualClock().read);
    quotas.add({ ratePerSecond: 5, burst: 5 });
    expect(admitted(quotas, 8)).toBe(5);
  });

  it('refills continuously at ratePerSecond, up to burst', () => {
    const clock = manualClock();
    const quotas = new RateQuotas(clock.read);
    quotas.add({ operation: 'GetMembership', ratePerSecond: 4, burst: 2 });
    expect(admitted(quotas, 3)).toBe(2);
    clock.now += 200; // 0.8 token
    expect(admitted(quotas, 1)).toBe(0);
    clock.now += 50; // 0.8 + 0.2 = 1 token
    expect(admitted(quotas, 2)).toBe(1);
    clock.now += 60_000; // capped at burst
    expect(admitted(quotas, 5)).toBe(2);
  });

  it('allows fractional rates: 0.5 per second is one request every two seconds', () => {
    const clock = manualClock();
    const quotas = new RateQuotas(clock.read);
    quotas.add({ ratePerSecond: 0.5, burst: 1 });
    expect(admitted(quotas, 2)).toBe(1);
    clock.now += 1_999;
    expect(admitted(quotas, 1)).toBe(0);
    clock.now += 1;
    expect(admitted(quotas, 1)).toBe(1);
  });

  it('does not spend tokens on refused requests', () => {
    const clock = manualClock();
    const quotas = new RateQuotas(clock.read);
    quotas.add({ ratePerSecond: 1, burst: 1 });
    expect(admitted(quotas, 50)).toBe(1);
    clock.now += 1_000;
    expect(admitted(quotas, 1)).toBe(1);
  });

  it('keeps one bucket per account, region and operation', () => {
    const quotas = new RateQuotas(manualClock().read);
    quotas.add({ ratePerSecond: 1, burst: 1 });
    expect(quotas.admit('111111111111', 'us-east-1', 'GetMembership')).toBe(true);
    expect(quotas.admit('111111111111', 'us-east-1', 'GetMembership')).toBe(false);
    expect(quotas.admit('222222222222', 'us-east-1', 'GetMembership')).toBe(true);
    expect(quotas.admit('111111111111', 'eu-west-1', 'GetMembership')).toBe(true);
    expect(quotas.admit('111111111111', 'us-east-1', 'ListMemberships')).toBe(true);
  });

  it('prefers the operation quota over the one for every operation, and replaces by operation', () => {
    const quotas = new RateQuotas(manualClock().read);
    quotas.add({ ratePerSecond: 1, burst: 1 });
    quotas.add({ operation: 'GetMembership', ratePerSecond: 3, burst: 3 });
    expect(admitted(quotas, 10, 'GetMembership')).toBe(3);
    expect(admitted(quotas, 10, 'ListMemberships')).toBe(1);

    quotas.add({ operation: 'GetMembership', ratePerSecond: 2, burst: 2 });
    quotas.add({ ratePerSecond: 4, burst: 4 });
    expect(quotas.list()).toEqual([
      { ratePerSecond: 4, burst: 4 },
      { operation: 'GetMembership', ratePerSecond: 2, burst: 2 },
    ]);
    // Changing the quotas starts every bucket full again.
    expect(admitted(quotas, 10, 'GetMembership')).toBe(2);
    expect(admitted(quotas, 10, 'ListMemberships')).toBe(4);
  });

  it('clear() removes every quota', () => {
    const quotas = new RateQuotas(manualClock().read);
    quotas.add({ ratePerSecond: 1, burst: 1 });
    admitted(quotas, 5);
    quotas.clear();
    expect(quotas.list()).toEqual([]);
    expect(admitted(quotas, 5)).toBe(5);
  });

  it('tolerates a clock that goes backwards (no negative refill)', () => {
    const clock = manualClock(10_000);
    const quotas = new RateQuotas(clock.read);
    quotas.add({ ratePerSecond: 1, burst: 1 });
    expect(admitted(quotas, 1)).toBe(1);
    clock.now -= 5_000;
    expect(admitted(quotas, 1)).toBe(0);
  });
});

describe('rateExceeded', () => {
  it("is AWS's ThrottlingException: 429, message 'Rate exceeded'", () => {
    const error = rateExceeded();
    expect(error).toBeInstanceOf(AwsServiceError);
    expect(error).toMatchObject({ errorType: 'ThrottlingException', status: 429 });
    expect(error.body()).toEqual({ message: 'Rate exceeded' });
  });
});

describe('parseRateQuota', () => {
  it.each([
    [{ ratePerSecond: 5 }, { ratePerSecond: 5, burst: 5 }],
    [{ ratePerSecond: 0.2 }, { ratePerSecond: 0.2, burst: 1 }],
    [{ ratePerSecond: 2.5 }, { ratePerSecond: 2.5, burst: 3 }],
    [
      { operation: 'GetMembership', ratePerSecond: 5, burst: 10 },
      { operation: 'GetMembership', ratePerSecond: 5, burst: 10 },
    ],
  ])('accepts %j', (body, quota) => {
    expect(parseRateQuota(body)).toEqual(quota);
  });

  it.each([
    ['a non-object', 'fast', /JSON object/],
    ['an array', [{ ratePerSecond: 1 }], /JSON object/],
    ['null', null, /JSON object/],
    ['no rate', {}, /ratePerSecond/],
    ['a zero rate', { ratePerSecond: 0 }, /ratePerSecond/],
    ['a negative rate', { ratePerSecond: -1 }, /ratePerSecond/],
    ['a string rate', { ratePerSecond: '5' }, /ratePerSecond/],
    ['a huge rate', { ratePerSecond: 1e12 }, /ratePerSecond/],
    ['a zero burst', { ratePerSecond: 1, burst: 0 }, /burst/],
    ['a fractional burst', { ratePerSecond: 1, burst: 1.5 }, /burst/],
    ['a string burst', { ratePerSecond: 1, burst: '2' }, /burst/],
    ['an unknown operation', { operation: 'DescribeEverything', ratePerSecond: 1 }, /operation/],
    ['a non-string operation', { operation: 7, ratePerSecond: 1 }, /operation/],
    ['an inherited name as operation', { operation: 'constructor', ratePerSecond: 1 }, /operation/],
    ['an unknown field', { ratePerSecond: 1, rate: 2 }, /unknown field "rate"/],
  ])('refuses %s', (_what, body, message) => {
    const result = parseRateQuota(body);
    expect(typeof result).toBe('string');
    expect(result).toMatch(message);
  });
});
