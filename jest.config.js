/** Jest: ts-jest (keeps emitDecoratorMetadata, which type-graphql needs). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The system tests (real processes: a fleet behind HAProxy) run with `npm run test:fleet`.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/system/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
    // jose 6 ships only ES modules (see test/esm-to-cjs.js).
    '/node_modules/jose/.+\\.js$': '<rootDir>/test/esm-to-cjs.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 20000,
  maxWorkers: process.env.CI ? 2 : '50%',
};
