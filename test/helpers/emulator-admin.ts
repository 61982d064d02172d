/**
 * Test access to the emulator outside the SDK: its admin endpoints (`/_emulator/*`, plain JSON
 * over `fetch`) and raw HTTP requests (node:http, so paths, methods and bodies go out exactly as
 * written — malformed ones included).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { StatsSnapshot } from '../../src/emulator/stats';

export type { StatsSnapshot };

export interface FaultRuleInput {
  operation?: string;
  errorType?: string;
  errorRate?: number;
  latencyMs?: number;
  times?: number;
}

async function adminJson(url: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} /_emulator${path} → ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
}

export async function getStats(url: string): Promise<StatsSnapshot> {
  return (await adminJson(url, 'GET', '/stats')) as StatsSnapshot;
}

/** Clears state, counters and faults; `seed` reloads the demo data. */
export async function resetEmulator(url: string, seed = false): Promise<void> {
  await adminJson(url, 'POST', '/reset', seed ? { seed: true } : {});
}

export async function addFault(url: string, rule: FaultRuleInput): Promise<void> {
  await adminJson(url, 'POST', '/faults', rule);
}

export async function clearFaults(url: string): Promise<void> {
  await adminJson(url, 'DELETE', '/faults');
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method: string;
  /** Sent verbatim (no normalisation, no percent-encoding). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A SigV4-shaped Authorization header: the emulator reads only the credential scope. */
export function authorizationFor(accountId: string, region = 'us-east-1'): string {
  return (
    `AWS4-HMAC-SHA256 Credential=${accountId}/20260105/${region}/cleanrooms/aws4_request, ` +
    'SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000'
  );
}

export function rawRequest(url: string, req: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
    const client = httpRequest(
      { host: hostname, port: Number(port), method: req.method, path: req.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    client.on('error', reject);
    client.end(req.body);
  });
}
