import { icalendarToJSCalendarGroups, jscalendarToICalendar } from '../../src/icalendar/index.js';
import type { Group } from '../../src/index.js';
import { diffICal, diffJSON, expandICalExample, expandJSONExample, fillMandatory } from './draft-notation.js';
import { readFixture, readFixtureJson } from './fixtures.js';

interface DraftIndex {
  cases: Array<{ id: string; icalendar: { file: string }; jscalendar: { file: string } }>;
}

/** One direction of one draft test case, with the differences found (empty = pass). */
export interface DraftResult {
  id: string;
  diffs: string[];
}

/** Runs both directions of every case of a draft's `cases.json` (fixtures README §1). */
export function runDraftCases(dir: string, convertOptions: { version?: '2.0' } = {}): DraftResult[] {
  const index = readFixtureJson<DraftIndex>(`${dir}/cases.json`);
  const results: DraftResult[] = [];
  for (const c of index.cases) {
    const icalText = readFixture(`${dir}/${c.icalendar.file}`);
    const jsonText = readFixture(`${dir}/${c.jscalendar.file}`);
    results.push({ id: `${c.id}/ical-to-jscal`, diffs: attempt(() => forward(icalText, jsonText, convertOptions)) });
    results.push({ id: `${c.id}/jscal-to-ical`, diffs: attempt(() => backward(icalText, jsonText)) });
  }
  return results;
}

function attempt(f: () => string[]): string[] {
  try {
    return f();
  } catch (err) {
    return [`threw: ${(err as Error).message}`];
  }
}

function forward(icalText: string, jsonText: string, options: { version?: '2.0' }): string[] {
  const ical = expandICalExample(icalText);
  const expected = expandJSONExample(jsonText);
  const r = icalendarToJSCalendarGroups(fillMandatory(ical), options);
  if (!r.ok) return [`conversion failed: ${JSON.stringify(r.errors)}`];
  return diffJSON(expected.group, r.value[0], expected.open);
}

function backward(icalText: string, jsonText: string): string[] {
  const ical = expandICalExample(icalText);
  const expected = expandJSONExample(jsonText);
  const r = jscalendarToICalendar(expected.group as unknown as Group, { fillRequired: false });
  if (!r.ok) return [`conversion failed: ${JSON.stringify(r.errors)}`];
  return diffICal(ical, r.value);
}
