/**
 * An SDK `requestHandler` that delivers the fully serialized, signed HTTP request to an
 * in-process emulator instead of a socket. The SDK's own serializers, signer, retry strategy and
 * deserializers all still run, so embedded mode exercises the same wire format as a real
 * endpoint; only the TCP hop is skipped.
 */
import { Readable } from 'node:stream';
import { HttpResponse, type HttpRequest } from '@smithy/core/transport';
import type { CleanRoomsEmulator } from './emulator';

/** Percent-encodes like the SDK's query builder (RFC 3986, plus `!'()*`). */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function queryString(query: HttpRequest['query']): string {
  const parts: string[] = [];
  for (const key of Object.keys(query ?? {}).sort()) {
    const value = query[key];
    if (value === null || value === undefined) parts.push(encode(key));
    else
      for (const v of Array.isArray(value) ? value : [value])
        parts.push(`${encode(key)}=${encode(v)}`);
  }
  return parts.join('&');
}

async function bodyBytes(body: unknown): Promise<Buffer> {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of body)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return Buffer.concat(chunks);
  }
  throw new TypeError('unsupported request body type');
}

export class InProcessRequestHandler {
  readonly metadata = { handlerProtocol: 'http/1.1' };

  constructor(private readonly emulator: CleanRoomsEmulator) {}

  async handle(
    request: HttpRequest,
    options?: { abortSignal?: { aborted: boolean } },
  ): Promise<{ response: HttpResponse }> {
    if (options?.abortSignal?.aborted) {
      const error = new Error('Request aborted');
      error.name = 'AbortError';
      throw error;
    }
    // A socket round trip gives the event loop a turn; without it a busy embedded gateway runs
    // whole requests in microtasks and starves I/O (new connections, health probes) for seconds.
    await new Promise((resolve) => setImmediate(resolve));
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const reply = await this.emulator.handle({
      method: request.method,
      path: request.path,
      query: queryString(request.query),
      headers,
      body: await bodyBytes(request.body),
    });
    return {
      response: new HttpResponse({
        statusCode: reply.statusCode,
        headers: Object.fromEntries(
          Object.entries(reply.headers).map(([k, v]) => [k.toLowerCase(), v]),
        ),
        body: Readable.from(reply.body ? [Buffer.from(reply.body, 'utf8')] : []),
      }),
    };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}
