import { parseICalendar, type JCalComponent } from '@almanac/codec-icalendar';
import { icalendarToJSCalendarGroups, jscalendarToICalendar } from '../../src/icalendar/index.js';
import type { Group } from '../../src/index.js';
import { diffICal, diffJSON, type ICalExample } from './draft-notation.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, readFixture, readFixtureJson } from './fixtures.js';

interface CalcardIndex {
  files: Array<{ inCorpus: boolean; tests: Array<{ dir: string; direction: string; blocks: Record<string, { file: string }> }> }>;
}

/** One calcard JSCalendar test (both steps), with the differences found (empty = pass). */
export interface CalcardResult {
  id: string;
  diffs: string[];
}

/** calcard's completion of iCalendar fragments (fixtures README §3). */
function icalOf(text: string): JCalComponent {
  let t = text.trim();
  if (!/^BEGIN:/i.test(t)) t = `BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\n${t}\nEND:VEVENT\nEND:VCALENDAR`;
  else if (!/^BEGIN:VCALENDAR/i.test(t)) t = `BEGIN:VCALENDAR\nVERSION:2.0\n${t}\nEND:VCALENDAR`;
  const r = parseICalendar(t);
  if (!r.ok) throw new Error(`iCalendar does not parse: ${JSON.stringify(r.errors)}`);
  // calcard compares ignoring VERSION.
  return withoutVersion(r.value[0]!);
}

/** calcard's completion of JSON fragments: braces, and a Group around a lone entry. */
function jsonOf(text: string): Record<string, unknown> {
  const t = text.trim();
  const v = JSON.parse(t.startsWith('{') ? t : `{${t}}`) as Record<string, unknown>;
  if (v['@type'] === 'Group') return v;
  return { '@type': 'Group', entries: [{ '@type': 'Event', ...v }] };
}

const exact = (jcal: JCalComponent): ICalExample => ({ jcal, open: new Set(), optional: new Set() });
function withoutVersion(c: JCalComponent): JCalComponent {
  return [c[0], c[1].filter((p) => p[0] !== 'version'), c[2]];
}

/** Runs every calcard JSCalendar conversion test: the conversion, then the conversion back. */
export function runCalcardCases(): CalcardResult[] {
  const index = readFixtureJson<CalcardIndex>('calcard/cases-jscalendar.json');
  const out: CalcardResult[] = [];
  for (const file of index.files) {
    for (const t of file.tests) {
      if (!t.dir || !existsSync(join(FIXTURES, 'calcard', t.dir))) continue; // the one test left out of the corpus (no dir)
      const id = t.dir.replace(/^cases\/jscalendar\//, '');
      const read = (b: string) => readFixture(`calcard/${t.blocks[b]!.file}`);
      try {
        const diffs: string[] = [];
        if (t.direction === 'icalendar-to-jscalendar') {
          const input = icalOf(read('input'));
          const r = icalendarToJSCalendarGroups(input);
          if (!r.ok) throw new Error(JSON.stringify(r.errors));
          diffs.push(...diffJSON(jsonOf(read('expected')), r.value[0], new Set()));
          const back = jscalendarToICalendar(jsonOf(read('expected')) as unknown as Group, { fillRequired: false });
          if (back.ok) diffs.push(...diffICal(exact(withoutVersion(t.blocks.roundtrip ? icalOf(read('roundtrip')) : input)), withoutVersion(back.value), true));
        } else {
          const back = jscalendarToICalendar(jsonOf(read('input')) as unknown as Group, { fillRequired: false });
          if (!back.ok) throw new Error(JSON.stringify(back.errors));
          diffs.push(...diffICal(exact(withoutVersion(icalOf(read('expected')))), withoutVersion(back.value), true));
          const r = icalendarToJSCalendarGroups(icalOf(read('expected')));
          if (r.ok) diffs.push(...diffJSON(jsonOf(t.blocks.roundtrip ? read('roundtrip') : read('input')), r.value[0], new Set()));
        }
        out.push({ id, diffs });
      } catch (err) {
        out.push({ id, diffs: [`threw: ${(err as Error).message}`] });
      }
    }
  }
  return out;
}
