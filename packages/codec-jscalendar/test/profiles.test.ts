import { describe, expect, it } from '@jest/globals';
import { egroupwareToRfc, formatJSCalendar, nestedToPatch, parseJSCalendarInput, patchToNested, quantisePriority, rfcToEgroupware, validateJSCalendar } from '../src/index.js';

describe('egroupware ⇄ rfc profiles', () => {
  it('maps sequence, byDay, categories, relation and progress', () => {
    const eg = {
      '@type': 'Task', uid: 'u', sequence: '3', categories: { Work: true }, progress: 'in-progress', status: 'confirmed',
      relatedTo: { p: { '@type': 'Relation', relation: 'parent' } },
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', byDay: { '@type': 'NDay', day: 'mo,we' } }],
    };
    const rfc = egroupwareToRfc(eg);
    expect(rfc).toEqual({
      '@type': 'Task', uid: 'u', sequence: 3, keywords: { Work: true }, progress: 'in-process',
      relatedTo: { p: { '@type': 'Relation', relation: { parent: true } } },
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', byDay: [{ '@type': 'NDay', day: 'mo' }, { '@type': 'NDay', day: 'we' }] }],
    });
    expect(validateJSCalendar(rfc)).toEqual([]);
    expect(rfcToEgroupware(rfc)).toEqual(eg);
  });

  it('keeps a Task status that does not follow from the progress', () => {
    expect(egroupwareToRfc({ '@type': 'Task', progress: 'completed', status: 'cancelled' }).status).toBe('cancelled');
    expect(rfcToEgroupware({ '@type': 'Task', progress: 'egroupware.org:offer' }).status).toBe('tentative');
  });

  it('keeps byDay lists with different nthOfPeriod as a list', () => {
    const rfc = { '@type': 'Event', recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'monthly', byDay: [{ '@type': 'NDay', day: 'mo', nthOfPeriod: 1 }, { '@type': 'NDay', day: 'fr', nthOfPeriod: -1 }] }] };
    expect(rfcToEgroupware(rfc)).toEqual(rfc);
  });

  it('adds sendTo and replyTo from emails and the owner, and leaves them out again', () => {
    const eg = { '@type': 'Event', participants: { 5: { '@type': 'Participant', email: 'ralf@x.org', roles: { owner: true, chair: true } }, 44: { '@type': 'Participant', email: 'b@x.org', roles: { attendee: true } } } };
    const rfc = egroupwareToRfc(eg);
    expect(rfc.replyTo).toEqual({ imip: 'mailto:ralf@x.org' });
    expect((rfc.participants as Record<string, { sendTo: unknown }>)['44']!.sendTo).toEqual({ imip: 'mailto:b@x.org' });
    expect(rfcToEgroupware(rfc)).toEqual(eg);
  });

  it('converts nested override objects to PatchObjects against the main event and back', () => {
    const main = { title: 'A', alerts: { a1: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT5M' } } }, participants: { 5: { name: 'R' } } };
    const nested = { title: 'B', alerts: { a1: null, a2: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: 'PT0S' } } }, participants: { 44: { name: 'B' } } };
    const patch = nestedToPatch(nested, main);
    expect(patch).toEqual({ title: 'B', 'alerts/a1': null, 'alerts/a2': nested.alerts.a2, 'participants/44': { name: 'B' } });
    expect(patchToNested(patch)).toEqual(nested);
  });

  it('quantises priorities to the levels EGroupware stores', () => {
    expect([0, 1, 2, 4, 5, 6, 9].map((p) => quantisePriority(p, false))).toEqual([0, 1, 1, 1, 5, 9, 9]);
    expect([0, 1, 2, 3, 4, 6, 7, 9].map((p) => quantisePriority(p, true))).toEqual([5, 1, 3, 3, 5, 5, 9, 9]);
  });

  it('writes extra dates as {start} and reads them back as empty patches', () => {
    const rfc = { '@type': 'Event', start: '2024-01-01T10:00:00', recurrenceOverrides: { '2024-01-05T10:00:00': {} } };
    const eg = rfcToEgroupware(rfc);
    expect(eg.recurrenceOverrides).toEqual({ '2024-01-05T10:00:00': { start: '2024-01-05T10:00:00' } });
    expect(egroupwareToRfc(eg)).toEqual(rfc);
  });
});

describe('parseJSCalendarInput', () => {
  it('accepts lenient input with warnings that point at what was coerced', () => {
    const r = parseJSCalendarInput('{"title":"x","start":"2024-01-01T10:00:00","keywords":["a","b"],"alerts":[{"trigger":"-PT15M"}],"sequence":"2"}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      '@type': 'Event', title: 'x', start: '2024-01-01T10:00:00', keywords: { a: true, b: true }, sequence: 2,
      alerts: { 1: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT15M' } } },
    });
    expect(r.warnings.map((w) => w.path)).toEqual(['/@type', '/sequence', '/keywords', '/alerts', '/alerts/1/trigger']);
  });

  it('keeps unknown members in lenient mode and rejects them in strict mode', () => {
    const input = { '@type': 'Event', start: '2024-01-01T10:00:00', titel: 'typo', 'example.com:x': 1 };
    const lenient = parseJSCalendarInput(input);
    expect(lenient.ok && lenient.value).toEqual(input);
    const strict = parseJSCalendarInput(input, { strict: true });
    expect(strict.ok ? [] : strict.errors.map((e) => e.path)).toEqual(['/titel']);
  });

  it('rejects what cannot be coerced, with JSON pointers', () => {
    const r = parseJSCalendarInput({ '@type': 'Event', start: 'tomorrow', duration: '1 hour', priority: 12 });
    expect(r.ok ? [] : r.errors.map((e) => e.path).sort()).toEqual(['/duration', '/priority', '/start']);
  });

  it('rejects invalid JSON, non-objects and the wrong type', () => {
    expect(parseJSCalendarInput('{nope').ok).toBe(false);
    expect(parseJSCalendarInput('[]').ok).toBe(false);
    const r = parseJSCalendarInput({ '@type': 'Task' }, { type: 'Event' });
    expect(!r.ok && r.errors[0]!.path).toBe('/@type');
  });

  it('strict mode does not coerce', () => {
    const r = parseJSCalendarInput({ '@type': 'Event', start: '2024-01-01T10:00:00', sequence: '1' }, { strict: true });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['/sequence']);
  });

  it('requires uid, updated and start only when asked for complete objects', () => {
    const r = parseJSCalendarInput({ '@type': 'Event', title: 'x' }, { strict: true, complete: true });
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([expect.stringContaining('uid'), expect.stringContaining('updated'), expect.stringContaining('start')]);
  });

  it('formats in the rfc profile as a copy', () => {
    const e = { '@type': 'Event' as const, uid: 'u', start: '2024-01-01T10:00:00', sequence: 2 };
    expect(formatJSCalendar(e, { profile: 'rfc' })).toEqual(e);
    expect(formatJSCalendar(e, { profile: 'egroupware' }).sequence).toBe('2');
  });
});
