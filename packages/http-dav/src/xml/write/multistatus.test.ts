import { describe, expect, it } from '@jest/globals';
import { canonicalXml } from '../../testing/canonical-xml.js';
import { caldav, dav, DAV_NS, qname } from '../names.js';
import { parseXml } from '../parse.js';
import { el, rawXml, type XmlElement } from '../tree.js';
import { serializeElement } from '../serialize.js';
import { renderMultistatus } from './multistatus.js';
import { renderDavError } from './dav-error.js';
import { preconditions } from './preconditions.js';

const BOX = 'http://ns.example.com/boxschema/';
const Z = 'http://ns.example.com/standards/z39.50/';

function find(root: XmlElement, local: string): XmlElement[] {
  return [...(root.local === local ? [root] : []), ...root.children.flatMap((c) => find(c, local))];
}

describe('renderMultistatus against the RFC examples', () => {
  it('writes RFC 4918 §9.1.3 (named properties, a 403 propstat with description)', () => {
    const actual = renderMultistatus([{
      href: 'http://www.example.com/file',
      propstats: [
        {
          status: 200,
          props: [
            { name: qname(BOX, 'bigbox'), value: el(qname(BOX, 'BoxType'), 'Box type A') },
            { name: qname(BOX, 'author'), value: el(qname(BOX, 'Name'), 'J.J. Johnson') },
          ],
        },
        {
          status: 403,
          props: [{ name: qname(BOX, 'DingALing') }, { name: qname(BOX, 'Random') }],
          description: 'The user does not have access to the DingALing property.',
        },
      ],
    }], { description: 'There has been an access violation error.' });
    const expected = `<?xml version="1.0" encoding="utf-8" ?>
      <D:multistatus xmlns:D="DAV:">
        <D:response xmlns:R="http://ns.example.com/boxschema/">
          <D:href>http://www.example.com/file</D:href>
          <D:propstat>
            <D:prop>
              <R:bigbox><R:BoxType>Box type A</R:BoxType></R:bigbox>
              <R:author><R:Name>J.J. Johnson</R:Name></R:author>
            </D:prop>
            <D:status>HTTP/1.1 200 OK</D:status>
          </D:propstat>
          <D:propstat>
            <D:prop><R:DingALing/><R:Random/></D:prop>
            <D:status>HTTP/1.1 403 Forbidden</D:status>
            <D:responsedescription> The user does not have access to the DingALing property.
            </D:responsedescription>
          </D:propstat>
        </D:response>
        <D:responsedescription> There has been an access violation error.
        </D:responsedescription>
      </D:multistatus>`;
    expect(canonicalXml(actual)).toBe(canonicalXml(expected));
  });

  it('writes RFC 4918 §9.2.2 (PROPPATCH: 424 for the set, 409 for the remove)', () => {
    const actual = renderMultistatus([{
      href: 'http://www.example.com/bar.html',
      propstats: [
        { status: 424, props: [{ name: qname(Z, 'Authors') }] },
        { status: 409, props: [{ name: qname(Z, 'Copyright-Owner') }] },
      ],
      description: 'Copyright Owner cannot be deleted or altered.',
    }]);
    const expected = `<D:multistatus xmlns:D="DAV:" xmlns:Z="http://ns.example.com/standards/z39.50/">
        <D:response>
          <D:href>http://www.example.com/bar.html</D:href>
          <D:propstat><D:prop><Z:Authors/></D:prop><D:status>HTTP/1.1 424 Failed Dependency</D:status></D:propstat>
          <D:propstat><D:prop><Z:Copyright-Owner/></D:prop><D:status>HTTP/1.1 409 Conflict</D:status></D:propstat>
          <D:responsedescription> Copyright Owner cannot be deleted or altered.</D:responsedescription>
        </D:response>
      </D:multistatus>`;
    expect(canonicalXml(actual)).toBe(canonicalXml(expected));
  });

  it('writes RFC 6578 §3.10 (a truncated sync: 404 member, 507 marker, then the token)', () => {
    const actual = renderMultistatus([
      { href: 'http://webdav.example.com/home/cyrusdaboo/test.doc', propstats: [{ status: 200, props: [{ name: dav('getetag'), value: '"00001-abcd1"' }] }] },
      { href: 'http://webdav.example.com/home/cyrusdaboo/vcard.vcf', status: 404 },
    ], { truncatedHref: 'http://webdav.example.com/home/cyrusdaboo/', syncToken: 'http://example.com/ns/sync/1233' });
    const expected = `<D:multistatus xmlns:D="DAV:">
        <D:response>
          <D:href>http://webdav.example.com/home/cyrusdaboo/test.doc</D:href>
          <D:propstat><D:prop><D:getetag>"00001-abcd1"</D:getetag></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>
        </D:response>
        <D:response>
          <D:href>http://webdav.example.com/home/cyrusdaboo/vcard.vcf</D:href>
          <D:status>HTTP/1.1 404 Not Found</D:status>
        </D:response>
        <D:response>
          <D:href>http://webdav.example.com/home/cyrusdaboo/</D:href>
          <D:status>HTTP/1.1 507 Insufficient Storage</D:status>
          <D:error><D:number-of-matches-within-limits/></D:error>
        </D:response>
        <D:sync-token>http://example.com/ns/sync/1233</D:sync-token>
      </D:multistatus>`;
    expect(canonicalXml(actual)).toBe(canonicalXml(expected));
  });
});

