/**
 * The wire side of the emulator: the transport-neutral request/response it works on, and how
 * results and errors are written in the REST-JSON protocol (epoch-second timestamps are already
 * numbers in the records; errors carry `x-amzn-ErrorType` and a request id).
 */
import { randomUUID } from 'node:crypto';
import { AwsServiceError } from './errors';

/** A request as it arrived on the wire: raw (still percent-encoded) path and query string. */
export interface EmulatorRequest {
  method: string;
  /** Raw path, percent-encoded as sent, without the query string. */
  path: string;
  /** Raw query string without the leading `?` ('' when none). */
  query: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface EmulatorResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** A request header by its lower-case name (own properties only: names come from the client). */
export function headerOf(request: EmulatorRequest, name: string): string | undefined {
  return Object.hasOwn(request.headers, name) ? request.headers[name] : undefined;
}

export function newRequestId(): string {
  return randomUUID();
}

function baseHeaders(requestId: string): Record<string, string> {
  return { 'x-amzn-RequestId': requestId, date: new Date().toUTCString() };
}

export function jsonResponse(
  statusCode: number,
  payload: unknown,
  requestId: string,
): EmulatorResponse {
  const body = JSON.stringify(payload);
  return {
    statusCode,
    headers: {
      ...baseHeaders(requestId),
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  };
}

export function emptyResponse(statusCode: number, requestId: string): EmulatorResponse {
  return { statusCode, headers: { ...baseHeaders(requestId), 'content-length': '0' }, body: '' };
}

export function errorResponse(error: AwsServiceError, requestId: string): EmulatorResponse {
  const response = jsonResponse(error.status, error.body(), requestId);
  response.headers['x-amzn-ErrorType'] = error.errorType;
  return response;
}
