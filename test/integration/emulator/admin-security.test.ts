/**
 * The admin endpoints take only JSON, and only from same-origin or non-browser callers: a web
 * page must not be able to inject faults or reset the emulator with a "simple" cross-site
 * request (text/plain POST, or any request a browser marks cross-site). Sent raw (node:http), so
 * the headers are exactly those written. The AWS API routes are not affected.
 */
import { CleanRoomsEmulator } from '../../../src/emulator/emulator';
import type { RunningEmulator } from '../../../src/emulator/http-server';
import {
  authorizationFor,
  rawRequest,
  resetEmulator,
  type RawResponse,
} from '../../helpers/emulator-admin';
import { UUID } from '../../helpers/emulator-fixtures';
import { startEmulator } from '../../helpers/sdk';

let running: RunningEmulator;
let host: string;

beforeAll(async () => {
  running = await startEmulator();
  host = new URL(running.url).host;
});

afterAll(() => running.close());

beforeEach(() => resetEmulator(running.url));

const FAULT = JSON.stringify({ errorType: 'InternalServerException' });

function postFault(headers: Record<string, string>, body: string = FAULT): Promise<RawResponse> {
  return rawRequest(running.url, { method: 'POST', path: '/_emulator/faults', headers, body });
}

async function faultsListed(): Promise<unknown> {
  const response = await rawRequest(running.url, { method: 'GET', path: '/_emulator/faults' });
  return JSON.parse(response.text);
}

function expectError(response: RawResponse, status: number, errorType: string) {
  expect(response.status).toBe(status);
  expect(response.headers['x-amzn-errortype']).toBe(errorType);
  expect(response.headers['x-amzn-requestid']).toMatch(UUID);
  expect(JSON.parse(response.text)).toMatchObject({ message: expect.stringMatching(/admin/) });
}

describe('content type', () => {
  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    [
      'text/plain;charset=UTF-8 (what fetch sends for a string body)',
      {
        'content-type': 'text/plain;charset=UTF-8',
      },
    ],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['a JSON look-alike', { 'content-type': 'application/json-patch+json' }],
    ['no content type at all', {}],
  ])('refuses a body sent as %s with 415 and adds nothing', async (_what, headers) => {
    expectError(await postFault(headers), 415, 'UnsupportedMediaTypeException');
    expect(await faultsListed()).toEqual({ faults: [] });
  });

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset=UTF-8',
  ])('accepts %s', async (contentType) => {
    const response = await postFault({ 'content-type': contentType });
    expect(response.status).toBe(200);
    expect(await faultsListed()).toEqual({ faults: [{ errorType: 'InternalServerException' }] });
  });

  it('refuses any content type other than JSON even without a body', async () => {
    const response = await rawRequest(running.url, {
      method: 'GET',
      path: '/_emulator/stats',
      headers: { 'content-type': 'text/plain' },
    });
    expectError(response, 415, 'UnsupportedMediaTypeException');
  });

  it('accepts a request without body and without content type (curl -X POST)', async () => {
    const response = await rawRequest(running.url, { method: 'POST', path: '/_emulator/reset' });
    expect(response.status).toBe(200);
  });
});

describe('cross-site browser requests', () => {
  const json = { 'content-type': 'application/json' };

  it.each(['cross-site', 'same-site', 'CROSS-SITE', 'bogus'])(
    'refuses Sec-Fetch-Site: %s with 403 and adds nothing',
    async (site) => {
      expectError(
        await postFault({ ...json, 'sec-fetch-site': site }),
        403,
        'AccessDeniedException',
      );
      expect(await faultsListed()).toEqual({ faults: [] });
    },
  );

  it.each(['same-origin', 'none'])('accepts Sec-Fetch-Site: %s', async (site) => {
    expect((await postFault({ ...json, 'sec-fetch-site': site })).status).toBe(200);
  });

  it.each([
    ['another site', () => 'http://evil.example'],
    ['the same host on another port', () => 'http://127.0.0.1:1'],
    ['the same host without its port', () => 'http://127.0.0.1'],
    ['localhost for 127.0.0.1', () => `http://${host.replace('127.0.0.1', 'localhost')}`],
    ['an opaque origin', () => 'null'],
    ['a malformed origin', () => 'not a url'],
    ['an origin with a path', () => `http://${host}/page`],
    ['a non-HTTP scheme', () => `file://${host}`],
  ])('refuses Origin from %s with 403 and adds nothing', async (_what, origin) => {
    expectError(await postFault({ ...json, origin: origin() }), 403, 'AccessDeniedException');
    expect(await faultsListed()).toEqual({ faults: [] });
  });

  it('refuses a cross-site GET too (the stats are not for other sites)', async () => {
    const response = await rawRequest(running.url, {
      method: 'GET',
      path: '/_emulator/stats',
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expectError(response, 403, 'AccessDeniedException');
  });

  it('accepts the same origin (host and port as in Host)', async () => {
    const response = await postFault({
      ...json,
      origin: `http://${host}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(response.status).toBe(200);
  });

  it('leaves the AWS API routes alone: the SDK sends neither header, and browsers are not its clients', async () => {
    const response = await rawRequest(running.url, {
      method: 'GET',
      path: '/memberships',
      headers: {
        authorization: authorizationFor('222222222222'),
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'text/plain',
      },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ membershipSummaries: [] });
  });
});

describe('in the emulator itself (the gateway forwards its request headers to handle)', () => {
  it('applies the same rules without a socket', async () => {
    const emulator = new CleanRoomsEmulator();
    const request = (headers: Record<string, string>) =>
      emulator.handle({
        method: 'POST',
        path: '/_emulator/faults',
        query: '',
        headers: { host: 'gateway.local:4000', ...headers },
        body: Buffer.from(FAULT),
      });
    expect((await request({ 'content-type': 'text/plain' })).statusCode).toBe(415);
    expect(
      (await request({ 'content-type': 'application/json', origin: 'http://evil.example' }))
        .statusCode,
    ).toBe(403);
    expect(emulator.faults.list()).toEqual([]);
    expect(
      (await request({ 'content-type': 'application/json', origin: 'http://gateway.local:4000' }))
        .statusCode,
    ).toBe(200);
    expect(emulator.faults.list()).toEqual([{ errorType: 'InternalServerException' }]);
  });
});
