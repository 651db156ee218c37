import { describe, expect, it } from '@jest/globals';
import { parseXml } from '../xml/parse.js';
import { appleIcal, caldav, dav } from '../xml/names.js';
import { nameOf } from '../xml/tree.js';
import { SettingsPlan } from './collection-settings.js';

const prop = (xml: string) => {
  const element = parseXml(xml);
  return { name: nameOf(element), element };
};

describe('SettingsPlan', () => {
  it('maps modelled settings to a collection patch and keeps the rest as sent', () => {
    const plan = new SettingsPlan('update');
    plan.set(prop('<D:displayname xmlns:D="DAV:">Work</D:displayname>'));
    plan.set(prop('<C:calendar-description xmlns:C="urn:ietf:params:xml:ns:caldav" xml:lang="de">Arbeit</C:calendar-description>'));
    plan.set(prop('<I:calendar-color xmlns:I="http://apple.com/ns/ical/" symbolic-color="red">#FF0000FF</I:calendar-color>'));
    plan.set(prop('<I:calendar-order xmlns:I="http://apple.com/ns/ical/">4</I:calendar-order>'));
    plan.set(prop('<x:note xmlns:x="urn:x" a="1">hi <x:b/></x:note>'));
    expect(plan.patch).toEqual({ displayName: 'Work', description: 'Arbeit', color: '#FF0000FF' });
    expect(plan.deadSet).toEqual([
      { ns: 'http://apple.com/ns/ical/', name: 'calendar-order', xml: '<I:calendar-order xmlns:I="http://apple.com/ns/ical/">4</I:calendar-order>' },
      { ns: 'urn:x', name: 'note', xml: '<x:note xmlns:x="urn:x" a="1">hi <x:b/></x:note>' },
    ]);
    expect(plan.statuses().map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
  });

  it('applies instructions in order: a later remove wins over an earlier set of the same property', () => {
    const plan = new SettingsPlan('update');
    plan.set(prop('<x:a xmlns:x="urn:x">1</x:a>'));
    plan.remove({ ns: 'urn:x', local: 'a' }, { name: 'cal' });
    plan.remove(dav('displayname'), { name: 'cal' });
    plan.remove(appleIcal('calendar-color'), { name: 'cal' });
    expect(plan.deadSet).toEqual([]);
    expect(plan.deadRemove).toEqual([{ ns: 'urn:x', name: 'a' }]);
    expect(plan.patch).toEqual({ displayName: 'cal', color: null });
    expect(plan.names).toHaveLength(3);
  });

  it('refuses protected properties (403) and invalid values (409) and fails the others with 424', () => {
    const plan = new SettingsPlan('update');
    plan.set(prop('<D:getetag xmlns:D="DAV:">"1"</D:getetag>'));
    plan.set(prop('<I:calendar-color xmlns:I="http://apple.com/ns/ical/">blue</I:calendar-color>'));
    plan.set(prop('<C:supported-calendar-component-set xmlns:C="urn:ietf:params:xml:ns:caldav"><C:comp name="VTODO"/></C:supported-calendar-component-set>'));
    plan.set(prop('<D:displayname xmlns:D="DAV:">ok</D:displayname>'));
    plan.remove(dav('resourcetype'), { name: 'x' });
    expect(plan.statuses().map((s) => [s.name.local, s.status])).toEqual([
      ['getetag', 403], ['calendar-color', 409], ['supported-calendar-component-set', 403], ['displayname', 424], ['resourcetype', 403],
    ]);
  });

  it('takes resource type and components when creating', () => {
    const plan = new SettingsPlan('create');
    plan.set(prop('<C:supported-calendar-component-set xmlns:C="urn:ietf:params:xml:ns:caldav"><C:comp name="vtodo"/></C:supported-calendar-component-set>'));
    plan.set(prop('<D:resourcetype xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:collection/><C:calendar/></D:resourcetype>'));
    expect(plan.creation).toEqual({ supportedComponents: ['VTODO'], resourceType: [dav('collection'), caldav('calendar')] });
    expect(plan.failures).toEqual([]);
  });
});
