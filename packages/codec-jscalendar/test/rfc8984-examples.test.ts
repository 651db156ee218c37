import { describe, expect, it } from '@jest/globals';
import { parseJSCalendarInput, validateJSCalendar } from '../src/index.js';
import { readExclusions, readFixture, readFixtureJson } from './helpers/fixtures.js';

// RFC 8984 §6 examples against the strict (rfc) schema. Examples marked
// "..." are partial, so RFC-mandatory members are not required there.
const index = readFixtureJson<{ examples: Array<{ file: string; hasEllipsis: boolean; type: string }> }>('rfc-examples/rfc8984/examples.json');
const exclusions = readExclusions('rfc8984-exclusions.json');

function load(file: string): Record<string, unknown> {
  const value = JSON.parse(readFixture(`rfc-examples/rfc8984/${file}`)) as Record<string, unknown>;
  delete value['...'];
  value['@type'] ??= 'due' in value ? 'Task' : 'Event';
  return value;
}

describe('RFC 8984 §6 examples', () => {
  it.each(index.examples.map((e) => [e.file, e] as const))('%s', (file, ex) => {
    const errors = validateJSCalendar(load(file), { profile: 'rfc', complete: !ex.hasEllipsis });
    const id = file.replace(/^examples\//, '').replace(/\.json$/, '');
    if (id in exclusions) expect(errors.map((e) => e.path)).toEqual(exclusions[id]!.split(' | ')[0]!.split(',').map((p) => p.trim()));
    else expect(errors).toEqual([]);
  });

  it('accepts example 6.3 with erratum 8028 applied (Group "name" → "title")', () => {
    const group = load('examples/03-example-simple-group.json');
    group.title = group.name;
    delete group.name;
    expect(validateJSCalendar(group, { complete: true })).toEqual([]);
  });

  it('reads the examples in strict mode too', () => {
    for (const ex of index.examples) {
      const id = ex.file.replace(/^examples\//, '').replace(/\.json$/, '');
      const r = parseJSCalendarInput(load(ex.file), { strict: true });
      expect(r.ok).toBe(!(id in exclusions));
    }
  });
});
