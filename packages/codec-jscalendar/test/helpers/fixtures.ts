import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared fixture corpora (see /work/shared/fixtures/README.md). */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/fixtures');

export const readFixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');
export const readFixtureBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, path)));
export const readFixtureJson = <T>(path: string): T => JSON.parse(readFixture(path)) as T;

/** `{ "<case id>": "<reason>" }` lists of cases knowingly not followed, next to the tests. */
export function readExclusions(name: string): Record<string, string> {
  return JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../corpus', name), 'utf8')) as Record<string, string>;
}
