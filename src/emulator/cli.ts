/**
 * `npm run emulator -- --port 4599 [--host 127.0.0.1] [--seed] [--quota-rate 5 [--quota-burst 5]]`:
 * the Clean Rooms emulator alone, speaking REST-JSON, empty unless `--seed`, optionally with a
 * request-rate quota on every operation from the start.
 */
import { parseCliArgs, USAGE } from './cli-args';
import { CleanRoomsEmulator } from './emulator';
import { startEmulatorServer } from './http-server';

async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const emulator = new CleanRoomsEmulator({ seed: args.seed });
  if (args.quota) emulator.rateQuotas.add(args.quota);
  const running = await startEmulatorServer({ port: args.port, host: args.host, emulator });
  process.stdout.write(
    `${JSON.stringify({
      level: 'info',
      msg: `Clean Rooms emulator listening on ${running.url}`,
      url: running.url,
      seeded: args.seed,
      quotas: emulator.rateQuotas.list(),
    })}\n`,
  );
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
