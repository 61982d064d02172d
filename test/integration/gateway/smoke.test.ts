import { startTestGateway, type TestGateway } from '../../helpers/gateway';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

it('serves a summary-only membership list with exactly one AWS call', async () => {
  const { status, body } = await gw.gql(
    '{ memberships { nodes { id status collaborationName } } }',
  );
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(gw.calls()).toEqual({ ListMemberships: 1 });
});
