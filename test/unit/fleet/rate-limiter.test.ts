/**
 * The fleet's rate limiter without Redis, on a hand-driven clock: calls of one operation are
 * given slots 1/rate apart, in arrival order, wait until their slot, and are refused (reserving
 * nothing) when their slot is further away than their maximum wait.
 */
import { FleetRateLimiter, LocalGcra } from '../../../src/fleet/rate-limiter';

function clockAndSleeps() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
}

describe('LocalGcra', () => {
  it('spaces reservations 1/rate apart from now', () => {
    const clock = clockAndSleeps();
    const gcra = new LocalGcra(clock.now);
    expect([0, 1, 2].map(() => gcra.reserve('k', 200, 1000).delayMs)).toEqual([0, 200, 400]);
    clock.advance(1000);
    // Idle time is not saved up: no burst after a pause.
    expect(gcra.reserve('k', 200, 1000).delayMs).toBe(0);
    expect(gcra.reserve('k', 200, 1000).delayMs).toBe(200);
  });

  it('refuses a slot beyond the maximum wait and reserves nothing for it', () => {
    const gcra = new LocalGcra(() => 0);
    for (let i = 0; i < 5; i++) expect(gcra.reserve('k', 200, 900).admitted).toBe(true);
    expect(gcra.reserve('k', 200, 900)).toEqual({ admitted: false, delayMs: 1000 });
    expect(gcra.reserve('k', 200, 900)).toEqual({ admitted: false, delayMs: 1000 });
    expect(gcra.reserve('k', 200, 1000)).toEqual({ admitted: true, delayMs: 1000 });
  });

  it('keeps each key to itself', () => {
    const gcra = new LocalGcra(() => 0);
    gcra.reserve('a', 200, 1000);
    expect(gcra.reserve('b', 200, 1000).delayMs).toBe(0);
  });
});

describe('FleetRateLimiter (in process)', () => {
  function limiter(limits: Record<string, number>) {
    const clock = clockAndSleeps();
    return {
      clock,
      limiter: new FleetRateLimiter({
        limits,
        scope: 'us-east-1',
        now: clock.now,
        sleep: clock.sleep,
      }),
    };
  }

  it('applies the rate of the operation, else `*`, else none', () => {
    const { limiter: l } = limiter({ GetMembership: 2, '*': 5 });
    expect(l.rateOf('GetMembership')).toBe(2);
    expect(l.rateOf('ListMembers')).toBe(5);
    expect(limiter({ GetMembership: 2 }).limiter.rateOf('ListMembers')).toBeUndefined();
    expect(limiter({ GetMembership: 2 }).limiter.rateOf('constructor')).toBeUndefined();
  });

  it('makes each call wait for its slot, in order', async () => {
    const { limiter: l, clock } = limiter({ GetMembership: 5 });
    const results = await Promise.all([0, 1, 2, 3].map(() => l.acquire('GetMembership', 5000)));
    expect(results.every((r) => r.admitted)).toBe(true);
    expect(clock.sleeps).toEqual([200, 400, 600]);
  });

  it('refuses a call whose slot is beyond its maximum wait, without waiting', async () => {
    const { limiter: l, clock } = limiter({ '*': 5 });
    const results = await Promise.all(
      [0, 1, 2, 3, 4, 5, 6].map(() => l.acquire('GetCollaboration', 1000)),
    );
    expect(results.map((r) => r.admitted)).toEqual([true, true, true, true, true, true, false]);
    expect(clock.sleeps).toEqual([200, 400, 600, 800, 1000]);
  });

  it('does not limit an operation without a rate', async () => {
    const { limiter: l, clock } = limiter({ GetMembership: 1 });
    await Promise.all([0, 1, 2].map(() => l.acquire('ListMemberships', 0)));
    expect(clock.sleeps).toEqual([]);
  });
});
