import { HttpRequest } from '@smithy/core/transport';
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import { InProcessRequestHandler } from '../../../src/emulator/in-process-handler';

describe('the embedded emulator behind the SDK', () => {
  it('lets the event loop run (I/O, timers) before each call, as a socket round trip would', async () => {
    // Without that turn a busy embedded gateway ran whole requests in microtasks and accepted
    // one new connection per event-loop pass: health probes and new clients waited seconds.
    const emulator = new CleanRoomsEmulator({ seed: false });
    const order: string[] = [];
    const handle = emulator.handle.bind(emulator);
    jest.spyOn(emulator, 'handle').mockImplementation((request) => {
      order.push('emulator');
      return handle(request);
    });
    const handler = new InProcessRequestHandler(emulator);
    setImmediate(() => order.push('event loop'));
    const { response } = await handler.handle(
      new HttpRequest({
        method: 'GET',
        hostname: 'cleanrooms.embedded.local',
        path: '/memberships',
        headers: {},
      }),
    );
    expect(order).toEqual(['event loop', 'emulator']);
    expect(response.statusCode).toBe(200);
  });
});
