import { createReadinessCheck } from '../../../src/clean-rooms/readiness';
import { createCleanRoomsClient } from '../../../src/clean-rooms/client';
import type { CallRateLimiter } from '../../../src/clean-rooms/rate-limit';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import { InProcessRequestHandler } from '../../../src/emulator/in-process-handler';
import { inProcessClient } from '../../helpers/sdk';

/** The client as the gateway builds it (its retry strategy, its rate-limiter middleware). */
function gatewayClient(emulator: CleanRoomsEmulator, rateLimiter?: CallRateLimiter) {
  return createCleanRoomsClient(
    { region: 'us-east-1', upstreamTimeoutMs: 5_000, upstreamConcurrency: 4 },
    {
      maxAttempts: 3,
      requestHandler: new InProcessRequestHandler(emulator),
      credentials: { accessKeyId: '123456789012', secretAccessKey: 'test' },
      rateLimiter,
    },
  );
}

describe('backend readiness', () => {
  it('is ready when a real ListMemberships call succeeds', async () => {
    const emulator = new CleanRoomsEmulator();
    const check = createReadinessCheck(inProcessClient(emulator, '123456789012'));
    await expect(check()).resolves.toEqual({ ready: true });
    expect(emulator.stats.snapshot().calls).toEqual({ ListMemberships: 1 });
  });

  it('is not ready, naming the AWS error, when the backend fails', async () => {
    const emulator = new CleanRoomsEmulator();
    emulator.faults.add({ errorType: 'AccessDeniedException' });
    const check = createReadinessCheck(inProcessClient(emulator, '123456789012'));
    await expect(check()).resolves.toEqual({ ready: false, reason: 'AccessDeniedException' });
  });

  it('caches the answer briefly so probes do not become AWS traffic', async () => {
    const emulator = new CleanRoomsEmulator();
    let clock = 0;
    const check = createReadinessCheck(inProcessClient(emulator, '123456789012'), {
      cacheMs: 1000,
      now: () => clock,
    });
    await check();
    clock = 999;
    await check();
    expect(emulator.stats.count('ListMemberships')).toBe(1);
    clock = 1000;
    await check();
    expect(emulator.stats.count('ListMemberships')).toBe(2);
  });

  // A busy account is not a broken replica: if throttling made readiness fail, every replica of
  // a fleet would leave the load balancer at once, exactly when the account is most loaded.
  it('stays ready when AWS throttles, and does not retry the probe', async () => {
    const emulator = new CleanRoomsEmulator();
    emulator.faults.add({ errorType: 'ThrottlingException' });
    const check = createReadinessCheck(gatewayClient(emulator));
    await expect(check()).resolves.toEqual({ ready: true, throttled: true });
    expect(emulator.stats.count('ListMemberships')).toBe(1);
  });

  it('stays ready without waiting or calling when the fleet rate limiter has no turn free', async () => {
    const emulator = new CleanRoomsEmulator();
    const waits: number[] = [];
    const check = createReadinessCheck(
      gatewayClient(emulator, {
        acquire: async (_operation, maxWaitMs) => {
          waits.push(maxWaitMs);
          return { admitted: maxWaitMs >= 200, waitedMs: 0 };
        },
      }),
    );
    await expect(check()).resolves.toEqual({ ready: true, throttled: true });
    expect(waits).toEqual([0]);
    expect(emulator.stats.total()).toBe(0);
  });
});
