import { describe, expect, it } from '@jest/globals';
import { XmlError } from './errors.js';
import { APPLE_ICAL_NS, CALDAV_NS, CALENDARSERVER_NS, DAV_NS, XML_NS } from './names.js';
import { parseDavBody, parseXml } from './parse.js';
import type { XmlElement } from './tree.js';

/** `{ns}local` names of the element and its descendants, depth first. */
function names(element: XmlElement): string[] {
  return [`{${element.ns}}${element.local}`, ...element.children.flatMap(names)];
}

function errorOf(run: () => unknown): XmlError {
  try {
    run();
  } catch (err) {
    if (err instanceof XmlError) return err;
    throw new Error(`expected an XmlError, got ${String(err)}`);
  }
  throw new Error('expected an XmlError, got a result');
}

describe('parseXml namespace resolution', () => {
  const cases: { title: string; xml: string; expected: string[] }[] = [
    {
      title: 'resolves a prefixed DAV: document',
      xml: '<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>',
      expected: ['{DAV:}propfind', '{DAV:}prop', '{DAV:}getetag'],
    },
    {
      title: 'resolves a default namespace (Thunderbird style)',
      xml: '<propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>',
      expected: ['{DAV:}propfind', '{DAV:}prop', '{DAV:}resourcetype'],
    },
    {
      title: 'resolves any prefix, including one usually meaning something else',
      xml: '<C:propfind xmlns:C="DAV:" xmlns:D="http://apple.com/ns/ical/"><C:prop><D:calendar-color/></C:prop></C:propfind>',
      expected: ['{DAV:}propfind', '{DAV:}prop', `{${APPLE_ICAL_NS}}calendar-color`],
    },
    {
      title: 'applies a prefix redeclared on a nested element to that element only',
      xml: '<A:propfind xmlns:A="DAV:"><A:prop><A:x xmlns:A="http://calendarserver.org/ns/"/><A:getetag/></A:prop></A:propfind>',
      expected: ['{DAV:}propfind', '{DAV:}prop', `{${CALENDARSERVER_NS}}x`, '{DAV:}getetag'],
    },
    {
      title: 'switches the default namespace on a nested element',
      xml: '<propfind xmlns="DAV:"><prop><calendar-data xmlns="urn:ietf:params:xml:ns:caldav"/><getetag/></prop></propfind>',
      expected: ['{DAV:}propfind', '{DAV:}prop', `{${CALDAV_NS}}calendar-data`, '{DAV:}getetag'],
    },
    {
      title: 'undeclares the default namespace with xmlns=""',
      xml: '<propfind xmlns="DAV:"><prop><unqualified xmlns=""><inner/></unqualified></prop></propfind>',
      expected: ['{DAV:}propfind', '{DAV:}prop', '{}unqualified', '{}inner'],
    },
    {
      title: 'puts unprefixed elements in no namespace when no default is declared',
      xml: '<root><child/></root>',
      expected: ['{}root', '{}child'],
    },
  ];
  it.each(cases)('$title', ({ xml, expected }) => {
    expect(names(parseXml(xml))).toEqual(expected);
  });

  it('keys attributes by Clark name, unprefixed ones in no namespace even under a default namespace', () => {
    const root = parseXml('<comp xmlns="urn:ietf:params:xml:ns:caldav" xmlns:x="urn:x" name="VEVENT" x:flag="1" xml:lang="de"/>');
    expect({ ...root.attrs }).toEqual({ name: 'VEVENT', '{urn:x}flag': '1', [`{${XML_NS}}lang`]: 'de' });
  });

  it('does not report namespace declarations as attributes', () => {
    expect(Object.keys(parseXml('<a xmlns="urn:a" xmlns:b="urn:b"/>').attrs)).toEqual([]);
  });

  it('records the prefix the author used as a hint', () => {
    const root = parseXml('<A:propfind xmlns:A="DAV:"><prop xmlns="DAV:"/></A:propfind>');
    expect([root.prefix, root.children[0]?.prefix]).toEqual(['A', '']);
  });

  it('keeps mixed content in order and concatenates text', () => {
    const root = parseXml('<x:v xmlns:x="urn:x">a<x:b/>c<![CDATA[<d>]]>&amp;&#x41;&#66;</x:v>');
    expect(root.content.map((n) => (typeof n === 'string' ? n : `<${(n as XmlElement).local}>`))).toEqual(['a', '<b>', 'c<d>&AB']);
    expect(root.text).toBe('ac<d>&AB');
  });

  it('normalises CRLF in text and whitespace in attribute values', () => {
    const root = parseXml('<a b="x\ty\nz" c="1&#10;2">l1\r\nl2\rl3</a>');
    expect(root.text).toBe('l1\nl2\nl3');
    expect({ ...root.attrs }).toEqual({ b: 'x y z', c: '1\n2' });
  });

  it('keeps CR written as a character reference (calendar data with CRLF)', () => {
    expect(parseXml('<a>BEGIN:VCALENDAR&#13;\nEND:VCALENDAR&#13;\n</a>').text).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });

  it('accepts a byte order mark, an XML declaration, comments and processing instructions around the root', () => {
    const root = parseXml('\ufeff<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><?pi x?><a><!-- inner --></a>\n<!-- after -->\n');
    expect(root.local).toBe('a');
    expect(root.content).toEqual([]);
  });

  it('decodes bytes in the declared encoding', () => {
    const latin1 = Uint8Array.from([...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe4, ...Buffer.from('</a>')]);
    expect(parseXml(latin1).text).toBe('ä');
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>ü</a>', 'utf16le')]);
    expect(parseXml(utf16).text).toBe('ü');
  });

  it('lets the Content-Type charset win over the declaration', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>ü</a>', 'utf8');
    expect(parseXml(bytes, { charset: 'utf-8' }).text).toBe('ü');
  });
});

