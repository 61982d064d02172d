/**
 * What the explorers open with, from a configuration object: the examples as one document with
 * their variables, the Authorization hint only under AUTH_MODE=jwt, Sandbox's embed
 * configuration carrying them, production with no explorer at all, and example files read in
 * name order with optional variables.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApolloServerPlugin, GraphQLServerContext } from '@apollo/server';
import { parse } from 'graphql';
import { explorerContent } from '../../../src/explorer/content';
import {
  examplesDocument,
  examplesVariables,
  loadExamples,
  type Example,
} from '../../../src/explorer/examples';
import { explorers } from '../../../src/explorer';
import { graphiqlPage } from '../../../src/explorer/graphiql.page';
import { graphiqlSettingsOf, sandboxConfigOf } from '../../helpers/explorer';

const EXAMPLES: Example[] = [
  { name: '01-a', source: '# first\nquery A {\n  __typename\n}' },
  {
    name: '02-b',
    source: 'mutation B($id: ID!) {\n  deleteMembership(id: $id)\n}',
    variables: { id: 'x' },
  },
];

async function landingHtml(plugin: ApolloServerPlugin): Promise<string> {
  const listener = await plugin.serverWillStart?.({} as GraphQLServerContext);
  const page = await listener?.renderLandingPage?.();
  if (!page) throw new Error('the plugin renders no landing page');
  return typeof page.html === 'string' ? page.html : page.html();
}

describe('explorerContent', () => {
  it('joins the examples into one document of named operations, with their variables', () => {
    const content = explorerContent({ authMode: 'none' }, EXAMPLES);
    expect(content).toEqual({
      document: `${EXAMPLES[0]?.source}\n\n${EXAMPLES[1]?.source}\n`,
      variables: { id: 'x' },
    });
    expect(parse(content.document).definitions).toHaveLength(2);
  });

  it('adds an Authorization header and a comment on scopes when AUTH_MODE=jwt', () => {
    const content = explorerContent({ authMode: 'jwt' }, EXAMPLES);
    expect(content.headers).toEqual({ Authorization: 'Bearer ' });
    expect(content.document).toMatch(/^# This gateway verifies JWTs \(AUTH_MODE=jwt\)/);
    expect(content.document).toMatch(/cleanrooms:read[\s\S]*cleanrooms:write/);
    expect(content.document.endsWith(examplesDocument(EXAMPLES))).toBe(true);
    expect(parse(content.document).definitions).toHaveLength(2);
  });
});

describe('examplesVariables', () => {
  it('merges equal values and refuses two values for one variable', () => {
    const same: Example = { name: '03-c', source: '', variables: { id: 'x' } };
    expect(examplesVariables([...EXAMPLES, same])).toEqual({ id: 'x' });
    const other: Example = { name: '03-c', source: '', variables: { id: 'y' } };
    expect(() => examplesVariables([...EXAMPLES, other])).toThrow(
      'examples disagree on the variable $id (03-c.variables.json)',
    );
  });
});

describe('loadExamples', () => {
  it('reads *.graphql in name order, each with its .variables.json if there is one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'examples-'));
    writeFileSync(join(dir, '02-b.graphql'), 'query B {\n  __typename\n}\n\n');
    writeFileSync(join(dir, '02-b.variables.json'), '{ "first": 1 }\n');
    writeFileSync(join(dir, '01-a.graphql'), 'query A {\n  __typename\n}\n');
    writeFileSync(join(dir, 'notes.md'), 'not an example');
    expect(loadExamples(dir)).toEqual([
      { name: '01-a', source: 'query A {\n  __typename\n}' },
      { name: '02-b', source: 'query B {\n  __typename\n}', variables: { first: 1 } },
    ]);
  });

  it('refuses an empty folder and unreadable variables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'examples-'));
    expect(() => loadExamples(dir)).toThrow(/no example operations/);
    writeFileSync(join(dir, '01-a.graphql'), 'query A {\n  __typename\n}\n');
    writeFileSync(join(dir, '01-a.variables.json'), '{ not json');
    expect(() => loadExamples(dir)).toThrow(SyntaxError);
  });
});

describe('explorers', () => {
  it('development: Sandbox starts with the repository examples, and /graphiql is mounted', async () => {
    const dev = explorers({ production: false, authMode: 'none' });
    expect(dev.routes).toBeDefined();
    const { initialState } = sandboxConfigOf(await landingHtml(dev.landingPage));
    const examples = loadExamples();
    expect(initialState.document).toBe(examplesDocument(examples));
    expect(initialState.variables).toEqual(examplesVariables(examples));
    expect(initialState.headers).toBeUndefined();
  });

  it('AUTH_MODE=jwt: Sandbox starts with the Authorization header to complete', async () => {
    const jwt = explorers({ production: false, authMode: 'jwt' });
    const { initialState } = sandboxConfigOf(await landingHtml(jwt.landingPage));
    expect(initialState.headers).toEqual({ Authorization: 'Bearer ' });
    expect(initialState.document).toMatch(/^# This gateway verifies JWTs/);
  });

  it('production: no landing page at all, no routes', async () => {
    const production = explorers({ production: true, authMode: 'none' });
    expect(production.routes).toBeUndefined();
    const listener = await production.landingPage.serverWillStart?.({} as GraphQLServerContext);
    expect(await listener?.renderLandingPage?.()).toBeUndefined();
  });
});

describe('graphiqlPage', () => {
  it('carries any text in its settings without ending the script element', () => {
    const hostile = '# </script><script>alert(1)</script> \u2028\nquery A {\n  __typename\n}\n';
    const html = graphiqlPage(
      '/graphql',
      { document: hostile, variables: { id: '</script>' } },
      { stylesheet: '/s.css', scripts: ['/a.js'] },
    );
    expect(html).not.toContain('</script><script>alert');
    const settings = graphiqlSettingsOf(html);
    expect(settings.tab.query).toBe(hostile);
    expect(JSON.parse(settings.tab.variables)).toEqual({ id: '</script>' });
  });
});
