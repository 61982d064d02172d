/**
 * The fleet's shared Redis, never a single point of failure: connections and commands have
 * short timeouts and no offline queue, so a dead or hung Redis costs a request a few
 * milliseconds at most; every use has an in-process fallback (see its caller). The connection
 * state is logged when it changes, exported as `redis_available`, and reported by readiness as
 * `degraded: ["redis"]`; reconnection is automatic. Each replica also announces itself (a
 * heartbeat in a sorted set), so the fleet knows how many replicas share its limits.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import type { Logger } from '../shared/logger';

/** Longest a Redis command may take before the caller falls back (a LAN round trip is < 1 ms). */
export const COMMAND_TIMEOUT_MS = 100;
const CONNECT_TIMEOUT_MS = 500;
const HEARTBEAT_MS = 2_000;
/** A replica that has not announced itself for this long is gone. */
const REPLICA_TTL_MS = 10_000;
const REPLICAS_KEY = 'cleanrooms-gw:replicas';

export type RedisClient = RedisClientType;

export class SharedRedis {
  readonly client: RedisClient;
  readonly replicaId = randomUUID();
  private available = false;
  private replicas = 1;
  private heartbeat?: NodeJS.Timeout;
  private readonly listeners: Array<(available: boolean) => void> = [];

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      commandOptions: { timeout: COMMAND_TIMEOUT_MS },
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        // Keep trying, never more than every 2 s: the fleet recovers when Redis returns.
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 5), 2_000),
      },
    });
    this.client.on('ready', () => this.set(true));
    this.client.on('end', () => this.set(false));
    this.client.on('error', (error: unknown) => {
      if (this.available) this.logger.warn({ err: error }, 'Redis connection error');
      this.set(false);
    });
  }

  /** Connects in the background; the gateway serves (degraded) until Redis is reachable. */
  start(): void {
    this.client.connect().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'Redis not reachable at start-up: serving without it');
    });
    this.heartbeat = setInterval(() => void this.announce(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  isAvailable(): boolean {
    return this.available && this.client.isReady;
  }

  /** Told whenever Redis becomes available or unavailable. */
  onChange(listener: (available: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Live replicas of the fleet, as last seen in Redis (1 before anything is known). */
  replicaCount(): number {
    return this.replicas;
  }

  /**
   * Runs a Redis command; `undefined` when Redis is unavailable or the command fails or times
   * out, so that the caller uses its fallback instead of waiting or failing the request.
   */
  async attempt<T>(command: (client: RedisClient) => Promise<T>): Promise<T | undefined> {
    if (!this.isAvailable()) return undefined;
    try {
      return await command(this.client);
    } catch (error) {
      this.logger.debug({ err: error }, 'Redis command failed; using the fallback');
      return undefined;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.attempt((c) => c.zRem(REPLICAS_KEY, this.replicaId));
    try {
      this.client.destroy();
    } catch {
      // already closed
    }
  }

  private async announce(): Promise<void> {
    const now = Date.now();
    const count = await this.attempt(async (c) => {
      const [, , members] = await c
        .multi()
        .zAdd(REPLICAS_KEY, { score: now, value: this.replicaId })
        .zRemRangeByScore(REPLICAS_KEY, 0, now - REPLICA_TTL_MS)
        .zCard(REPLICAS_KEY)
        .exec();
      return Number(members);
    });
    if (count !== undefined && count > 0) this.replicas = count;
  }

  private set(available: boolean): void {
    if (available === this.available) return;
    this.available = available;
    if (available) {
      this.logger.info(
        'Redis available: fleet-wide limits, cache and persisted queries are shared',
      );
      void this.announce();
    } else {
      this.logger.warn(
        { replicas: this.replicas },
        'Redis unavailable: serving degraded (cache bypassed, limits in process memory)',
      );
    }
    for (const listener of this.listeners) listener(available);
  }
}
