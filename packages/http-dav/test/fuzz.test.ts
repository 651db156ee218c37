import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalXml } from '../src/testing/canonical-xml.js';
import { parseXml } from '../src/xml/parse.js';
import { serializeElement } from '../src/xml/serialize.js';
import { davHarness } from './harness.js';
import { readMultistatus } from './multistatus-reader.js';

const NAMESPACES = ['DAV:', 'urn:ietf:params:xml:ns:caldav', 'urn:ietf:params:xml:ns:carddav', 'http://calendarserver.org/ns/', 'http://apple.com/ns/ical/', 'urn:x:y', ''];
const LOCALS = ['displayname', 'getetag', 'getctag', 'resourcetype', 'sync-token', 'calendar-color', 'calendar-order', 'owner', 'x', 'supported-report-set', 'current-user-privilege-set', 'calendar-data'];
const name = fc.record({ ns: fc.constantFrom(...NAMESPACES), local: fc.constantFrom(...LOCALS), prefix: fc.constantFrom('a', 'B', 'd', 'ns1', '') });
const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('DAV router properties (fast-check)', () => {
  it('answers every requested property exactly once, under any prefixes, on any node', async () => {
    const h = await davHarness();
    const paths = ['/', '/alice/', '/alice/calendar/', '/principals/', '/principals/users/alice/', '/addressbook/'];
    await fc.assert(fc.asyncProperty(fc.constantFrom(...paths), fc.array(name, { minLength: 1, maxLength: 8 }), async (path, names) => {
      const props = names.map((n) => (n.prefix === '' ? `<${n.local} xmlns="${n.ns}"/>` : `<${n.prefix}:${n.local} xmlns:${n.prefix}="${n.ns || 'urn:fallback'}"/>`));
      const body = `<q:propfind xmlns:q="DAV:"><q:prop>${props.join('')}</q:prop></q:propfind>`;
      const res = await h.dav('PROPFIND', path, body, { Depth: '0' });
      expect(res.status).toBe(207);
      const r = Object.values(readMultistatus(res.text))[0]!;
      const answered = Object.values(r.props).flatMap((p) => Object.keys(p)).sort();
      const asked = [...new Set(names.map((n) => (n.prefix !== '' && n.ns === '' ? `{urn:fallback}${n.local}` : n.ns === '' ? n.local : `{${n.ns}}${n.local}`)))].sort();
      expect(answered).toEqual(asked);
    }), { numRuns: 150 });
  });

  it('gives dead properties back as they were set, whatever their content', async () => {
    const h = await davHarness();
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).map((t) => t.replace(/[^\t\n\u0020-\uD7FF\uE000-\uFFFD]/gu, ''));
    await fc.assert(fc.asyncProperty(text, fc.constantFrom('x', 'note', 'a-b'), fc.boolean(), async (value, local, lang) => {
      const element = `<p:${local} xmlns:p="urn:fuzz"${lang ? ' xml:lang="de"' : ''}>${escapeText(value)}<p:child k="${escapeText(value).replace(/"/g, '&quot;')}"/></p:${local}>`;
      const set = await h.dav('PROPPATCH', '/alice/calendar/', `<D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>${element}</D:prop></D:set></D:propertyupdate>`);
      expect(set.status).toBe(207);
      const res = await h.dav('PROPFIND', '/alice/calendar/', `<propfind xmlns="DAV:"><prop><z:${local} xmlns:z="urn:fuzz"/></prop></propfind>`, { Depth: '0' });
      const got = readMultistatus(res.text)['/alice/calendar/']!.props[200]![`{urn:fuzz}${local}`]!;
      expect(canonicalXml(serializeElement(got), { trimText: false })).toBe(canonicalXml(serializeElement(parseXml(element)), { trimText: false }));
    }), { numRuns: 100 });
  });
});
