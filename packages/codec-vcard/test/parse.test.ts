import { describe, expect, it } from '@jest/globals';
import { parseVCard, parseVCardEntries, parseVCards, type JCardProperty } from '../src/index.js';

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
function props(text: string): JCardProperty[] {
  const r = parseVCard(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value[1];
}

describe('parseVCards', () => {
  it('reads several cards and keeps the good ones when one is malformed (strict)', () => {
    const text = crlf(
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:First', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'this line has no colon', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Third', 'END:VCARD',
    );
    const r = parseVCards(text, { strict: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((c) => c[1].find((p) => p[0] === 'fn')?.[3])).toEqual(['First', 'Third']);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'vcard/malformed-line', line: 7 }),
      expect.objectContaining({ code: 'vcard/card-rejected', line: 5 }),
    ]);
  });

  it('skips a malformed line with a warning in lenient mode', () => {
    const r = parseVCards(crlf('BEGIN:VCARD', 'VERSION:4.0', 'garbage', 'FN:A', 'END:VCARD'));
    expect(r.ok && r.value[0]![1].map((p) => p[0])).toEqual(['version', 'fn']);
    expect(r.ok && r.warnings).toEqual([expect.objectContaining({ code: 'vcard/malformed-line', line: 3 })]);
  });

  it('reports the first physical line of a folded content line', () => {
    const { cards } = parseVCardEntries(crlf('BEGIN:VCARD', 'VERSION:4.0', 'NOTE:a', ' b', 'X-BAD;"', ' x', 'END:VCARD'));
    expect(cards[0]!.parsed.ok && cards[0]!.parsed.warnings).toEqual([expect.objectContaining({ line: 5 })]);
  });

  it('closes a card whose END:VCARD is missing and still reads the next one', () => {
    const r = parseVCards(crlf('BEGIN:VCARD', 'VERSION:4.0', 'FN:A', 'BEGIN:VCARD', 'VERSION:4.0', 'FN:B', 'END:VCARD'));
    expect(r.ok && r.value.length).toBe(2);
    expect(r.ok && r.warnings[0]).toEqual(expect.objectContaining({ code: 'vcard/missing-end', line: 1 }));
  });

  it('fails when there is no card at all', () => {
    expect(parseVCards('hello')).toEqual({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ code: 'vcard/no-card' })]) });
    expect(parseVCards(42 as unknown as string).ok).toBe(false);
  });

  it('adds VERSION:3.0 to a card without VERSION and says so', () => {
    const r = parseVCard(crlf('BEGIN:VCARD', 'FN:A', 'END:VCARD'));
    expect(r.ok && r.value[1][0]).toEqual(['version', {}, 'text', '3.0']);
    expect(r.ok && r.warnings[0]?.code).toBe('vcard/missing-version');
    expect(parseVCard(crlf('BEGIN:VCARD', 'FN:A', 'END:VCARD'), { strict: true }).ok).toBe(false);
  });
});

