import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JCard, JCardParams, JCardProperty, VCardDesign } from '../../src/index.js';
import { propertyLine } from '../../src/stringify.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared public test corpora (see /work/shared/fixtures/README.md). */
export const fixturesDir = join(packageDir, '../../../shared/fixtures');

export function readFixture(relative: string): string {
  return readFileSync(join(fixturesDir, relative), 'utf8');
}

export function readFixtureJson<T>(relative: string): T {
  return JSON.parse(readFixture(relative)) as T;
}

/** Reads a JSON file that sits next to the test files. */
export function readLocalJson<T>(fromTestFile: string, name: string): T {
  return JSON.parse(readFileSync(join(dirname(fileURLToPath(fromTestFile)), name), 'utf8')) as T;
}

/**
 * A card as a comparable structure: properties in a stable order (writers may reorder them),
 * parameter names lowercase in a stable order, TYPE values as a lowercase sorted list, the
 * VERSION property left out. Values are compared exactly.
 */
export function canonicalCard(card: JCard): string[] {
  return card[1]
    .filter((p) => p[0] !== 'version')
    .map((p) => JSON.stringify(canonicalProperty(p)))
    .sort();
}

function canonicalProperty(p: JCardProperty): unknown[] {
  const params: Record<string, unknown> = {};
  for (const key of Object.keys(p[1]).sort()) {
    const value = p[1][key]!;
    params[key.toLowerCase()] =
      key.toLowerCase() === 'type' ? (Array.isArray(value) ? value : [value]).map((v) => v.toLowerCase()).sort() : value;
  }
  return [p[0], params, p[2], ...p.slice(3)];
}

/**
 * A card as the set of its written property lines (parameters sorted, VALUE left out, TYPE
 * values lowercase and sorted): compares the text a card stands for, whatever value type each
 * side gave a property (a 3.0 reader keeps an unknown TZ raw that a 4.0 reader types as text).
 * A `tel:` URI and the same number as text count as equal (vCard 4.0 vs 3.0 spelling), and so
 * do base64 data with and without the spaces of a folded 2.1 line, and TYPE=pref and PREF=1.
 */
export function writtenLines(card: JCard, design: VCardDesign): string[] {
  return card[1]
    .filter((p) => p[0] !== 'version')
    .map((p) => {
      const params: JCardParams = {};
      for (const key of Object.keys(p[1]).sort()) {
        const v = p[1][key]!;
        params[key] = key === 'type' ? (Array.isArray(v) ? v : [v]).map((t) => t.toLowerCase()).sort() : key === 'encoding' ? String(v).toLowerCase() : v;
      }
      const types = params['type'];
      if (Array.isArray(types) && types.includes('pref') && params['pref'] === undefined) {
        params['type'] = types.filter((t) => t !== 'pref');
        if (params['type'].length === 0) delete params['type'];
        params['pref'] = '1';
      }
      let values = p.slice(3);
      // Folded base64 may keep its spaces in one version and not the other.
      if (params['encoding'] === 'b' && typeof values[0] === 'string') values = [values[0].replace(/\s+/g, '')];
      if (p[0] === 'tel' && typeof values[0] === 'string' && /^tel:/i.test(values[0])) values = [values[0].slice(4)];
      const type = p[0] === 'tel' ? 'text' : p[2];
      return propertyLine([p[0], params, type, ...values] as JCardProperty, design).replace(/;VALUE=[^;:]*/, '');
    })
    .sort();
}
