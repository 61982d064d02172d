// ESLint flat config: typescript-eslint's recommended rules plus the project's boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Who may import whom inside src/: folder → the folders (and root files) it may import. */
const LAYERS = {
  constraints: [],
  shared: ['constraints'],
  'clean-rooms': ['constraints', 'shared'],
  emulator: ['constraints'],
  memberships: ['constraints', 'shared', 'clean-rooms'],
  collaborations: ['constraints', 'shared', 'clean-rooms'],
  relations: ['constraints', 'shared', 'clean-rooms', 'memberships', 'collaborations'],
  access: ['shared'],
  fleet: ['shared', 'clean-rooms', 'config.ts'],
  auth: ['shared', 'config.ts'],
  http: ['shared', 'clean-rooms', 'config.ts'],
  explorer: [],
  plugins: [
    'constraints',
    'shared',
    'clean-rooms',
    'memberships',
    'collaborations',
    'relations',
    'context.ts',
    'errors.ts',
    'config.ts',
  ],
};
const ROOT_FILES = [
  'index',
  'backend',
  'server',
  'request',
  'schema',
  'context',
  'config',
  'config-values',
  'errors',
];

const SDK_PATTERN = {
  group: ['@aws-sdk/*', '@smithy/*'],
  message: 'Only src/clean-rooms/ talks to the AWS SDK.',
};

/**
 * The patterns a file `depth` folders below src/<folder>/ must not import: relative imports
 * that climb exactly back to src/ and then enter a folder or application file it may not use.
 */
function forbiddenFor(folder, allowed, depth) {
  const up = '../'.repeat(depth);
  const folders = Object.keys(LAYERS).filter((f) => f !== folder && !allowed.includes(f));
  const rootFiles = ROOT_FILES.filter((f) => !allowed.includes(`${f}.ts`));
  return [
    ...folders.map((f) => ({
      group: [`${up}${f}`, `${up}${f}/**`],
      message: `src/${folder}/ may not import src/${f}/ (layers: see LAYERS in eslint.config.mjs).`,
    })),
    {
      group: rootFiles.map((f) => `${up}${f}`),
      message: `src/${folder}/ may not import the application files at the top of src/.`,
    },
  ];
}

/** Folder depth below src/<folder>/ that the layer rules cover (src/emulator/service/ is 2). */
const DEPTHS = [1, 2, 3];

export default tseslint.config(
  {
    // examples/generated/ is GraphQL Code Generator's output (`npm run codegen`).
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/results/**',
      'examples/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Only the AWS boundary (and the emulator, which speaks the AWS protocol) may touch the SDK.
    files: ['src/**/*.ts'],
    ignores: ['src/clean-rooms/**', 'src/emulator/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [SDK_PATTERN] }],
    },
  },
  // The folders of src/ form layers: each may import only the folders listed for it, so no folder
  // cycle can appear (test/unit/architecture.test.ts checks the whole graph, dynamic imports too).
  ...Object.entries(LAYERS).flatMap(([folder, allowed]) =>
    DEPTHS.map((depth) => ({
      files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...(['clean-rooms', 'emulator'].includes(folder) ? [] : [SDK_PATTERN]),
              ...forbiddenFor(folder, allowed, depth),
            ],
          },
        ],
      },
    })),
  ),
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
    // CommonJS files (Jest's configuration and transformer) load modules with require().
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
