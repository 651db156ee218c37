import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared public test corpora (see /work/shared/fixtures/README.md). */
export const fixturesDir = join(packageDir, '../../../shared/fixtures');

/** The seed documents (the EGroupware REST docs with JSON examples). */
export const seedsDir = join(packageDir, '../../../shared/seeds');

export function readFixture(relative: string): string {
  return readFileSync(join(fixturesDir, relative), 'utf8');
}

export function readFixtureJson<T>(relative: string): T {
  return JSON.parse(readFixture(relative)) as T;
}

/** Reads a JSON file next to a test file (exclusion lists). */
export function readLocalJson<T>(testFileUrl: string, name: string): T {
  return JSON.parse(readFileSync(join(dirname(fileURLToPath(testFileUrl)), name), 'utf8')) as T;
}

/** The ids a test file's exclusion list names, checked to be ids the corpus has. */
export function exclusions(testFileUrl: string, name = 'exclusions.json'): Map<string, string> {
  const list = readLocalJson<Array<{ id: string; reason: string }>>(testFileUrl, name);
  return new Map(list.map((e) => [e.id, e.reason]));
}

/** A vCard fragment of the RFC examples (properties only) as a whole vCard 4.0. */
export function wrapVCard(fragment: string): string {
  if (/^BEGIN:VCARD/i.test(fragment.trimStart())) return fragment;
  return 'BEGIN:VCARD\r\nVERSION:4.0\r\n' + fragment.replace(/\r?\n$/, '').replace(/\r?\n/g, '\r\n') + '\r\nEND:VCARD\r\n';
}

/** A JSON fragment (members without braces) as an object; `undefined` when it is not JSON. */
export function wrapJson(fragment: string): Record<string, unknown> | undefined {
  const text = fragment.trim();
  try {
    return JSON.parse(text.startsWith('{') ? text : '{' + text + '}') as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
