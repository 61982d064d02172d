import { startEmulatorServer, type RunningEmulator } from '../../../src/emulator/http-server';
import { addFault, getStats, resetEmulator } from '../../helpers/emulator-admin';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

describe('per-request AWS call limits', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ env: { MAX_UPSTREAM_CALLS: '3', UPSTREAM_CONCURRENCY: '2' } });
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.resetCalls());

  it('refuses an operation whose AWS-call estimate exceeds MAX_UPSTREAM_CALLS, before any call', async () => {
    // 1 ListMemberships + up to 100 GetMembership (no `first`: the largest page) > 3.
    const { status, body } = await gw.gql('{ memberships { nodes { id queryLogStatus } } }');
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    const error = body.errors?.[0];
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      cost: { estimatedAwsCalls: 101, maxAwsCalls: 3 },
    });
    expect(error?.message).toContain('up to 101 AWS calls, more than the limit of 3');
    expect(gw.totalCalls()).toBe(0);
  });

  it('serves operations within the budget normally', async () => {
    const { body } = await gw.gql('{ memberships(first: 2) { nodes { id queryLogStatus } } }');
    expect(body.errors).toBeUndefined();
    expect(gw.calls()).toEqual({ ListMemberships: 1, GetMembership: 2 });
  });

  it('keeps at most UPSTREAM_CONCURRENCY Gets in flight', async () => {
    // Every AWS request is held until the test releases it, one at a time: no timers involved.
    const held: Array<() => void> = [];
    let inFlight = 0;
    let peak = 0;
    const original = gw.emulator.handle.bind(gw.emulator);
    const spy = jest.spyOn(gw.emulator, 'handle').mockImplementation(async (request) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise<void>((release) => held.push(release));
      try {
        return await original(request);
      } finally {
        inFlight--;
      }
    });
    /** Lets the event loop run until `held` has `n` requests (bounded, so a bug fails fast). */
    const untilHeld = async (n: number) => {
      for (let turn = 0; turn < 1000 && held.length < n; turn++) {
        await new Promise((r) => setImmediate(r));
      }
      // A few more turns: a request beyond the bound would show up now.
      for (let turn = 0; turn < 20; turn++) await new Promise((r) => setImmediate(r));
    };
    try {
      const ids = ['2', '3', '7'].map((n) => `e0000000-0000-4000-8000-00000000000${n}`);
      const query = `{ ${ids.map((id, i) => `m${i}: membership(id: "${id}") { queryLogStatus }`).join(' ')} }`;
      const response = gw.gql(query);
      await untilHeld(2);
      expect(held).toHaveLength(2);
      held.shift()?.();
      await untilHeld(2);
      expect(held).toHaveLength(2);
      while (held.length > 0) held.shift()?.();
      const { body } = await response;
      expect(body.errors).toBeUndefined();
      expect(gw.calls()).toEqual({ GetMembership: 3 });
      expect(peak).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the concurrency bound, seen by a standalone emulator', () => {
  let emulator: RunningEmulator;
  let gateway: TestGateway;
  beforeAll(async () => {
    emulator = await startEmulatorServer({ port: 0, seed: true });
    gateway = await startTestGateway({
      env: { CLEANROOMS_ENDPOINT: emulator.url, UPSTREAM_CONCURRENCY: '3' },
    });
  });
  afterAll(async () => {
    await gateway.close();
    await emulator.close();
  });

  it('never has more than UPSTREAM_CONCURRENCY requests in flight at AWS', async () => {
    await resetEmulator(emulator.url, true);
    // Slow Gets keep the slots busy, so every free slot is taken as soon as it frees.
    await addFault(emulator.url, { operation: 'GetMembership', latencyMs: 40 });
    const ids = Array.from(
      { length: 9 },
      (_, i) => `e0000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    );
    const query = `{ ${ids.map((id, i) => `m${i}: membership(id: "${id}") { id }`).join(' ')} }`;
    await gateway.gql(query);
    const stats = await getStats(emulator.url);
    expect(stats.calls).toEqual({ GetMembership: 9 });
    expect(stats.peakInFlight).toBe(3);
  });
});
