/**
 * Jest for the system tests in test/system/: real processes built from dist/ (`npm run
 * test:fleet` builds first), one file at a time, since each starts a whole fleet.
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/system'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 60000,
};
