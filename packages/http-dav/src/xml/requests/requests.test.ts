import { describe, expect, it } from '@jest/globals';
import { XmlError } from '../errors.js';
import { APPLE_ICAL_NS, caldav, dav } from '../names.js';
import { parseDavBody, parseXml } from '../parse.js';
import { readAddressbookQuery } from './addressbook-query.js';
import { readCalendarQuery } from './calendar-query.js';
import { collectionSettingsOf, decodeCollectionProperty } from './collection-properties.js';
import { readExpandProperty } from './expand-property.js';
import { readMkcalendar, readMkcol } from './mkcol.js';
import { readPrincipalPropertySearch } from './principal-reports.js';
import { readPropfind } from './propfind.js';
import { readProppatch } from './proppatch.js';
import { readReport } from './report.js';
import { readSyncCollection } from './sync-collection.js';
import { textMatches, type TextMatch } from './text-match.js';
import { parseUtcDateTime } from './time-range.js';

const C = 'xmlns:C="urn:ietf:params:xml:ns:caldav"';
const D = 'xmlns:D="DAV:"';

function xmlError(run: () => unknown): XmlError {
  try {
    run();
  } catch (err) {
    if (err instanceof XmlError) return err;
    throw err;
  }
  throw new Error('expected an XmlError');
}

const calendarQuery = (filterBody: string, extra = ''): string =>
  `<C:calendar-query ${C} ${D}>${extra}<C:filter><C:comp-filter name="VCALENDAR">${filterBody}</C:comp-filter></C:filter></C:calendar-query>`;

describe('readPropfind', () => {
  it('treats a missing body as allprop (RFC 4918 §9.1)', () => {
    expect(readPropfind(parseDavBody(''))).toEqual({ kind: 'allprop', include: [] });
  });

  it('refuses another root element', () => {
    expect(xmlError(() => readPropfind(parseXml(`<D:propertyupdate ${D}/>`))).reason).toBe('unexpected-root');
  });

  it('ignores unknown elements next to prop (RFC 4918 §17)', () => {
    expect(readPropfind(parseXml(`<D:propfind ${D}><D:future/><D:prop><D:getetag/><D:getetag/></D:prop></D:propfind>`)))
      .toEqual({ kind: 'prop', props: [dav('getetag')] });
  });
});

describe('readProppatch', () => {
  it('keeps set and remove instructions in document order', () => {
    const updates = readProppatch(parseXml(`<D:propertyupdate ${D}>
      <D:remove><D:prop><D:displayname/></D:prop></D:remove>
      <D:set><D:prop><D:displayname>New</D:displayname></D:prop></D:set>
      <D:remove><D:prop><X:a xmlns:X="urn:x"/></D:prop></D:remove>
    </D:propertyupdate>`));
    expect(updates.map((u) => `${u.op} ${u.name.local}`)).toEqual(['remove displayname', 'set displayname', 'remove a']);
  });
});

describe('readMkcol / readMkcalendar', () => {
  it('reads no body as no properties', () => {
    expect([readMkcol(undefined), readMkcalendar(undefined)]).toEqual([{ props: [] }, { props: [] }]);
  });

  it('refuses remove in a creation body', () => {
    expect(xmlError(() => readMkcol(parseXml(`<D:mkcol ${D}><D:remove><D:prop><D:displayname/></D:prop></D:remove></D:mkcol>`))).reason).toBe('invalid-body');
  });

  it('refuses a mkcalendar root for MKCOL', () => {
    expect(xmlError(() => readMkcol(parseXml(`<C:mkcalendar ${C}/>`))).reason).toBe('unexpected-root');
  });
});