describe('renderMultistatus details', () => {
  const propstats = [
    { status: 200, props: [{ name: dav('getetag'), value: '"1"' }] },
    { status: 404, props: [{ name: dav('displayname') }] },
  ];

  it('drops 404 propstats in minimal mode but keeps bare 404 responses', () => {
    const root = parseXml(renderMultistatus([{ href: '/a', propstats }, { href: '/gone', status: 404 }], { minimal: true }));
    expect(find(root, 'status').map((s) => s.text)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found']);
  });

  it('keeps 404 propstats when not minimal', () => {
    const root = parseXml(renderMultistatus([{ href: '/a', propstats }]));
    expect(find(root, 'status').map((s) => s.text)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found']);
  });

  it('writes an empty 200 propstat when minimal mode removed every propstat', () => {
    const root = parseXml(renderMultistatus([{ href: '/a', propstats: [propstats[1] as (typeof propstats)[number]] }], { minimal: true }));
    expect(find(root, 'propstat')).toHaveLength(1);
    expect(find(root, 'prop')[0]?.children).toEqual([]);
    expect(find(root, 'status')[0]?.text).toBe('HTTP/1.1 200 OK');
  });

  it('percent-encodes hrefs that carry spaces or non-ASCII, and keeps encoded ones', () => {
    const root = parseXml(renderMultistatus([
      { href: '/alice/calendar/Läuft heute.ics', status: 404 },
      { href: '/alice/calendar/a%20b.ics', status: 404 },
    ]));
    expect(find(root, 'href').map((h) => h.text)).toEqual(['/alice/calendar/L%C3%A4uft%20heute.ics', '/alice/calendar/a%20b.ics']);
  });

  it('writes several hrefs sharing one status', () => {
    const root = parseXml(renderMultistatus([{ href: ['/a', '/b'], status: 404 }]));
    expect(find(root, 'href').map((h) => h.text)).toEqual(['/a', '/b']);
  });

  it('keeps CRLF line ends of calendar data exactly', () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:a < b & c ]]> d\r\nEND:VCALENDAR\r\n';
    const root = parseXml(renderMultistatus([{ href: '/a.ics', propstats: [{ status: 200, props: [{ name: caldav('calendar-data'), value: ics }] }] }]));
    expect(find(root, 'calendar-data')[0]?.text).toBe(ics);
  });

  it('drops characters XML 1.0 cannot carry instead of breaking the document', () => {
    const root = parseXml(renderMultistatus([{ href: '/a\u0001.ics', propstats: [{ status: 200, props: [{ name: dav('displayname'), value: 'x\u0000y\u000Bz\uD800\uFFFE' }] }] }]));
    expect(find(root, 'displayname')[0]?.text).toBe('xyz');
  });

  it('declares the well-known prefixes on the root and any other namespace where it is used', () => {
    const xml = renderMultistatus([{
      href: '/a',
      propstats: [{ status: 200, props: [
        { name: caldav('calendar-description'), value: 'x' },
        { name: qname('urn:example:one', 'p'), value: el(qname('urn:example:two', 'q'), { '{urn:example:three}a': 'v' }) },
      ] }],
    }]);
    expect(xml).toContain('<D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:CR="urn:ietf:params:xml:ns:carddav" xmlns:CS="http://calendarserver.org/ns/" xmlns:ICAL="http://apple.com/ns/ical/">');
    expect(xml).toContain('<C:calendar-description>x</C:calendar-description>');
    const p = find(parseXml(xml), 'p')[0] as XmlElement;
    expect([p.ns, p.children[0]?.ns, { ...p.children[0]?.attrs }]).toEqual(['urn:example:one', 'urn:example:two', { '{urn:example:three}a': 'v' }]);
  });

  it('writes dead properties back as they were set, xml:lang and mixed content included', () => {
    const stored = serializeElement(parseXml('<x:note xmlns:x="urn:example:unknown" xml:lang="fr">Réunion &amp; <x:em>important</x:em> fin</x:note>'));
    const fromRaw = renderMultistatus([{ href: '/c/', propstats: [{ status: 200, props: [rawXml(stored)] }] }]);
    const fromParsed = renderMultistatus([{ href: '/c/', propstats: [{ status: 200, props: [parseXml(stored)] }] }]);
    const expected = `<D:multistatus xmlns:D="DAV:"><D:response><D:href>/c/</D:href><D:propstat><D:prop>
      <y:note xmlns:y="urn:example:unknown" xml:lang="fr">Réunion &amp; <y:em>important</y:em> fin</y:note>
      </D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>`;
    expect(canonicalXml(fromRaw, { trimText: false })).toBe(canonicalXml(fromParsed, { trimText: false }));
    expect(canonicalXml(fromRaw)).toBe(canonicalXml(expected));
  });

  it('writes a default-namespace dead property even inside prefixed DAV elements', () => {
    const dead = parseXml('<foo xmlns="urn:x"><bar/><baz xmlns=""/></foo>');
    const root = parseXml(renderMultistatus([{ href: '/c/', propstats: [{ status: 200, props: [dead] }] }]));
    const foo = find(root, 'foo')[0] as XmlElement;
    expect(foo.children.map((c) => `{${c.ns}}${c.local}`)).toEqual(['{urn:x}bar', '{}baz']);
  });

  it('writes response-level errors, descriptions and locations', () => {
    const root = parseXml(renderMultistatus([{
      href: '/cal/dup.ics',
      status: 409,
      error: preconditions.caldav.noUidConflict('/cal/original.ics'),
      description: 'UID already in use',
      location: '/cal/original.ics',
    }]));
    const error = find(root, 'error')[0] as XmlElement;
    expect(canonicalXml(error)).toBe(canonicalXml('<D:error xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><C:no-uid-conflict><D:href>/cal/original.ics</D:href></C:no-uid-conflict></D:error>'));
    expect(find(root, 'location')[0]?.children[0]?.text).toBe('/cal/original.ics');
  });

  it('answers a resource whose value cannot be written with its own 500 response, keeping the document valid', () => {
    const broken = { name: qname('urn:example:x', 'p'), value: el(qname('urn:example:y', 'not a name'), 'x') };
    const root = parseXml(renderMultistatus([
      { href: '/a.ics', propstats: [{ status: 200, props: [{ name: qname('urn:example:z', 'ok'), value: '1' }, broken] }] },
      { href: '/b.ics', propstats: [{ status: 200, props: [{ name: qname('urn:example:x', 'p'), value: el(qname('urn:example:y', 'q')) }] }] },
    ]));
    expect(find(root, 'status').map((s) => s.text)).toEqual(['HTTP/1.1 500 Internal Server Error', 'HTTP/1.1 200 OK']);
    expect(find(root, 'q')[0]?.ns).toBe('urn:example:y');
  });

  it('writes numbers as text', () => {
    const root = parseXml(renderMultistatus([{ href: '/a', propstats: [{ status: 200, props: [{ name: dav('getcontentlength'), value: 1234 }] }] }]));
    expect(find(root, 'getcontentlength')[0]?.text).toBe('1234');
  });

  it('writes the root in DAV: with the fixed D prefix', () => {
    const root = parseXml(renderMultistatus([]));
    expect([root.ns, root.local, root.prefix, root.children]).toEqual([DAV_NS, 'multistatus', 'D', []]);
  });
});

