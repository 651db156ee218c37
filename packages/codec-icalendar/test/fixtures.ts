import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared fixture corpora (see /work/shared/fixtures/README.md). */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures');

export function readFixtureJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as T;
}

export function readFixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

export function readFixtureText(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** Every .ics input of the corpora, as `{ id, path }` from their index files. */
export function corpusIcsFiles(): Array<{ id: string; path: string }> {
  const calcard = readFixtureJson<{ entries: Array<{ id: string; files: { input: string } }> }>('calcard/index-ical.json');
  const icaljs = readFixtureJson<{ samples: Array<{ id: string; files: { input: string } }>; parserPairs: Array<{ id: string; files: { input: string } }> }>('ical.js/index.json');
  return [
    ...calcard.entries.map((e) => ({ id: `calcard/${e.id}`, path: `calcard/${e.files.input}` })),
    ...icaljs.samples.map((e) => ({ id: `ical.js/${e.id}`, path: `ical.js/${e.files.input}` })),
    ...icaljs.parserPairs.filter((e) => e.files.input.endsWith('.ics')).map((e) => ({ id: `ical.js/${e.id}`, path: `ical.js/${e.files.input}` })),
  ];
}

/** Loads `exclusions.json` next to a test: `{ "<case id>": "<reason>" }`. */
export function readExclusions(path: string): Record<string, string> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
}
