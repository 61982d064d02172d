/**
 * Process entry: read the configuration, start the gateway, log where it listens, and stop
 * cleanly on SIGTERM/SIGINT. Nothing else lives here. The gateway's modules (Apollo, the SDK,
 * the schema) load only once the configuration is valid, so a bad variable is reported at once.
 */
import 'reflect-metadata';
import { ConfigError, DEFAULTS, loadConfig } from './config';
import { logger } from './shared/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  logger.level = config.logLevel;
  if (Number(process.versions.node.split('.')[0]) < 22) {
    // The SDK would print a multi-line warning on stderr; keep logs one JSON line each.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    logger.warn(
      { node: process.version },
      'AWS SDK releases after early 2027 need Node >= 22; the SDK version is pinned in package-lock.json',
    );
  }
  const [{ createBackend }, { startGateway }, { createFleet }, { GatewayMetrics }] =
    await Promise.all([
      import('./backend'),
      import('./server'),
      import('./fleet'),
      import('./shared/metrics'),
    ]);
  const metrics = new GatewayMetrics();
  const fleet = createFleet(config, logger, metrics);
  const backend = await createBackend(config, { rateLimiter: fleet.rateLimiter });
  const gateway = await startGateway(config, { backend, fleet, metrics });
  logger.info(
    { url: gateway.url, backend: gateway.backend.describe },
    `Clean Rooms GraphQL gateway ready at ${gateway.url} (${gateway.backend.describe})`,
  );

  // SIGTERM (an orchestrator or a rolling restart): keep serving for SHUTDOWN_DELAY_MS with
  // readiness at 503 so the load balancer stops sending first, then drain. SIGINT (Ctrl-C in a
  // terminal) skips the delay. Either way the process exits by itself at the latest
  // DEFAULTS.drainTimeoutMs after the listener closes.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    gateway.startDraining();
    const delayMs = signal === 'SIGTERM' ? config.shutdownDelayMs : 0;
    logger.info({ signal, delayMs }, 'shutting down: readiness now 503, still serving');
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    logger.info('draining in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, DEFAULTS.drainTimeoutMs);
    force.unref();
    gateway.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    logger.fatal({ err: error }, 'gateway failed to start');
  }
  process.exit(1);
});
