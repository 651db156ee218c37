import { describe, expect, it } from '@jest/globals';
import { parseJSContactInput } from '@almanac/codec-jscontact';
import { resourceMatches } from '@almanac/domain-kernel';
import { readContact } from '../use-cases/read-contact.js';
import { CONTACT_FILTER_COLUMNS, contactColumns } from './columns.js';

/** The seed 003 example "showcasing available fields" (its missing bracket fixed). */
const SEED_FULL_CONTACT = {
  uid: 'addressbook-6502-8623c4830472a8ede9f9f8b30d435ea4', kind: 'individual',
  name: [
    { '@type': 'NameComponent', type: 'prefix', value: 'Prefix/Title' }, { '@type': 'NameComponent', type: 'personal', value: 'Frist' },
    { '@type': 'NameComponent', type: 'additional', value: 'Middle' }, { '@type': 'NameComponent', type: 'surname', value: 'Last' },
    { '@type': 'NameComponent', type: 'suffix', value: 'Postfix' },
  ],
  fullName: 'Prefix/Title Frist Middle Last Postfix',
  organizations: { org: { '@type': 'Organization', name: 'Organisation', units: { org_unit: 'Department' } } },
  titles: { title: { '@type': 'Title', title: 'Postion', organization: 'org' }, role: { '@type': 'Title', title: 'Occupation', organization: 'org' } },
  emails: {
    work: { '@type': 'EmailAddress', email: 'email@example.org', contexts: { work: true }, pref: 1 },
    private: { '@type': 'EmailAddress', email: 'private.email@example.org', contexts: { private: true } },
  },
  phones: {
    tel_work: { '@type': 'Phone', phone: '+1(234)5678901', features: { voice: true }, contexts: { work: true } },
    tel_cell_private: { '@type': 'Phone', phone: '+1(234)5678909', features: { cell: true }, contexts: { private: true } },
  },
  online: {
    url: { '@type': 'Resource', resource: 'https://example.org', type: 'uri', contexts: { work: true } },
    url_home: { '@type': 'Resource', resource: 'https://private.example.org', type: 'uri', contexts: { private: true } },
  },
  addresses: {
    work: {
      '@type': 'Address', locality: 'City', region: 'Rheinland-Pfalz', country: 'DEUTSCHLAND', postcode: '12345', countryCode: 'DE',
      street: [{ '@type': 'StreetComponent', type: 'name', value: 'Street' }, { '@type': 'StreetComponent', type: 'separator', value: '\n' }, { '@type': 'StreetComponent', type: 'name', value: 'Street2' }],
      contexts: { work: true }, pref: 1,
    },
    home: {
      '@type': 'Address', locality: 'PrivateCity', country: 'DEUTSCHLAND', postcode: '12345', countryCode: 'DE',
      street: [{ '@type': 'StreetComponent', type: 'name', value: 'PrivateStreet' }], contexts: { home: true },
    },
  },
  anniversaries: { bday: { '@type': 'Anniversary', type: 'birth', date: '2022-12-14' } },
  notes: ['a note'],
  categories: { Kategorie: true, 'My Contacts': true },
  'egroupware.org:assistant': 'Assistent',
};

async function columnsOf(body: Record<string, unknown>) {
  const parsed = parseJSContactInput(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return (await readContact(parsed.value, { uidGiven: true, strict: false, customFields: [], findByUid: async () => undefined })).data;
}

describe('contactColumns', () => {
  it('fills the reference’s columns from the seed’s full contact', async () => {
    const data = await columnsOf(SEED_FULL_CONTACT);
    expect(data['almanac:columns']).toEqual({
      n_prefix: 'Prefix/Title', n_given: 'Frist', n_middle: 'Middle', n_family: 'Last', n_suffix: 'Postfix', n_fn: 'Prefix/Title Frist Middle Last Postfix',
      org_name: 'Organisation', org_unit: 'Department', title: 'Postion', role: 'Occupation',
      email: 'email@example.org', email_home: 'private.email@example.org', url: 'https://example.org', url_home: 'https://private.example.org',
      adr_one_street: 'Street', adr_one_street2: 'Street2', adr_one_locality: 'City', adr_one_region: 'Rheinland-Pfalz', adr_one_postalcode: '12345',
      adr_one_countryname: 'DEUTSCHLAND', adr_one_countrycode: 'DE',
      adr_two_street: 'PrivateStreet', adr_two_locality: 'PrivateCity', adr_two_postalcode: '12345', adr_two_countryname: 'DEUTSCHLAND', adr_two_countrycode: 'DE',
      tel_work: '+1(234)5678901', tel_cell_private: '+1(234)5678909', bday: '2022-12-14', note: 'a note', assistent: 'Assistent',
      uid: 'addressbook-6502-8623c4830472a8ede9f9f8b30d435ea4', cat_id: ['Kategorie', 'My Contacts'],
    });
  });

  it('puts phones under other keys into the free slot their features and contexts fit best', () => {
    const columns = contactColumns({
      '@type': 'Card', version: '1.0', uid: 'u',
      phones: { p1: { number: '1', features: { mobile: true }, contexts: { private: true } }, p2: { number: '2', features: { fax: true } }, p3: { number: '3' } },
    });
    expect(columns).toMatchObject({ tel_cell_private: '1', tel_fax: '2' });
    expect(Object.values(columns)).toContain('3');
  });

  it('takes the first address as the work one unless it is marked private', () => {
    const columns = contactColumns({
      '@type': 'Card', version: '1.0', uid: 'u',
      addresses: { a: { components: [{ kind: 'locality', value: 'Home Town' }], contexts: { private: true } }, b: { components: [{ kind: 'locality', value: 'Work Town' }] } },
    });
    expect(columns).toMatchObject({ adr_one_locality: 'Work Town', adr_two_locality: 'Home Town' });
  });

  it('lets every allowed filter find the seed contact, and none find it with another value', async () => {
    const data = await columnsOf(SEED_FULL_CONTACT);
    const columns = data['almanac:columns'] as Record<string, string | string[]>;
    for (const [name, path] of Object.entries(CONTACT_FILTER_COLUMNS)) {
      const value = columns[path[1]!];
      if (value === undefined) continue;
      const v = Array.isArray(value) ? value[0]! : value;
      expect([name, resourceMatches({ data, kind: 'card', timeRange: null }, { equals: [{ path, value: v }] })]).toEqual([name, true]);
      expect([name, resourceMatches({ data, kind: 'card', timeRange: null }, { equals: [{ path, value: `${v}x` }] })]).toEqual([name, false]);
    }
    expect(CONTACT_FILTER_COLUMNS.contact_email).toEqual(['almanac:columns', 'email']);
    expect(Object.keys(CONTACT_FILTER_COLUMNS)).toEqual(expect.arrayContaining(['org_name', 'n_family', 'n_given', 'contact_email', 'tel_work', 'adr_one_locality', 'cat_id']));
  });
});
