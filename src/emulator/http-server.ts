/**
 * The emulator on a real socket (`npm run emulator`): reads the raw request line and body and
 * hands them to the same `CleanRoomsEmulator.handle` the in-process handler uses.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsServiceError } from './errors';
import { CleanRoomsEmulator } from './emulator';
import { errorResponse, MAX_BODY_BYTES, newRequestId, type EmulatorResponse } from './protocol';

export interface RunningEmulator {
  emulator: CleanRoomsEmulator;
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Reads the body up to the limit; the `tooLarge` flag is set when the client sent more. */
function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: EmulatorResponse): void {
  res.writeHead(response.statusCode, response.headers);
  res.end(response.body);
}

export function createEmulatorServer(emulator: CleanRoomsEmulator): Server {
  return createServer((req, res) => {
    void (async () => {
      const rawUrl = req.url ?? '/';
      const q = rawUrl.indexOf('?');
      const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
      const query = q < 0 ? '' : rawUrl.slice(q + 1);
      const { body, tooLarge } = await readBody(req);
      if (tooLarge) {
        const error = new AwsServiceError(
          'RequestEntityTooLargeException',
          `Request body exceeds ${MAX_BODY_BYTES} bytes`,
        );
        send(res, errorResponse(error, newRequestId()));
        return;
      }
      // fromEntries keeps every name an own property, `__proto__` included.
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([k, v]) =>
          v === undefined ? [] : [[k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]],
        ),
      );
      send(res, await emulator.handle({ method: req.method ?? 'GET', path, query, headers, body }));
    })().catch(() => {
      if (!res.headersSent) {
        send(
          res,
          errorResponse(
            new AwsServiceError('InternalServerException', 'An internal error occurred'),
            newRequestId(),
          ),
        );
      } else res.destroy();
    });
  });
}

export async function startEmulatorServer(options: {
  port?: number;
  host?: string;
  seed?: boolean;
  emulator?: CleanRoomsEmulator;
}): Promise<RunningEmulator> {
  const emulator = options.emulator ?? new CleanRoomsEmulator({ seed: options.seed ?? false });
  const server = createEmulatorServer(emulator);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    emulator,
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
