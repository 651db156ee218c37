import { describe, expect, it } from '@jest/globals';
import { caldav, dav } from './names.js';
import { parseXml } from './parse.js';
import { serializeContent, serializeElement } from './serialize.js';
import { el } from './tree.js';

describe('serializeElement', () => {
  it.each([
    ['keeps the author\'s prefixes and declares them once', '<x:a xmlns:x="urn:x"><x:b/><x:c>1</x:c></x:a>', '<x:a xmlns:x="urn:x"><x:b/><x:c>1</x:c></x:a>'],
    ['keeps a default namespace and xmlns=""', '<a xmlns="urn:x"><b/><c xmlns=""/></a>', '<a xmlns="urn:x"><b/><c xmlns=""/></a>'],
    ['declares a namespace where it is first needed', '<a xmlns:y="urn:y"><y:b/></a>', '<a><y:b xmlns:y="urn:y"/></a>'],
    ['never shadows a prefix: a clashing one gets a fresh name', '<D:x xmlns:D="urn:a"><D:y xmlns:D="urn:b"/></D:x>', '<D:x xmlns:D="urn:a"><ns0:y xmlns:ns0="urn:b"/></D:x>'],
    ['uses the well-known prefix when the author\'s is taken', '<C:x xmlns:C="urn:a"><C:y xmlns:C="urn:ietf:params:xml:ns:caldav"/></C:x>', '<C:x xmlns:C="urn:a"><ns0:y xmlns:ns0="urn:ietf:params:xml:ns:caldav"/></C:x>'],
    ['writes xml:lang without declaring xml', '<p xml:lang="de">Grüße</p>', '<p xml:lang="de">Grüße</p>'],
    ['escapes text and attributes', '<p a="&quot;&lt;&amp;&#9;&#10;&#13;">&lt;&amp;&gt;&#13;</p>', '<p a="&quot;&lt;&amp;&#9;&#10;&#13;">&lt;&amp;&gt;&#13;</p>'],
    ['writes CDATA content as escaped text', '<p><![CDATA[a<b]]></p>', '<p>a&lt;b</p>'],
    ['keeps mixed content in order', '<p xmlns="urn:x">a<b/>c</p>', '<p xmlns="urn:x">a<b/>c</p>'],
  ])('%s', (_title, input, output) => {
    expect(serializeElement(parseXml(input))).toBe(output);
  });

  it('gives a namespaced attribute a prefix even when its element uses the default namespace', () => {
    const xml = serializeElement(parseXml('<a xmlns="urn:x" xmlns:p="urn:x" p:k="v"/>'));
    expect(xml).toBe('<a xmlns="urn:x" xmlns:ns0="urn:x" ns0:k="v"/>');
    expect({ ...parseXml(xml).attrs }).toEqual({ '{urn:x}k': 'v' });
  });
});

describe('serializeContent', () => {
  it('writes built elements with the well-known prefixes', () => {
    expect(serializeContent([el(dav('resourcetype'), el(dav('collection')), el(caldav('calendar'))), 'text']))
      .toBe('<D:resourcetype xmlns:D="DAV:"><D:collection/><C:calendar xmlns:C="urn:ietf:params:xml:ns:caldav"/></D:resourcetype>text');
  });
});
