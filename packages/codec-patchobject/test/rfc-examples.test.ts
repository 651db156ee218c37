// Every recurrenceOverrides PatchObject in the RFC 8984 §6 examples and in the jscalendar-icalendar
// draft test cases must apply in strict mode to its master object (RFC 8984 §4.3.5), and diffPatch
// must rebuild each patched instance.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatch, diffPatch, isJsonObject, isPatchObject, jsonEqual } from '../src/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures');

interface Source { name: string; file: string; wrapped: boolean }

function sources(): Source[] {
  const out: Source[] = [];
  const rfc = JSON.parse(readFileSync(join(fixtures, 'rfc-examples/rfc8984/examples.json'), 'utf8')) as {
    examples: { file: string; kind: string; completeJson: boolean; parsesWhenWrapped?: boolean }[];
  };
  for (const ex of rfc.examples) {
    if (ex.kind !== 'json') continue;
    out.push({ name: `rfc8984 ${ex.file}`, file: join(fixtures, 'rfc-examples/rfc8984', ex.file), wrapped: !ex.completeJson });
  }
  for (const draft of ['draft-12', 'draft-25']) {
    const index = JSON.parse(readFileSync(join(fixtures, 'jscalendar-icalendar', draft, 'cases.json'), 'utf8')) as {
      cases: { id: string; jscalendar: { file: string; completeJson: boolean; parsesWhenWrapped?: boolean } }[];
    };
    for (const c of index.cases) {
      const json = c.jscalendar;
      if (!json.completeJson && !json.parsesWhenWrapped) continue;
      out.push({ name: `${draft} ${c.id}`, file: join(fixtures, 'jscalendar-icalendar', draft, json.file), wrapped: !json.completeJson });
    }
  }
  return out;
}

/** Removes the examples' `"...": ""` placeholder members (RFC notation, not data). */
function withoutEllipsis(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEllipsis);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '...').map(([k, v]) => [k, withoutEllipsis(v)]));
}

/** Every object in the document that has recurrenceOverrides (events and tasks, also inside Groups). */
function recurringObjects(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => recurringObjects(v, found));
  else if (isJsonObject(value)) {
    if (isJsonObject(value.recurrenceOverrides)) found.push(value);
    Object.values(value).forEach((v) => recurringObjects(v, found));
  }
  return found;
}

const cases = sources().flatMap((source) => {
  const text = readFileSync(source.file, 'utf8');
  const doc = withoutEllipsis(JSON.parse(source.wrapped ? `{${text}}` : text));
  return recurringObjects(doc).flatMap((master) =>
    Object.entries(master.recurrenceOverrides as Record<string, Record<string, unknown>>).map(
      ([recurrenceId, patch]) => ({ name: `${source.name} ${recurrenceId}`, master, patch }),
    ));
});

describe('recurrenceOverrides of the RFC and draft examples', () => {
  it('are found in the corpus (the RFC §6.9/§6.10 examples among them)', () => {
    expect(cases.filter((c) => c.name.startsWith('rfc8984')).length).toBeGreaterThanOrEqual(4);
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('$name applies strictly and diffs back', ({ master, patch }) => {
    expect(isPatchObject(patch)).toBe(true);
    const { recurrenceOverrides: _o, recurrenceRules: _r, recurrenceRule: _r1, excludedRecurrenceRules: _x, ...base } = master;
    const instance = applyPatch(base, patch, { mode: 'strict' });
    if (!instance.ok) throw new Error(JSON.stringify(instance.errors));
    expect(instance.warnings).toEqual([]);
    for (const [key, value] of Object.entries(patch)) {
      if (!key.includes('/')) expect(instance.value[key]).toEqual(value);
    }
    const rebuilt = diffPatch(base, instance.value);
    const back = applyPatch(base, rebuilt, { mode: 'strict' });
    expect(back.ok && jsonEqual(back.value, instance.value)).toBe(true);
    expect(JSON.stringify(rebuilt).length).toBeLessThanOrEqual(JSON.stringify(patch).length);
  });

  it('reproduce RFC 8984 §6.10: one participant declines one occurrence', () => {
    const c = cases.find((x) => x.name.includes('6.10') || x.name.includes('10-example'));
    expect(c).toBeDefined();
    const { recurrenceOverrides: _o, ...base } = c!.master;
    const instance = applyPatch(base, c!.patch, { mode: 'strict' });
    expect(instance.ok && (instance.value as { participants: Record<string, { participationStatus: string }> })
      .participants['dG9tQGZvb2Jhci5xlLmNvbQ']!.participationStatus).toBe('declined');
    expect(diffPatch(base, instance.ok ? instance.value : {})).toEqual(c!.patch);
  });
});
