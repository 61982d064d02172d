import { startTestGateway, type TestGateway } from '../../helpers/gateway';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

it('answers 503 on /health/ready when the backend refuses calls, while /health/live stays 200', async () => {
  gw.emulator.faults.add({ operation: 'ListMemberships', errorType: 'AccessDeniedException' });
  const base = gw.url.replace(/\/graphql$/, '');
  const ready = await fetch(`${base}/health/ready`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({
    status: 'unavailable',
    backend: 'embedded',
    reason: 'AccessDeniedException',
  });
  expect((await fetch(`${base}/health/live`)).status).toBe(200);
});
