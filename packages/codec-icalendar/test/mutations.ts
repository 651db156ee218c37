import fc from 'fast-check';

/** One way to damage an iCalendar text, as fuzzers of real-world files see them. */
export type Mutation =
  | { kind: 'drop' | 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'replace-value'; at: number; value: string }
  | { kind: 'insert'; at: number; line: string };

const evil = fc.constantFrom(
  'DTSTART;TZID=Bogus/Zone:20240101T100000',
  'DTSTART;TZID=W. Europe Standard Time:20240230T250000',
  'DTEND:99999999T999999Z',
  'RRULE:FREQ=SECONDLY;COUNT=99999999;BYSETPOS=1',
  'RRULE:FREQ=MONTHLY;BYMONTH=13;BYDAY=9XX',
  'EXDATE:2024,garbage,',
  `X-HUGE;${Array.from({ length: 3000 }, (_, i) => `P${i}=${'v'.repeat(5)}`).join(';')}:x`,
  `ATTENDEE;CN="${'"'.repeat(50)}:mailto:a@b`,
  'BEGIN:VEVENT',
  'END:VCALENDAR',
  'BEGIN:' + 'X'.repeat(5000),
  'TRIGGER;RELATED=END:-PXYZ',
  'GEO:;',
  ';;;:::',
  ':',
  'DURATION:P1000000000W',
);

/** Arbitrary mutations over a text of `lines` lines. */
export function mutationArb(lines: number): fc.Arbitrary<Mutation[]> {
  const at = fc.nat({ max: Math.max(0, lines - 1) });
  const one: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), at }),
    fc.record({ kind: fc.constant('duplicate' as const), at }),
    fc.record({ kind: fc.constant('swap' as const), at, with: at }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('replace-value' as const), at, value: fc.oneof(fc.string({ maxLength: 40 }), evil) }),
    fc.record({ kind: fc.constant('insert' as const), at, line: evil }),
  );
  return fc.array(one, { minLength: 1, maxLength: 6 });
}

/** Applies mutations to the bytes of a text; the result may be any byte soup. */
export function applyMutations(text: string, mutations: Mutation[]): Uint8Array {
  let lines = text.split(/\r?\n/);
  let bytes: Uint8Array | undefined;
  for (const m of mutations) {
    if (bytes) {
      // Once bytes are damaged, only byte-level damage continues.
      if (m.kind === 'flip' && bytes.length > 0) bytes[m.at % bytes.length] = m.byte;
      if (m.kind === 'truncate') bytes = bytes.subarray(0, m.at % (bytes.length + 1));
      continue;
    }
    const i = lines.length === 0 ? 0 : m.at % lines.length;
    switch (m.kind) {
      case 'drop': lines.splice(i, 1); break;
      case 'duplicate': lines.splice(i, 0, lines[i] ?? ''); break;
      case 'swap': {
        const j = lines.length === 0 ? 0 : m.with % lines.length;
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      }
      case 'replace-value': {
        const line = lines[i] ?? '';
        const colon = line.indexOf(':');
        lines[i] = colon === -1 ? m.value : line.slice(0, colon + 1) + m.value;
        break;
      }
      case 'insert': lines.splice(i, 0, m.line); break;
      case 'flip':
      case 'truncate':
        bytes = new TextEncoder().encode(lines.join('\r\n'));
        if (m.kind === 'flip' && bytes.length > 0) bytes[m.at % bytes.length] = m.byte;
        else if (m.kind === 'truncate') bytes = bytes.subarray(0, m.at % (bytes.length + 1));
        break;
    }
  }
  return bytes ?? new TextEncoder().encode(lines.join('\r\n'));
}