describe('parseXml refusals', () => {
  const cases: { title: string; xml: string | Uint8Array; reason: string; options?: object }[] = [
    { title: 'a DOCTYPE', xml: '<!DOCTYPE a><a/>', reason: 'dtd' },
    {
      title: 'billion laughs',
      xml: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>',
      reason: 'dtd',
    },
    { title: 'an external entity', xml: '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', reason: 'dtd' },
    { title: 'a DOCTYPE after a comment', xml: '<!-- x --><!DOCTYPE a><a/>', reason: 'dtd' },
    { title: 'an undeclared entity', xml: '<a>&nbsp;</a>', reason: 'entity' },
    { title: 'an undeclared entity in an attribute', xml: '<a b="&x;"/>', reason: 'entity' },
    { title: 'a stray ampersand in an attribute', xml: '<a b="x & y"/>', reason: 'entity' },
    { title: 'a reference to a forbidden character', xml: '<a>&#1;</a>', reason: 'entity' },
    { title: 'a reference to a surrogate', xml: '<a>&#xD800;</a>', reason: 'entity' },
    { title: 'a control character', xml: '<a>\u0001</a>', reason: 'invalid-char' },
    { title: 'a lone surrogate', xml: '<a>\ud800</a>', reason: 'invalid-char' },
    { title: 'U+FFFF', xml: '<a>\uffff</a>', reason: 'invalid-char' },
    { title: 'an undeclared prefix', xml: '<D:propfind/>', reason: 'namespace' },
    { title: 'an undeclared attribute prefix', xml: '<a x:b="1"/>', reason: 'namespace' },
    { title: 'two colons in a name', xml: '<a:b:c xmlns:a="urn:a"/>', reason: 'namespace' },
    { title: 'undeclaring a prefix', xml: '<a xmlns:p=""/>', reason: 'namespace' },
    { title: 'rebinding xml', xml: '<a xmlns:xml="urn:x"/>', reason: 'namespace' },
    { title: 'declaring xmlns', xml: '<a xmlns:xmlns="urn:x"/>', reason: 'namespace' },
    { title: 'the same expanded attribute twice', xml: '<a xmlns:p="urn:x" xmlns:q="urn:x" p:b="1" q:b="2"/>', reason: 'namespace' },
    { title: 'mismatched tags', xml: '<a><b></a></b>', reason: 'malformed' },
    { title: 'an unclosed element', xml: '<a><b/>', reason: 'malformed' },
    { title: 'two root elements', xml: '<a/><b/>', reason: 'malformed' },
    { title: 'text after a self-closing root', xml: '<a/>junk', reason: 'malformed' },
    { title: 'text after the root', xml: '<a></a>junk', reason: 'malformed' },
    { title: 'text before the root', xml: 'junk<a/>', reason: 'malformed' },
    { title: 'no root at all', xml: '<!-- only a comment -->', reason: 'malformed' },
    { title: 'an empty document', xml: '', reason: 'malformed' },
    { title: 'an unterminated comment', xml: '<a><!-- x </a>', reason: 'malformed' },
    { title: 'an unterminated CDATA section', xml: '<a><![CDATA[ x </a>', reason: 'malformed' },
    { title: '< in an attribute value', xml: '<a b="<"/>', reason: 'malformed' },
    { title: ']]> in text', xml: '<a>]]></a>', reason: 'malformed' },
    { title: 'an attribute without value', xml: '<a b/>', reason: 'malformed' },
    { title: 'invalid UTF-8 bytes', xml: Uint8Array.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]), reason: 'encoding' },
    { title: 'an unknown encoding', xml: Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>'), reason: 'encoding' },
    { title: 'a body above maxBytes', xml: `<a>${'x'.repeat(2000)}</a>`, reason: 'too-large', options: { maxBytes: 1000 } },
    { title: 'multi-byte text above maxBytes', xml: `<a>${'ä'.repeat(600)}</a>`, reason: 'too-large', options: { maxBytes: 1000 } },
    { title: 'nesting beyond maxDepth', xml: `${'<a>'.repeat(65)}${'</a>'.repeat(65)}`, reason: 'too-deep' },
    { title: 'more elements than maxElements', xml: `<r>${'<a/>'.repeat(10)}</r>`, reason: 'too-many-elements', options: { maxElements: 10 } },
    { title: 'more attributes than maxAttributes', xml: `<a ${Array.from({ length: 300 }, (_, i) => `a${i}="1"`).join(' ')}/>`, reason: 'too-many-attributes' },
  ];
  it.each(cases)('refuses $title', ({ xml, reason, options }) => {
    expect(errorOf(() => parseXml(xml, options)).reason).toBe(reason);
  });

  it('accepts exactly maxDepth levels', () => {
    expect(parseXml(`${'<a>'.repeat(64)}${'</a>'.repeat(64)}`).local).toBe('a');
  });

  it('accepts exactly maxElements elements', () => {
    expect(parseXml(`<r>${'<a/>'.repeat(9)}</r>`, { maxElements: 10 }).children).toHaveLength(9);
  });

  it('does not count markup inside comments and CDATA as elements', () => {
    expect(parseXml(`<r><!--${'<a/>'.repeat(50)}--><![CDATA[${'<a/>'.repeat(50)}]]></r>`, { maxElements: 1 }).text).toBe('<a/>'.repeat(50));
  });

  it('maps sizes and bodies to HTTP statuses', () => {
    expect(errorOf(() => parseXml('<a>xx</a>', { maxBytes: 4 })).status).toBe(413);
    expect(errorOf(() => parseXml('<a>')).status).toBe(400);
    expect(errorOf(() => parseXml(Buffer.from('<?xml version="1.0" encoding="nope"?><a/>'))).status).toBe(415);
  });

  it('reports the line of a DTD', () => {
    const error = errorOf(() => parseXml('<?xml version="1.0"?>\n\n<!DOCTYPE x>\n<x/>'));
    expect([error.line, error.column]).toEqual([3, 1]);
  });

  it('names JavaScript-reserved words as ordinary element and attribute names', () => {
    const root = parseXml('<__proto__ constructor="1"><toString/><hasOwnProperty/></__proto__>');
    expect(names(root)).toEqual(['{}__proto__', '{}toString', '{}hasOwnProperty']);
    expect(root.attrs.constructor).toBe('1');
  });
});

describe('parseDavBody', () => {
  it.each([undefined, null, '', '   \n', '\ufeff', Buffer.from(' \r\n')])('returns undefined for an absent or blank body (%p)', (body) => {
    expect(parseDavBody(body)).toBeUndefined();
  });

  it('parses a present body', () => {
    expect(parseDavBody('<propfind xmlns="DAV:"/>')?.ns).toBe(DAV_NS);
  });
});