describe('decodeCollectionProperty', () => {
  const decode = (xml: string) => {
    const element = parseXml(xml);
    return decodeCollectionProperty({ name: { ns: element.ns, local: element.local }, element });
  };

  it.each([
    [`<C:supported-calendar-component-set ${C}><C:comp name="vtodo"/><C:comp name="VTODO"/></C:supported-calendar-component-set>`, { known: true, settings: { supportedComponents: ['VTODO'] } }],
    [`<C:supported-calendar-component-set ${C}/>`, { known: true, invalid: 'supported-calendar-component-set needs <comp name="…"/> elements' }],
    [`<X:calendar-order xmlns:X="${APPLE_ICAL_NS}">first</X:calendar-order>`, { known: true, invalid: 'calendar-order must be an integer' }],
    [`<X:calendar-order xmlns:X="${APPLE_ICAL_NS}"> 7 </X:calendar-order>`, { known: true, settings: { calendarOrder: '7' } }],
    [`<C:schedule-calendar-transp ${C}><C:opaque/></C:schedule-calendar-transp>`, { known: true, settings: { transparent: false } }],
    [`<C:schedule-calendar-transp ${C}/>`, { known: true, invalid: 'schedule-calendar-transp needs <transparent/> or <opaque/>' }],
    [`<D:displayname ${D}>  Work  </D:displayname>`, { known: true, settings: { displayName: 'Work' } }],
    ['<x:color xmlns:x="urn:example"/>', { known: false }],
  ])('decodes %s', (xml, expected) => {
    expect(decode(xml)).toEqual(expected);
  });

  it('splits dead, protected and invalid properties (behaviour §6.8)', () => {
    const props = readProppatch(parseXml(`<D:propertyupdate ${D} ${C}><D:set><D:prop>
      <D:displayname>A</D:displayname><D:getetag>"x"</D:getetag><x:y xmlns:x="urn:x">1</x:y><C:supported-calendar-component-set/>
    </D:prop></D:set></D:propertyupdate>`)).flatMap((u) => (u.op === 'set' ? [{ name: u.name, element: u.element }] : []));
    const split = collectionSettingsOf(props);
    expect(split.settings).toEqual({ displayName: 'A' });
    expect(split.protectedProps.map((p) => p.name.local)).toEqual(['getetag']);
    expect(split.dead.map((p) => p.name.local)).toEqual(['y']);
    expect(split.invalid.map((p) => p.property.name.local)).toEqual(['supported-calendar-component-set']);
  });
});

