/**
 * Real `@aws-sdk/client-cleanrooms` clients against the emulator, one per account (the access
 * key id is the account), with retries off unless asked so call counts are exact.
 */
import { CleanRoomsClient } from '@aws-sdk/client-cleanrooms';
import { startEmulatorServer, type RunningEmulator } from '../../src/emulator/http-server';
import { InProcessRequestHandler } from '../../src/emulator/in-process-handler';
import type { CleanRoomsEmulator } from '../../src/emulator/emulator';

export const ACCOUNTS = {
  acme: '123456789012',
  northwind: '111111111111',
  contoso: '222222222222',
  fabrikam: '333333333333',
  outsider: '444444444444',
} as const;

export interface ClientOptions {
  maxAttempts?: number;
  region?: string;
}

export function httpClient(
  url: string,
  accountId: string,
  options: ClientOptions = {},
): CleanRoomsClient {
  return new CleanRoomsClient({
    endpoint: url,
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: accountId, secretAccessKey: 'test-secret' },
    maxAttempts: options.maxAttempts ?? 1,
  });
}

export function inProcessClient(
  emulator: CleanRoomsEmulator,
  accountId: string,
  options: ClientOptions = {},
): CleanRoomsClient {
  return new CleanRoomsClient({
    endpoint: 'http://cleanrooms.emulator.local',
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: accountId, secretAccessKey: 'test-secret' },
    maxAttempts: options.maxAttempts ?? 1,
    requestHandler: new InProcessRequestHandler(emulator),
  });
}

/** Starts a standalone emulator on an ephemeral port for one test file. */
export async function startEmulator(seed = false): Promise<RunningEmulator> {
  return startEmulatorServer({ port: 0, seed });
}
