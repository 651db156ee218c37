// The whole test suite in one jest run: every workspace package is a project.
export default {
  projects: ['<rootDir>/packages/*', '<rootDir>/apps/*', '<rootDir>/tooling'],
  // testTimeout is a global option: in a multi-project run the projects' own value is ignored.
  testTimeout: 60000,
  // On a 2-core machine jest would otherwise run every file in band, in its own process: what each
  // ESM test file loads (kysely, PGlite, ical.js) accumulates there, and one runaway file takes the
  // whole run and its report down. Two workers, recycled above the limit, keep memory flat.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1200MB',
  globalSetup: '<rootDir>/tooling/jest/global-setup.js',
  globalTeardown: '<rootDir>/tooling/jest/global-teardown.js',
};
