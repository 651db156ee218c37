import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlError } from './errors.js';
import { CALDAV_NS, CARDDAV_NS, DAV_NS, XML_NS } from './names.js';
import { parseDavBody, parseXml } from './parse.js';
import { readMkcalendar, readMkcol } from './requests/mkcol.js';
import { readPropfind } from './requests/propfind.js';
import { readProppatch } from './requests/proppatch.js';
import { readReport } from './requests/report.js';
import { serializeElement } from './serialize.js';
import { el, RawXml, type XmlElement, type XmlNode } from './tree.js';
import { stripInvalidXmlChars } from './write/escape.js';
import { renderMultistatus } from './write/multistatus.js';

// Property-based tests: whatever arrives, the XML layer answers with a value or an XmlError,
// never another exception; and what the writers produce parses back to what they were given.
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'requests', 'fixtures');
const corpus = readdirSync(fixtures).filter((f) => f.endsWith('.xml')).sort().map((f) => readFileSync(join(fixtures, f), 'utf8'));

/** Parses and runs every reader on the body; returns the XmlError reason or 'ok'. */
function readAll(body: string | Uint8Array): string {
  try {
    const root = parseDavBody(body);
    for (const reader of [readPropfind, readProppatch, readMkcol, readMkcalendar, readReport]) {
      try {
        reader(root);
      } catch (err) {
        if (!(err instanceof XmlError)) throw err;
      }
    }
    return 'ok';
  } catch (err) {
    if (err instanceof XmlError) return err.reason;
    throw err;
  }
}

const XML_TOKENS = [
  '<', '>', '/', '</', '/>', '=', '"', "'", '&', ';', '#', 'x', ':', ' ', '\n', '\t', '\r', 'a', 'D', 'C', 'prop',
  'xmlns', 'xmlns:D', 'xmlns:C', '="DAV:"', `="${CALDAV_NS}"`, 'D:', 'C:', '<D:prop>', '</D:prop>', '<D:href>', '</D:href>',
  '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '<?xml version="1.0"?>', '<!DOCTYPE x>', '<!ENTITY e "v">', '&amp;',
  '&lt;', '&#x41;', '&#0;', '&#xD800;', '&e;', '&#65;', 'name="VEVENT"', 'xml:lang="en"', '\u0000', '\uFFFF', '\uD800',
  'ä', '😀', '\u00A0', 'comp-filter', 'time-range start="20060104T000000Z"', '<C:filter>', 'sync-token', '__proto__',
];
const xmlish = fc.array(fc.constantFrom(...XML_TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));

type Mutation = (text: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, length]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + length)),
  fc.tuple(fc.nat(), fc.constantFrom(...XML_TOKENS)).map(([at, token]): Mutation => (t) => t.slice(0, at % (t.length + 1)) + token + t.slice(at % (t.length + 1))),
  fc.tuple(fc.nat(), fc.nat({ max: 80 }), fc.nat()).map(([from, length, to]): Mutation => (t) => {
    const slice = t.slice(from % (t.length + 1), (from % (t.length + 1)) + length);
    const at = to % (t.length + 1);
    return t.slice(0, at) + slice + t.slice(at);
  }),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 3 })).map(([at, char]): Mutation => (t) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + char + t.slice(i + 1);
  }),
  fc.nat().map((at): Mutation => (t) => t.slice(0, at % (t.length + 1))),
);

describe('parsing never throws anything but XmlError', () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      readAll(text);
    }), { numRuns: RUNS });
  });

  it('on random XML-like token soups', () => {
    fc.assert(fc.property(xmlish, (text) => {
      readAll(text);
    }), { numRuns: RUNS * 2 });
  });

  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      readAll(bytes);
    }), { numRuns: RUNS });
  });

  it('on mutated request bodies from the RFCs and real clients', () => {
    fc.assert(fc.property(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 5 }), (body, mutations) => {
      readAll(mutations.reduce((text, mutate) => mutate(text), body));
    }), { numRuns: RUNS * 2 });
  });

  it('reads every unmutated corpus body without a parse error', () => {
    expect(corpus.map((body) => readAll(body)).filter((r) => r !== 'ok')).toEqual([]);
  });
});

