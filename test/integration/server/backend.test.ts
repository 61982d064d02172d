/**
 * The embedded backend as `npm start` assembles it: the seeded emulator answers in the region
 * the gateway is configured for (state is regional), through the real SDK client.
 */
import { ListMembershipsCommand } from '@aws-sdk/client-cleanrooms';
import { createBackend } from '../../../src/backend';
import { loadConfig } from '../../../src/config';

it.each(['us-east-1', 'eu-west-1'])(
  'serves the demo data in the configured region %s',
  async (region) => {
    const backend = await createBackend(
      loadConfig({ NODE_ENV: 'test', CLEANROOMS_BACKEND: 'embedded', AWS_REGION: region }),
    );
    try {
      const out = await backend.client.send(new ListMembershipsCommand({}));
      const arns = (out.membershipSummaries ?? []).map((m) => m.arn);
      expect(arns.length).toBeGreaterThan(0);
      for (const arn of arns) expect(arn).toMatch(new RegExp(`^arn:aws:cleanrooms:${region}:`));
      expect(backend.admin?.prefix).toBe('/_emulator');
    } finally {
      backend.client.destroy();
    }
  },
);
