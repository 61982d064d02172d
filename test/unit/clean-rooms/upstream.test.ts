import { UpstreamBudgetExceeded, UpstreamScheduler } from '../../../src/clean-rooms/upstream';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('UpstreamScheduler', () => {
  it('never has more than `concurrency` calls in flight and runs them all', async () => {
    const scheduler = new UpstreamScheduler(3, 100);
    let inFlight = 0;
    let peak = 0;
    const gates = Array.from({ length: 10 }, () => deferred());
    const runs = gates.map((gate, i) =>
      scheduler.run('GetMembership', async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await gate.promise;
        inFlight--;
        return i;
      }),
    );
    // Release in order; each release lets the next waiting call start.
    for (const gate of gates) {
      await new Promise((r) => setImmediate(r));
      gate.resolve();
    }
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
    expect(scheduler.calls).toBe(10);
  });

  it('hands a released slot to the waiting call, even when another call arrives at that moment', async () => {
    // Deterministic interleaving: the observer runs synchronously when a call ends, so the
    // "late" call below arrives exactly between a release and the waiter's resumption.
    let inFlight = 0;
    let peak = 0;
    const started: string[] = [];
    let late: Promise<string> | undefined;
    const scheduler = new UpstreamScheduler(2, 100, () => {
      late ??= scheduler.run('GetMembership', () => tracked('late', Promise.resolve()));
    });
    const tracked = async (name: string, gate: Promise<void>) => {
      started.push(name);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await gate;
      inFlight--;
      return name;
    };
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((gate, i) =>
      scheduler.run('GetMembership', () => tracked(`call${i}`, gate.promise)),
    );
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['call0', 'call1']);
    gates[0]?.resolve();
    await new Promise((r) => setImmediate(r));
    // The waiter got the slot; the late arrival waits for the next one.
    expect(started).toEqual(['call0', 'call1', 'call2']);
    expect(peak).toBe(2);
    gates[1]?.resolve();
    gates[2]?.resolve();
    await expect(Promise.all([...runs, late])).resolves.toEqual([
      'call0',
      'call1',
      'call2',
      'late',
    ]);
    expect(started).toEqual(['call0', 'call1', 'call2', 'late']);
    expect(peak).toBe(2);
  });

  it('refuses calls beyond the budget without running them', async () => {
    const scheduler = new UpstreamScheduler(4, 2);
    const fn = jest.fn(async () => 'ok');
    await scheduler.run('GetMembership', fn);
    await scheduler.run('GetMembership', fn);
    await expect(scheduler.run('GetMembership', fn)).rejects.toBeInstanceOf(UpstreamBudgetExceeded);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('frees a slot when a call fails', async () => {
    const scheduler = new UpstreamScheduler(1, 10);
    await expect(
      scheduler.run('GetMembership', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(scheduler.run('GetMembership', async () => 'next')).resolves.toBe('next');
  });

  it('after refuse(), fails every call with the given error and calls nothing', async () => {
    const scheduler = new UpstreamScheduler(4, 10);
    scheduler.refuse(() => new Error('refused'));
    const fn = jest.fn(async () => 'ok');
    await expect(scheduler.run('GetMembership', fn)).rejects.toThrow('refused');
    expect(fn).not.toHaveBeenCalled();
  });

  it('reports each call to the observer with its outcome', async () => {
    const observe = jest.fn();
    const scheduler = new UpstreamScheduler(2, 10, observe);
    await scheduler.run('ListMemberships', async () => 1);
    await scheduler
      .run('GetMembership', async () => Promise.reject(new Error('x')))
      .catch(() => {});
    expect(observe.mock.calls.map(([op, , ok]) => [op, ok])).toEqual([
      ['ListMemberships', true],
      ['GetMembership', false],
    ]);
  });
});