describe('hostile bodies are refused cheaply', () => {
  const lol = (n: number): string => {
    let dtd = '<!ENTITY lol0 "lol">';
    for (let i = 1; i <= n; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    return `<?xml version="1.0"?><!DOCTYPE lolz [${dtd}]><lolz>&lol${n};</lolz>`;
  };
  it.each([
    ['billion laughs', lol(9), 'dtd'],
    ['quadratic blowup (one big entity used many times)', `<!DOCTYPE r [<!ENTITY a "${'x'.repeat(50_000)}">]><r>${'&a;'.repeat(10_000)}</r>`, 'dtd'],
    ['an external entity', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://example.com/">]><r>&x;</r>', 'dtd'],
    ['a parameter entity', '<!DOCTYPE r [<!ENTITY % p "x"> %p;]><r/>', 'dtd'],
    ['entity references without a DTD', `<r>${'&lol9;'.repeat(1000)}</r>`, 'entity'],
    ['100 000 levels of nesting', `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`, 'too-deep'],
    ['150 000 unclosed elements', '<a>'.repeat(150_000), 'too-many-elements'],
    ['100 000 unclosed elements', '<a>'.repeat(100_000), 'malformed'],
    ['200 000 empty elements', `<r>${'<a/>'.repeat(200_000)}</r>`, 'too-many-elements'],
    ['10 000 attributes on one element', `<a ${Array.from({ length: 10_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`, 'too-many-attributes'],
    ['10 000 namespace declarations on one element', `<a ${Array.from({ length: 10_000 }, (_, i) => `xmlns:p${i}="urn:${i}"`).join(' ')}/>`, 'too-many-attributes'],
    ['2 MiB of text', `<a>${'x'.repeat(2 * 1024 * 1024)}</a>`, 'too-large'],
  ])('refuses %s', (_title, body, reason) => {
    expect(readAll(body)).toBe(reason);
  });
});

// --- round trips -----------------------------------------------------------------------------

const NAMESPACES = ['', DAV_NS, CALDAV_NS, CARDDAV_NS, 'urn:example:x', 'http://example.com/a"b<c&d\'e', 'urn:äöü', 'D'];
const localName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9._-]{0,8}$/).filter((n) => !/^xml/i.test(n));
const text = fc.string({ unit: 'binary', maxLength: 30 });
const attrs = fc.dictionary(
  fc.oneof(
    localName,
    fc.tuple(fc.constantFrom(...NAMESPACES.filter((ns) => ns !== '')), localName).map(([ns, local]) => `{${ns}}${local}`),
    fc.constantFrom(`{${XML_NS}}lang`, `{${XML_NS}}space`),
  ),
  text,
  { maxKeys: 4 },
);

const tree = fc.letrec<{ element: XmlElement; node: XmlNode }>((tie) => ({
  element: fc.tuple(fc.constantFrom(...NAMESPACES), localName, attrs, fc.array(tie('node'), { maxLength: 4 }))
    .map(([ns, local, attributes, content]) => el({ ns, local }, attributes, content)),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('element')),
}));

/** What a tree must read back as: invalid characters gone, empty text gone, adjacent text merged, no prefixes. */
function expected(element: XmlElement): unknown {
  const content: unknown[] = [];
  for (const node of element.content) {
    if (node instanceof RawXml) continue;
    if (typeof node === 'string') {
      const clean = stripInvalidXmlChars(node);
      if (clean === '') continue;
      if (typeof content.at(-1) === 'string') content[content.length - 1] += clean;
      else content.push(clean);
    } else content.push(expected(node));
  }
  const attributes = Object.fromEntries(Object.entries(element.attrs).map(([k, v]) => [k, stripInvalidXmlChars(v)]));
  return { ns: element.ns, local: element.local, attrs: attributes, content };
}

function actual(element: XmlElement): unknown {
  return {
    ns: element.ns,
    local: element.local,
    attrs: { ...element.attrs },
    content: element.content.map((node) => (typeof node === 'string' ? node : actual(node as XmlElement))),
  };
}

describe('write -> parse gives the same tree', () => {
  it('for serializeElement (dead property storage)', () => {
    fc.assert(fc.property(tree.element, (element) => {
      expect(actual(parseXml(serializeElement(element)))).toEqual(expected(element));
    }), { numRuns: RUNS });
  });

  it('for properties inside a multistatus', () => {
    fc.assert(fc.property(fc.array(tree.element, { minLength: 1, maxLength: 4 }), fc.boolean(), (props, asValue) => {
      const entries = asValue ? props.map((p) => ({ name: { ns: p.ns, local: p.local }, value: p.content as XmlNode[] })) : props;
      const root = parseXml(renderMultistatus([{ href: '/a', propstats: [{ status: 200, props: entries }] }]));
      const prop = root.children[0]?.children[1]?.children[0] as XmlElement;
      // A `{name, value}` entry has no attributes: compare without them in that case.
      const strip = (e: unknown): unknown => (asValue ? { ...(e as object), attrs: {} } : e);
      expect(prop.children.map((c) => strip(actual(c)))).toEqual(props.map((p) => strip(expected(p))));
    }), { numRuns: RUNS / 2 });
  });

  it('for a serialisation parsed and serialised again (stable output)', () => {
    fc.assert(fc.property(tree.element, (element) => {
      const once = serializeElement(element);
      expect(serializeElement(parseXml(once))).toBe(once);
    }), { numRuns: RUNS });
  });
});
