/** Declares the README tests of the package whose test file is `testFileUrl` (see readme-examples.js). */
export function describeReadmeExamples(
  testFileUrl: string,
  options: { minBlocks: number; dependencies?: Record<string, () => Promise<Record<string, unknown>>> },
): void;