describe('content lines', () => {
  it('unfolds lines folded with a space or a tab, LF or CRLF', () => {
    expect(props('BEGIN:VCARD\nVERSION:4.0\nNOTE:ab\n c\n\td\nEND:VCARD')[1]).toEqual(['note', {}, 'text', 'abcd']);
  });

  it('keeps the group, lowercased, as the jCard group parameter', () => {
    expect(props(crlf('BEGIN:VCARD', 'VERSION:3.0', 'Item1.EMAIL;type=INTERNET:a@b', 'item1.X-ABLabel:_$!<Work>!$_', 'END:VCARD')).slice(1)).toEqual([
      ['email', { type: 'INTERNET', group: 'item1' }, 'text', 'a@b'],
      ['x-ablabel', { group: 'item1' }, 'unknown', '_$!<Work>!$_'],
    ]);
  });

  it('reads a literal GROUP parameter as the group (jCard has no other place for it)', () => {
    const r = parseVCard(crlf('BEGIN:VCARD', 'VERSION:4.0', 'TEL;GROUP=Home:1', 'x.EMAIL;GROUP=y:a@b', 'END:VCARD'));
    expect(r.ok && r.value[1].slice(1)).toEqual([
      ['tel', { group: 'home' }, 'uri', '1'],
      ['email', { group: 'x' }, 'text', 'a@b'],
    ]);
    expect(r.ok && r.warnings.map((w) => [w.code, w.line])).toEqual([
      ['vcard/group-parameter', 3],
      ['vcard/group-parameter', 4],
    ]);
  });

  it('treats Object.prototype member names as plain names and leaves out a __proto__ parameter', () => {
    const r = parseVCard(crlf('BEGIN:VCARD', 'VERSION:4.0', 'CONSTRUCTOR;CONSTRUCTOR=a;CONSTRUCTOR=b;VALUE=toString;__proto__=x:v', 'END:VCARD'));
    expect(r.ok && r.value[1].slice(1)).toEqual([['constructor', { constructor: 'a,b' }, 'tostring', 'v']]);
    expect(r.ok && r.warnings.map((w) => [w.code, w.line])).toEqual([['vcard/bad-parameter-name', 3]]);
  });

  it('decodes quoted and RFC 6868 parameter values and keeps unknown parameters', () => {
    const [, adr] = props(crlf('BEGIN:VCARD', 'VERSION:4.0', 'ADR;LABEL="a^nb ^\'q^\' ^^";X-Foo=bar;GEO="geo:1,2":;;s;l;r;p;c', 'END:VCARD'));
    expect(adr).toEqual(['adr', { label: 'a\nb "q" ^', 'x-foo': 'bar', geo: 'geo:1,2' }, 'text', ['', '', 's', 'l', 'r', 'p', 'c']]);
  });

  it('splits structured values only at unescaped separators', () => {
    const [, n, org] = props(crlf('BEGIN:VCARD', 'VERSION:4.0', 'N:a\\;b;c\\\\;d,e', 'ORG:A\\, Inc.;Dept', 'END:VCARD'));
    expect(n).toEqual(['n', {}, 'text', ['a;b', 'c\\', ['d', 'e']]]);
    expect(org).toEqual(['org', {}, 'text', ['A, Inc.', 'Dept']]);
  });

  it('keeps a value that does not fit its type as raw text', () => {
    const r = parseVCard(crlf('BEGIN:VCARD', 'VERSION:4.0', 'BDAY:circa 1800', 'END:VCARD'));
    expect(r.ok && r.value[1][1]).toEqual(['bday', {}, 'unknown', 'circa 1800']);
    expect(r.ok && r.warnings[0]).toEqual(expect.objectContaining({ code: 'vcard/invalid-value', line: 3 }));
  });
});

describe('vCard 2.1', () => {
  it('reads bare parameters as TYPE and ENCODING values', () => {
    const [, tel, photo] = props(crlf('BEGIN:VCARD', 'VERSION:2.1', 'TEL;WORK;VOICE:(111) 555-1212', 'PHOTO;JPEG;BASE64:AAAA', '', 'END:VCARD'));
    expect(tel).toEqual(['tel', { type: ['WORK', 'VOICE'] }, 'phone-number', '(111) 555-1212']);
    expect(photo).toEqual(['photo', { type: 'JPEG', encoding: 'b' }, 'binary', 'AAAA']);
  });

  it('decodes QUOTED-PRINTABLE with soft line breaks and the declared charset', () => {
    const text = crlf(
      'BEGIN:VCARD', 'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=',
      '=C3=BCrgen',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Stra=DFe=0D=0A2. Zeile',
      'END:VCARD',
    );
    const [, n, note] = props(text);
    expect(n).toEqual(['n', {}, 'text', ['Müller', 'Jürgen']]);
    expect(note).toEqual(['note', {}, 'text', 'Straße\n2. Zeile']);
  });

  it('reads base64 continued on lines without a colon', () => {
    const [, photo] = props(crlf('BEGIN:VCARD', 'VERSION:2.1', 'PHOTO;ENCODING=BASE64;TYPE=GIF:R0lG', 'ODlh', 'AQAB', '', 'END:VCARD'));
    expect(photo).toEqual(['photo', { encoding: 'b', type: 'GIF' }, 'binary', 'R0lGODlhAQAB']);
  });

  it('reports bare parameters outside 2.1 and rejects them in strict mode', () => {
    const text = crlf('BEGIN:VCARD', 'VERSION:3.0', 'TEL;WORK:1', 'END:VCARD');
    expect(parseVCard(text).ok && (parseVCard(text) as { warnings: unknown[] }).warnings).toEqual([
      expect.objectContaining({ code: 'vcard/bare-parameter', line: 3 }),
    ]);
    expect(parseVCard(text, { strict: true }).ok).toBe(false);
  });
});

describe('parseVCard', () => {
  it('warns that further cards are ignored', () => {
    const r = parseVCard(crlf('BEGIN:VCARD', 'VERSION:4.0', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:4.0', 'END:VCARD'));
    expect(r.ok && r.warnings).toEqual([expect.objectContaining({ code: 'vcard/extra-card', line: 4 })]);
  });
});
