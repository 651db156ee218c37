// The whole test suite in one jest run: every workspace package is a project.
export default {
  projects: ['<rootDir>/packages/*', '<rootDir>/apps/*', '<rootDir>/tooling'],
  // testTimeout is a global option: in a multi-project run the projects' own value is ignored.
  testTimeout: 60000,
  globalSetup: '<rootDir>/tooling/jest/global-setup.js',
  globalTeardown: '<rootDir>/tooling/jest/global-teardown.js',
};