describe('renderDavError', () => {
  it('writes RFC 4791 §5.3.2.1 no-uid-conflict with the existing href', () => {
    expect(canonicalXml(renderDavError(preconditions.caldav.noUidConflict('/home/lisa/calendars/events/abc.ics')))).toBe(canonicalXml(
      '<D:error xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><C:no-uid-conflict><D:href>/home/lisa/calendars/events/abc.ics</D:href></C:no-uid-conflict></D:error>'));
  });

  it.each([
    ['validSyncToken', preconditions.validSyncToken(), '{DAV:}valid-sync-token'],
    ['supportedReport', preconditions.supportedReport(), '{DAV:}supported-report'],
    ['propfindFiniteDepth', preconditions.propfindFiniteDepth(), '{DAV:}propfind-finite-depth'],
    ['numberOfMatchesWithinLimits', preconditions.numberOfMatchesWithinLimits(), '{DAV:}number-of-matches-within-limits'],
    ['validCalendarData', preconditions.caldav.validCalendarData(), '{urn:ietf:params:xml:ns:caldav}valid-calendar-data'],
    ['supportedCalendarComponent', preconditions.caldav.supportedCalendarComponent(), '{urn:ietf:params:xml:ns:caldav}supported-calendar-component'],
    ['validAddressData', preconditions.carddav.validAddressData(), '{urn:ietf:params:xml:ns:carddav}valid-address-data'],
    ['carddav noUidConflict', preconditions.carddav.noUidConflict('/a/b.vcf'), '{urn:ietf:params:xml:ns:carddav}no-uid-conflict'],
  ])('writes %s', (_title, condition, clarkName) => {
    const root = parseXml(renderDavError(condition));
    expect([`{${root.ns}}${root.local}`, `{${root.children[0]?.ns}}${root.children[0]?.local}`]).toEqual(['{DAV:}error', clarkName]);
  });

  it('writes need-privileges with resources and privileges (RFC 3744 §7.1.1)', () => {
    const xml = renderDavError(preconditions.needPrivileges([{ href: '/a/', privilege: dav('bind') }]));
    expect(canonicalXml(xml)).toBe(canonicalXml('<D:error xmlns:D="DAV:"><D:need-privileges><D:resource><D:href>/a/</D:href><D:privilege><D:bind/></D:privilege></D:resource></D:need-privileges></D:error>'));
  });
});
