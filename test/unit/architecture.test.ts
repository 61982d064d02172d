/**
 * The layers of src/ as a newcomer should find them: the import graph between its folders (and
 * the application files at its top) has no cycle, the shared code and the AWS boundary know no
 * feature, the two features do not know each other, the production start-up path never loads
 * the emulator, and ESLint refuses an import that would close a folder cycle.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

interface Import {
  target: string;
  /** Erased at compile time (`import type`, or every specifier `type`). */
  typeOnly: boolean;
  dynamic: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function resolveModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean, dynamic: boolean) => {
    const target = resolveModule(file, specifier);
    if (target) found.push({ target, typeOnly, dynamic });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name &&
            !!named &&
            ts.isNamedImports(named) &&
            named.elements.length > 0 &&
            named.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, allTypes, false);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node.isTypeOnly, false);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A folder of src/ (`memberships`) or an application file at its top (`server.ts`). */
function moduleOf(file: string): string {
  return relative(SRC, file).split('/')[0] as string;
}

const FILES = sourceFiles(SRC);
const IMPORTS = new Map(FILES.map((file) => [file, importsOf(file)]));

/** module → modules it imports (any kind of import, itself excluded). */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [file, imports] of IMPORTS) {
    const from = moduleOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    for (const { target } of imports) if (moduleOf(target) !== from) edges.add(moduleOf(target));
    graph.set(from, edges);
  }
  return graph;
}

/** One cycle of the graph as a path, or undefined. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const dfs = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = dfs(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const cycle = dfs(node);
      if (cycle) return cycle;
    }
  }
  return undefined;
}

describe('the import graph of src/', () => {
  const graph = moduleGraph();
  const importsOfModule = (name: string) => [...(graph.get(name) ?? [])].sort();

  it('has no cycle between folders and top-level files', () => {
    expect(graph.size).toBeGreaterThan(10);
    expect(findCycle(graph)).toBeUndefined();
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const broken = new Map(graph);
    broken.set('constraints', new Set([...(graph.get('constraints') ?? []), 'shared']));
    expect(findCycle(broken)).toEqual(expect.arrayContaining(['constraints', 'shared']));
  });

  it('keeps shared/ and constraints/ free of features, the AWS boundary and the app', () => {
    expect(importsOfModule('constraints')).toEqual([]);
    expect(importsOfModule('shared')).toEqual(['constraints']);
  });

  it('keeps the AWS boundary and the emulator apart', () => {
    expect(importsOfModule('clean-rooms')).toEqual(['constraints', 'shared']);
    expect(importsOfModule('emulator')).toEqual(['constraints']);
  });

  it('lets neither feature import the other: their relations live in relations/', () => {
    expect(importsOfModule('memberships')).not.toContain('collaborations');
    expect(importsOfModule('collaborations')).not.toContain('memberships');
    expect(importsOfModule('relations')).toEqual(
      expect.arrayContaining(['collaborations', 'memberships']),
    );
  });

  it('never loads the emulator on the production start-up path', () => {
    // What runs for CLEANROOMS_BACKEND=aws: index.ts and what it loads, except the dynamic
    // import that backend.ts makes only for the embedded backend. Type-only imports are erased.
    const loaded = new Set<string>();
    const load = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const { target, typeOnly, dynamic } of IMPORTS.get(file) ?? []) {
        if (typeOnly) continue;
        if (dynamic && file === join(SRC, 'backend.ts')) continue;
        load(target);
      }
    };
    load(join(SRC, 'index.ts'));
    expect(loaded).toContain(join(SRC, 'server.ts'));
    expect(loaded).toContain(join(SRC, 'backend.ts'));
    expect([...loaded].filter((f) => moduleOf(f) === 'emulator')).toEqual([]);
  });
});

describe('ESLint', () => {
  /**
   * Lints each snippet as if it were the given file, in one ESLint process with the project's
   * configuration; returns the no-restricted-imports messages of each.
   */
  function lint(cases: Array<{ filePath: string; code: string }>): string[][] {
    const script = `
      const { ESLint } = require('eslint');
      (async () => {
        const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
        const eslint = new ESLint({ cwd: process.cwd() });
        const out = [];
        for (const { filePath, code } of cases) {
          const [result] = await eslint.lintText(code, { filePath });
          out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
        }
        process.stdout.write(JSON.stringify(out));
      })().catch((e) => { console.error(e); process.exit(2); });`;
    const result = spawnSync(process.execPath, ['-e', script], {
      cwd: ROOT,
      input: JSON.stringify(cases),
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(result.stderr);
    return JSON.parse(result.stdout) as string[][];
  }

  const snippet = (code: string) => `${code}\n`;

  it('refuses every import that would break the layers, and accepts one that follows them', () => {
    const refused = [
      ['src/shared/new.ts', "import { Membership } from '../memberships/membership.type';"],
      [
        'src/memberships/new.ts',
        "import { membershipWriteEffects } from '../relations/write-effects';",
      ],
      [
        'src/collaborations/new.ts',
        "import { membershipNode } from '../memberships/membership.mapper';",
      ],
      ['src/clean-rooms/new.ts', "import { CleanRoomsEmulator } from '../emulator/emulator';"],
      ['src/memberships/new.ts', "import type { GatewayContext } from '../context';"],
      ['src/constraints/new.ts', "import { plain } from '../shared/plain';"],
      ['src/emulator/service/new.ts', "import { formatError } from '../../errors';"],
    ];
    const accepted = [
      [
        'src/relations/new.ts',
        "import { membershipNode } from '../memberships/membership.mapper';",
      ],
      // Inside a nested folder, `../` stays in the same top-level folder.
      ['src/emulator/service/new.ts', "import { fail } from '../errors';"],
    ];
    const results = lint(
      [...refused, ...accepted].map(([filePath, code]) => ({
        filePath: filePath as string,
        code: snippet(code as string),
      })),
    );
    results.slice(0, refused.length).forEach((messages, i) => {
      expect([refused[i]?.[0], messages]).toEqual([
        refused[i]?.[0],
        [expect.stringMatching(/may not import/)],
      ]);
    });
    expect(results.slice(refused.length)).toEqual(accepted.map(() => []));
  });
});