describe('UTC date-times (RFC 4791 §9.9)', () => {
  it.each([
    ['20060104T000000Z', '2006-01-04T00:00:00.000Z'],
    ['20060104T235960Z', '2006-01-04T23:59:59.000Z'],
    ['20060104T120000', '2006-01-04T12:00:00.000Z'],
    ['20060104', '2006-01-04T00:00:00.000Z'],
    [' 20240229T101010Z ', '2024-02-29T10:10:10.000Z'],
  ])('reads %p', (text, iso) => {
    expect(parseUtcDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each(['2006-01-04T00:00:00Z', '20060230T000000Z', '20230229T000000Z', '20061304T000000Z', '20060104T240000Z', 'x', ''])('refuses %p', (text) => {
    expect(parseUtcDateTime(text)).toBeUndefined();
  });
});

describe('readCalendarQuery validation', () => {
  it.each([
    ['a time-range without start and end', '<C:comp-filter name="VEVENT"><C:time-range/></C:comp-filter>', 'invalid-filter'],
    ['a malformed start', '<C:comp-filter name="VEVENT"><C:time-range start="yesterday"/></C:comp-filter>', 'invalid-filter'],
    ['a prop-filter with time-range and text-match', '<C:comp-filter name="VEVENT"><C:prop-filter name="DTSTART"><C:time-range start="20060104T000000Z"/><C:text-match>x</C:text-match></C:prop-filter></C:comp-filter>', 'invalid-filter'],
    ['a nameless comp-filter', '<C:comp-filter/>', 'invalid-body'],
    ['a bad negate-condition', '<C:comp-filter name="VEVENT"><C:prop-filter name="SUMMARY"><C:text-match negate-condition="maybe">x</C:text-match></C:prop-filter></C:comp-filter>', 'invalid-body'],
  ])('refuses %s', (_title, body, reason) => {
    expect(xmlError(() => readCalendarQuery(parseXml(calendarQuery(body)))).reason).toBe(reason);
  });

  it('refuses two top-level comp-filters', () => {
    const xml = `<C:calendar-query ${C}><C:filter><C:comp-filter name="VCALENDAR"/><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>`;
    expect(xmlError(() => readCalendarQuery(parseXml(xml))).precondition).toEqual(caldav('valid-filter'));
  });

  it('refuses an expand without end (RFC 4791 §9.6.5 needs both)', () => {
    const xml = calendarQuery('', `<D:prop><C:calendar-data><C:expand start="20060103T000000Z"/></C:calendar-data></D:prop>`);
    expect(xmlError(() => readCalendarQuery(parseXml(xml))).status).toBe(400);
  });

  it('reads is-not-defined and ignores the rest of that filter', () => {
    const query = readCalendarQuery(parseXml(calendarQuery('<C:comp-filter name="vtodo"><C:is-not-defined/><C:time-range start="x"/></C:comp-filter>')));
    expect(query.filter.compFilters[0]).toEqual({ name: 'VTODO', isNotDefined: true, propFilters: [], compFilters: [] });
  });

  it('reads the timezone and timezone-id elements', () => {
    const query = readCalendarQuery(parseXml(calendarQuery('', '<C:timezone>BEGIN:VCALENDAR&#13;\nEND:VCALENDAR&#13;\n</C:timezone><C:timezone-id> Europe/Berlin </C:timezone-id>')));
    expect([query.timezone, query.timezoneId]).toEqual(['BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', 'Europe/Berlin']);
  });

  it('reads comp selections with allprop, allcomp and novalue', () => {
    const xml = calendarQuery('', `<D:prop><C:calendar-data content-type="text/calendar" version="2.0"><C:comp name="VCALENDAR"><C:allprop/><C:comp name="VEVENT"><C:prop name="ATTACH" novalue="yes"/><C:allcomp/></C:comp></C:comp></C:calendar-data></D:prop>`);
    expect(readCalendarQuery(parseXml(xml)).calendarData?.comp).toEqual({
      name: 'VCALENDAR', allProps: true, props: [], allComps: false,
      comps: [{ name: 'VEVENT', allProps: false, props: [{ name: 'ATTACH', novalue: true }], allComps: true, comps: [] }],
    });
  });
});

describe('readAddressbookQuery validation', () => {
  const query = (inner: string, extra = ''): string =>
    `<C:addressbook-query xmlns:C="urn:ietf:params:xml:ns:carddav"><C:filter>${inner}</C:filter>${extra}</C:addressbook-query>`;

  it.each([
    ['an unknown match-type', '<C:prop-filter name="FN"><C:text-match match-type="regex">x</C:text-match></C:prop-filter>', ''],
    ['a bad test', '<C:prop-filter name="FN" test="some"/>', ''],
    ['a zero limit', '', '<C:limit><C:nresults>0</C:nresults></C:limit>'],
    ['a limit without nresults', '', '<C:limit/>'],
    ['a prop-filter without name', '<C:prop-filter/>', ''],
  ])('refuses %s', (_title, inner, extra) => {
    expect(xmlError(() => readAddressbookQuery(parseXml(query(inner, extra)))).reason).toBe('invalid-body');
  });

  it('reads an empty filter as matching everything', () => {
    expect(readAddressbookQuery(parseXml(query(''))).filter).toEqual({ test: 'anyof', propFilters: [] });
  });

  it('defaults to allprop without a DAV:prop', () => {
    expect(readAddressbookQuery(parseXml(query(''))).select).toEqual({ kind: 'allprop', include: [] });
  });
});

describe('readSyncCollection', () => {
  const body = (inner: string): string => `<sync-collection xmlns="DAV:">${inner}</sync-collection>`;

  it('reads a missing sync-level as 1 and no prop as an empty selection', () => {
    expect(readSyncCollection(parseXml(body('<sync-token/>')))).toEqual({ kind: 'sync-collection', select: { kind: 'prop', props: [] }, syncToken: '', syncLevel: '1' });
  });

  it('accepts "infinity" as infinite', () => {
    expect(readSyncCollection(parseXml(body('<sync-token/><sync-level>infinity</sync-level>'))).syncLevel).toBe('infinite');
  });

  it.each(['<sync-token/><sync-level>2</sync-level>', '<sync-token/><limit><nresults>-1</nresults></limit>', '<sync-token/><limit><nresults>ten</nresults></limit>'])('refuses %s', (inner) => {
    expect(xmlError(() => readSyncCollection(parseXml(body(inner)))).reason).toBe('invalid-body');
  });
});

describe('readPrincipalPropertySearch', () => {
  it.each([
    ['no property-search', '<D:prop><D:displayname/></D:prop>'],
    ['a search without match', '<D:property-search><D:prop><D:displayname/></D:prop></D:property-search>'],
    ['a search with an empty prop', '<D:property-search><D:prop/><D:match>x</D:match></D:property-search>'],
    ['an unknown match-type', '<D:property-search><D:prop><D:displayname/></D:prop><D:match match-type="fuzzy">x</D:match></D:property-search>'],
  ])('refuses %s with 400', (_title, inner) => {
    expect(xmlError(() => readPrincipalPropertySearch(parseXml(`<D:principal-property-search ${D}>${inner}</D:principal-property-search>`))).status).toBe(400);
  });
});

describe('readExpandProperty', () => {
  it('defaults the namespace attribute to DAV: (RFC 3253 §3.8)', () => {
    expect(readExpandProperty(parseXml(`<D:expand-property ${D}><D:property name="owner"><D:property name="displayname"/></D:property></D:expand-property>`)).properties)
      .toEqual([{ name: dav('owner'), properties: [{ name: dav('displayname'), properties: [] }] }]);
  });

  it('refuses a property without a name', () => {
    expect(xmlError(() => readExpandProperty(parseXml(`<D:expand-property ${D}><D:property/></D:expand-property>`))).reason).toBe('invalid-body');
  });
});

describe('readReport', () => {
  const query = calendarQuery('');
  it('dispatches on the root element whatever its prefix', () => {
    expect(readReport(parseXml(query.replace(/C:/g, 'cal:').replace('xmlns:C=', 'xmlns:cal='))).kind).toBe('calendar-query');
  });

  it('refuses a report outside the supported set with 403 DAV:supported-report', () => {
    const error = xmlError(() => readReport(parseXml(query), { supported: ['addressbook-query', 'sync-collection'] }));
    expect([error.reason, error.status, error.precondition]).toEqual(['unsupported-report', 403, dav('supported-report')]);
  });

  it('refuses a known local name in the wrong namespace', () => {
    expect(xmlError(() => readReport(parseXml('<calendar-query xmlns="DAV:"/>'))).reason).toBe('unsupported-report');
  });

  it('needs a body', () => {
    expect(xmlError(() => readReport(undefined)).reason).toBe('empty');
  });
});

describe('textMatches', () => {
  const match = (value: string, extra: Partial<TextMatch> = {}): TextMatch => ({ value, collation: 'i;ascii-casemap', matchType: 'contains', negate: false, ...extra });
  it.each([
    ['Team Meeting', match('meet'), true],
    ['Team Meeting', match('meet', { collation: 'i;octet' }), false],
    ['ÄRGER', match('ärger'), false],
    ['ÄRGER', match('ärger', { collation: 'i;unicode-casemap' }), true],
    ['Straße', match('STRASSE', { collation: 'i;unicode-casemap', matchType: 'equals' }), true],
    ['ﬁle', match('file', { collation: 'i;unicode-casemap' }), true],
    ['CANCELLED', match('cancelled', { negate: true }), false],
    ['CONFIRMED', match('cancelled', { negate: true }), true],
    ['cyrus@example.com', match('@EXAMPLE.COM', { matchType: 'ends-with' }), true],
    ['cyrus@example.com', match('CYRUS', { matchType: 'starts-with' }), true],
    ['cyrus@example.com', match('example', { matchType: 'equals' }), false],
  ])('%p against %p is %p', (candidate, textMatch, expected) => {
    expect(textMatches(candidate, textMatch)).toBe(expected);
  });
});
