import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatJSContact, parseJSContactInput, patchJSContact, type Card } from '../src/index.js';
import { exclusions, seedsDir } from './helpers/fixtures.js';
import { expectGolden, stableJson } from './helpers/golden.js';

// The JSON examples of the addressbook seed documents (000 overview, 003 addressbook REST): every
// valid one parses (lenient input, as the REST API reads application/json) and is written again
// in both profiles, compared with golden files; writing the egroupware form and reading it back
// gives the same Card. Examples that are not JSON as printed (the typos the seeds README warns
// about) are listed with the reason in seeds.exclusions.json.
const here = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(here, 'seeds');
const excluded = exclusions(import.meta.url, 'seeds.exclusions.json');
const uid = (): string => 'urn:uuid:00000000-0000-4000-8000-000000000001';

interface Example {
  id: string;
  text: string;
}

/**
 * Top-level `{…}` blocks of a document, found by brace matching from a line starting with "{"
 * up to the end of its code block (a ``` fence, `EOF`, an HTTP status line or the next curl).
 */
function examples(file: string): Example[] {
  const text = readFileSync(join(seedsDir, file), 'utf8');
  const out: Example[] = [];
  let from = 0;
  for (const m of text.matchAll(/^\{/gm)) {
    if (m.index < from) continue;
    const stop = /^(```|EOF|HTTP\/|curl |cat <<)/m.exec(text.slice(m.index));
    const limit = stop ? m.index + stop.index : text.length;
    let depth = 0;
    let inString = false;
    let end = limit;
    for (let i = m.index; i < limit; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    from = end;
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ id: `${file.slice(0, 3)}-line-${line}`, text: text.slice(m.index, end) });
  }
  return out;
}

const all = ['000_de7a04555b48f10f.txt', '003_3ccdb09ff6ab2361.txt'].flatMap(examples);

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The contacts an example holds: a card, a REST listing's cards, or a PATCH body (`patch`). */
function contacts(example: Example, value: unknown): Array<{ name: string; card?: unknown; patch?: unknown }> {
  const v = value as Record<string, unknown>;
  if (v['responses'] && typeof v['responses'] === 'object') {
    return Object.entries(v['responses'] as Record<string, unknown>)
      .filter(([, r]) => r !== null && typeof r === 'object' && 'uid' in (r as object))
      .map(([href, card]) => ({ name: `${example.id}-${href.split('/').pop()}`, card }));
  }
  if ('uid' in v || Object.keys(v).some((k) => k.includes('/') && !('name' in v))) return [{ name: example.id, card: v }];
  return [{ name: example.id, patch: v }];
}

function golden(name: string, card: Card): void {
  expectGolden(join(goldenDir, `${name}.rfc.json`), stableJson(card));
  const egw = formatJSContact(card, { profile: 'egroupware' });
  expectGolden(join(goldenDir, `${name}.egroupware.json`), stableJson(egw));
  const again = parseJSContactInput(egw);
  expect(again.ok && again.value).toEqual(card);
}

describe.each(all.map((e) => [e.id, e] as const))('seed example %s', (id, example) => {
  const value = tryParse(example.text);
  const reason = excluded.get(id);
  if (reason !== undefined) {
    it(`is not JSON as printed: ${reason}`, () => {
      expect(value).toBeUndefined();
    });
    return;
  }
  it('is JSON', () => {
    expect(value).toBeDefined();
  });
  if (value === undefined) return;
  for (const { name, card, patch } of contacts(example, value)) {
    if (card !== undefined) {
      it(`${name}: parses and is written again in both profiles`, () => {
        const parsed = parseJSContactInput(card, { generateUid: uid });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        golden(name, parsed.value);
      });
    } else if (patch !== undefined) {
      it(`${name}: applies as a PATCH body to the flat POST example`, () => {
        const base = parseJSContactInput(all.map((e) => tryParse(e.text)).find((v) => v && 'name/personal' in (v as object)), { generateUid: uid });
        if (!base.ok) throw new Error('no base');
        const patched = patchJSContact(base.value, patch);
        if (!patched.ok) throw new Error(JSON.stringify(patched.errors));
        golden(name, patched.value);
      });
    }
  }
});

it('reads the full GET example of 003 once its missing "}" is put back', () => {
  const example = all.find((e) => e.text.includes('addressbook-6502'))!;
  const fixed = example.text.replace('"value": "Street2" ],', '"value": "Street2" } ],');
  const parsed = parseJSContactInput(fixed, { generateUid: uid });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  golden('003-get-6502-fixed', parsed.value);
});

it('lists exclusions only for examples the documents have, and keeps no stale golden file', () => {
  for (const id of excluded.keys()) expect(all.map((e) => e.id)).toContain(id);
  expect(readdirSync(goldenDir).length).toBeGreaterThan(0);
});
