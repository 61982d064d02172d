/**
 * `npm run schema:print` writes schema.graphql from the code; `npm run schema:check` fails when
 * the committed file differs from what the code builds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printGatewaySchema } from '../src/schema';

const FILE = join(__dirname, '..', 'schema.graphql');

async function main(mode: string | undefined): Promise<void> {
  const sdl = await printGatewaySchema();
  if (mode === 'print') {
    writeFileSync(FILE, sdl);
    console.log(`wrote ${FILE}`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(FILE, 'utf8');
  } catch {
    // Missing counts as stale.
  }
  if (committed !== sdl) {
    console.error('schema.graphql is stale: run `npm run schema:print` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date.');
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
