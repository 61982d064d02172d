import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { hygiene } from '../../../src/http/hygiene';

/** The headers a middleware leaves on a response that starts with X-Powered-By set. */
function headersAfter(
  middleware: (req: IncomingMessage, res: ServerResponse, next: () => void) => void,
): Record<string, string> {
  const headers: Record<string, string> = { 'x-powered-by': 'Express' };
  const res = {
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  let called = false;
  middleware({ headers: {}, method: 'POST' } as IncomingMessage, res, () => (called = true));
  expect(called).toBe(true);
  return headers;
}

describe('security headers recorded once', () => {
  it.each([true, false])('are exactly what helmet sets (production: %s)', (production) => {
    const [security] = hygiene({ production, corsOrigins: [] });
    const direct = helmet({
      contentSecurityPolicy: production
        ? { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }
        : false,
      crossOriginEmbedderPolicy: false,
    });
    const recorded = headersAfter(security!);
    expect(recorded).toEqual(headersAfter(direct));
    expect(recorded).not.toHaveProperty('x-powered-by');
    expect(recorded['x-content-type-options']).toBe('nosniff');
    if (production) expect(recorded['content-security-policy']).toContain("default-src 'none'");
  });
});
