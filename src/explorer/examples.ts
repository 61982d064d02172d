/**
 * The example operations of examples/*.graphql: the single source of the README's "Try it"
 * section, the document Apollo Sandbox opens with and GraphiQL's first tab. An example that
 * needs variables has them beside it in `<name>.variables.json`. The folder is read from the
 * repository root, which is two levels above this file in src/ and in dist/ alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');

export interface Example {
  /** The file name without `.graphql` (`01-memberships`); files are ordered by it. */
  name: string;
  /** The operation as written in the file, without trailing blank lines. */
  source: string;
  /** The operation's variables (`<name>.variables.json`), if it has any. */
  variables?: Record<string, unknown>;
}

export function loadExamples(dir: string = EXAMPLES_DIR): Example[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  if (files.length === 0) throw new Error(`no example operations (*.graphql) in ${dir}`);
  return files.map((file) => {
    const name = file.slice(0, -'.graphql'.length);
    const source = readFileSync(join(dir, file), 'utf8').trimEnd();
    let variables: Record<string, unknown> | undefined;
    try {
      variables = JSON.parse(readFileSync(join(dir, `${name}.variables.json`), 'utf8')) as Record<
        string,
        unknown
      >;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return variables ? { name, source, variables } : { name, source };
  });
}

/** Every example in one document of named operations, in file order. */
export function examplesDocument(examples: readonly Example[]): string {
  return `${examples.map((example) => example.source).join('\n\n')}\n`;
}

/**
 * The variables of every example in one object, as an explorer's single variables pane holds
 * them. Two examples may share a variable only with the same value (Change and Leave both act
 * on `$id`): a different value would silently run one of them on the other's input.
 */
export function examplesVariables(examples: readonly Example[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const { name, variables } of examples) {
    for (const [key, value] of Object.entries(variables ?? {})) {
      if (key in merged && JSON.stringify(merged[key]) !== JSON.stringify(value)) {
        throw new Error(`examples disagree on the variable $${key} (${name}.variables.json)`);
      }
      merged[key] = value;
    }
  }
  return merged;
}
