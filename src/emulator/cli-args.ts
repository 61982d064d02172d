/**
 * The command line of the standalone emulator (`npm run emulator -- …`), parsed without side
 * effects so every option and refusal can be tested without starting a process.
 */
import { parseRateQuota, type RateQuota } from './quotas';

export const USAGE = `usage: npm run emulator -- [options]

  --port N          port to listen on (default 4599; 0 picks a free one)
  --host H          address to listen on (default 127.0.0.1)
  --seed            load the demo data (default: start empty)
  --quota-rate R    rate quota for every operation: R requests per second per account and
                    region (fractions allowed); over it, ThrottlingException (HTTP 429)
  --quota-burst B   bucket size of that quota (default: R rounded up); needs --quota-rate
  -h, --help        show this help
`;

export interface CliArgs {
  port: number;
  host: string;
  seed: boolean;
  help: boolean;
  quota?: RateQuota;
}

/** Numbers as JSON writes them ("5", "0.5"); not "", "0x10", "1e3" or "Infinity". */
function decimal(text: string): number {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

/** Parses the arguments after `--`; throws an Error whose message says what is wrong. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { port: 4599, host: '127.0.0.1', seed: false, help: false };
  let rate: string | undefined;
  let burst: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--seed') args.seed = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (
      arg === '--port' ||
      arg === '--host' ||
      arg === '--quota-rate' ||
      arg === '--quota-burst'
    ) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      if (arg === '--port') {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(`invalid --port ${value}`);
        args.port = port;
      } else if (arg === '--host') args.host = value;
      else if (arg === '--quota-rate') rate = value;
      else burst = value;
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (burst !== undefined && rate === undefined)
    throw new Error('--quota-burst needs --quota-rate');
  if (rate !== undefined) {
    const quota = parseRateQuota({
      ratePerSecond: decimal(rate),
      ...(burst === undefined ? {} : { burst: decimal(burst) }),
    });
    if (typeof quota === 'string') throw new Error(`invalid quota: ${quota}`);
    args.quota = quota;
  }
  return args;
}
