import { createReadinessCheck } from '../../../src/clean-rooms/readiness';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import { inProcessClient } from '../../helpers/sdk';

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
});
