import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// STYLE §2: code that only needs JSCalendar validation never loads the
// iCalendar converter. The module graph of the "." entry (src/index.ts)
// must not reach src/icalendar/, ical.js or codec-icalendar.
const src = join(dirname(fileURLToPath(import.meta.url)), '../src');

function graph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)) {
    const spec = m[1]!;
    if (spec.startsWith('.')) graph(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen);
    else seen.add(`pkg:${spec}`);
  }
  return seen;
}

describe('package entry points', () => {
  it('"." does not load the iCalendar converter', () => {
    const modules = [...graph(join(src, 'index.ts'))];
    expect(modules.filter((m) => m.includes('/icalendar/') || m === 'pkg:ical.js' || m === 'pkg:@almanac/codec-icalendar')).toEqual([]);
    expect(modules).toContain('pkg:ajv');
  });
});
