// Shared jest settings for every workspace package: native ESM, TypeScript through swc.
export default {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' },
    }],
  },
  testTimeout: 60000,
  setupFiles: ['<rootDir>/../../tooling/jest/fast-check-seed.js'],
  globalSetup: '<rootDir>/../../tooling/jest/global-setup.js',
  globalTeardown: '<rootDir>/../../tooling/jest/global-teardown.js',
};
