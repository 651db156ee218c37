import base from './jest/base.js';
export default {
  ...base,
  displayName: 'architecture',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  setupFiles: [],
  globalSetup: undefined,
  globalTeardown: undefined,
};
