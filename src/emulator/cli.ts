/**
 * `npm run emulator -- --port 4599 [--host 127.0.0.1] [--seed]`: the Clean Rooms emulator alone,
 * speaking REST-JSON, empty unless `--seed`.
 */
import { startEmulatorServer } from './http-server';

function parseArgs(argv: string[]): { port: number; host: string; seed: boolean } {
  const args = { port: 4599, host: '127.0.0.1', seed: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--seed') args.seed = true;
    else if (arg === '--port' || arg === '--host') {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      if (arg === '--port') {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(`invalid --port ${value}`);
        args.port = port;
      } else args.host = value;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'usage: npm run emulator -- [--port 4599] [--host 127.0.0.1] [--seed]\n',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const running = await startEmulatorServer(args);
  process.stdout.write(
    `${JSON.stringify({ level: 'info', msg: `Clean Rooms emulator listening on ${running.url}`, url: running.url, seeded: args.seed })}\n`,
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
