/**
 * The README's "Try it" section shows the example operations of examples/ — the files are the
 * source, the README holds copies. This fails when a copy drifts (or one is missing or extra)
 * and prints the blocks the section should hold, in order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExamples } from '../../../src/explorer/examples';

const README = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

/** The ```graphql blocks of the section under the heading that starts with `title`. */
function graphqlBlocksOf(markdown: string, title: string): string[] {
  const start = markdown.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map((m) =>
    (m[1] as string).trimEnd(),
  );
}

describe('README "Try it"', () => {
  it('holds exactly the example files, in their order', () => {
    const expected = loadExamples().map((example) => example.source);
    const shown = graphqlBlocksOf(README, 'Try it');
    if (JSON.stringify(shown) !== JSON.stringify(expected)) {
      console.error(
        `README "Try it" should show these blocks:\n\n${expected
          .map((source) => `\`\`\`graphql\n${source}\n\`\`\``)
          .join('\n\n')}`,
      );
    }
    expect(shown).toEqual(expected);
  });

  it('notices a copy that differs from its file (the check itself works)', () => {
    const drifted = README.replace('query Memberships {', 'query Memberships {\n  __typename');
    expect(graphqlBlocksOf(drifted, 'Try it')).not.toEqual(
      loadExamples().map((example) => example.source),
    );
  });
});
