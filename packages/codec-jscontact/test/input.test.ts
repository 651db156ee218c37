import { describe, expect, it } from '@jest/globals';
import { detectProfile, egroupwareToRfc, formatJSContact, parseJSContactInput, patchJSContact, rfcToEgroupware, type Card } from '../src/index.js';
import { canonicalCard } from './helpers/compare.js';

const uid = (): string => 'urn:uuid:00000000-0000-4000-8000-00000000000a';

describe('parseJSContactInput (lenient, application/json)', () => {
  it('reads the flat a/b/c members of the seed POST example as a patch', () => {
    const r = parseJSContactInput({ 'name/personal': 'First', 'name/surname': 'Tester', 'emails/work': 'a@b.example', 'phones/tel_work': '+49 1' }, { generateUid: uid });
    expect(r).toEqual({
      ok: true,
      warnings: [expect.objectContaining({ code: 'jscontact/generated-uid' })],
      value: {
        '@type': 'Card', version: '1.0', uid: 'urn:uuid:00000000-0000-4000-8000-00000000000a',
        name: { components: [{ kind: 'given', value: 'First' }, { kind: 'surname', value: 'Tester' }] },
        emails: { work: { address: 'a@b.example' } },
        phones: { tel_work: { number: '+49 1' } },
      },
    });
  });

  it('accepts the older draft names, fullName as {value}, and home as the private context', () => {
    const r = parseJSContactInput({
      uid: 'x'.repeat(12),
      name: [{ type: 'given', value: 'A' }, { type: 'given2', value: 'B' }, { type: 'title', value: 'Dr.' }, { type: 'credential', value: 'PhD' }],
      fullName: { value: 'Dr. A B' },
      emails: { home: { email: 'a@b', contexts: { home: true } } },
      phones: { tel_cell: { phone: '1', features: { cell: true } } },
    });
    expect(r.ok && r.value).toEqual({
      '@type': 'Card', version: '1.0', uid: 'xxxxxxxxxxxx',
      name: { components: [{ kind: 'given', value: 'A' }, { kind: 'given2', value: 'B' }, { kind: 'title', value: 'Dr.' }, { kind: 'credential', value: 'PhD' }], full: 'Dr. A B' },
      emails: { home: { address: 'a@b', contexts: { private: true } } },
      phones: { tel_cell: { number: '1', features: { mobile: true } } },
    });
  });

  it('reads a CardGroup as a group Card', () => {
    const r = parseJSContactInput({ '@type': 'CardGroup', uid: 'urn:uuid:dfa5cac5-987b-448b-85d7-6c8b529a835c', name: 'List', card: { prodId: 'P' }, members: { m1: true } });
    expect(r.ok && r.value).toEqual({ '@type': 'Card', version: '1.0', uid: 'urn:uuid:dfa5cac5-987b-448b-85d7-6c8b529a835c', kind: 'group', prodId: 'P', name: { full: 'List' }, members: { m1: true } });
  });

  it('reads dd.mm.yyyy and mm/dd/yyyy birthdays and string streets', () => {
    const r = parseJSContactInput({ uid: 'u'.repeat(12), anniversaries: { bday: '14.12.2022' }, addresses: { work: { street: 'A 1\nB 2', locality: 'X' } } });
    expect(r.ok && r.value.anniversaries).toEqual({ bday: { kind: 'birth', date: { year: 2022, month: 12, day: 14 } } });
    expect(r.ok && r.value.addresses).toEqual({
      work: { components: [{ kind: 'name', value: 'A 1' }, { kind: 'separator', value: '\n' }, { kind: 'name', value: 'B 2' }, { kind: 'locality', value: 'X' }] },
    });
  });

  it('rejects what cannot be a Card, with JSON pointers', () => {
    expect(parseJSContactInput('{nope')).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'jscontact/invalid-json' })] });
    expect(parseJSContactInput([])).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'jscontact/not-object' })] });
    const r = parseJSContactInput({ uid: 'u'.repeat(12), emails: { e: 5 } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path)).toContain('/emails/e');
  });

  it('keeps vendor and unknown members', () => {
    const r = parseJSContactInput({ uid: 'u'.repeat(12), 'egroupware.org:customfields': { Test: { value: 1 } }, whatever: [1] });
    expect(r.ok && r.value).toMatchObject({ 'egroupware.org:customfields': { Test: { value: 1 } }, whatever: [1] });
  });
});

describe('parseJSContactInput (strict, application/jscontact+json)', () => {
  it('requires @type on typed objects and a uid of 12 characters in the egroupware profile', () => {
    const r = parseJSContactInput({ uid: 'short', name: [{ type: 'personal', value: 'A' }] }, { strict: true });
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['/name/0/@type', '/uid']));
  });

  it('reads an exact RFC 9553 card', () => {
    const card = { '@type': 'Card', version: '1.0', uid: 'x', name: { full: 'A' } };
    expect(parseJSContactInput(card, { strict: true })).toEqual({ ok: true, value: card, warnings: [] });
  });

  it('refuses flat keys and RFC 9553 violations', () => {
    expect(parseJSContactInput({ 'name/full': 'A' }, { strict: true, profile: 'rfc' }).ok).toBe(false);
    const r = parseJSContactInput({ '@type': 'Card', version: '1.0', uid: 'x', nickNames: {} }, { strict: true });
    expect(!r.ok && r.errors).toEqual([expect.objectContaining({ path: '/nickNames', code: 'jscontact/property-case' })]);
  });
});

describe('profiles', () => {
  const rich: Card = {
    '@type': 'Card', version: '1.0', uid: 'urn:uuid:1', kind: 'group',
    name: { components: [{ kind: 'given', value: 'A' }, { kind: 'surname', value: 'B' }], full: 'A B' },
    organizations: { o: { name: 'ACME', units: [{ name: 'Sales' }, { name: 'North' }] }, p: { name: 'X', sortAs: 'Y' } },
    titles: { t: { kind: 'role', name: 'Boss', organizationId: 'o' } },
    emails: { e: { address: 'a@b', contexts: { work: true }, pref: 1 } },
    phones: { p: { number: '1', features: { mobile: true, voice: true }, contexts: { private: true } } },
    links: { u: { uri: 'https://a' }, c: { kind: 'contact', uri: 'mailto:x' } },
    media: { p: { kind: 'photo', uri: 'https://p', mediaType: 'image/png' }, l: { kind: 'logo', uri: 'https://l' } },
    addresses: { w: { components: [{ kind: 'number', value: '5' }, { kind: 'name', value: 'Main St' }, { kind: 'locality', value: 'Town' }], contexts: { work: true }, full: 'label' } },
    anniversaries: { b: { kind: 'birth', date: { year: 2000, month: 1, day: 2 } }, d: { kind: 'death', date: { month: 3, day: 4 } } },
    notes: { k1: { note: 'one' }, k2: { note: 'two' } },
    keywords: { a: true },
    members: { m: true },
    'example.com:x': { y: 1 },
  };

  it('writes the egroupware shapes of §5.1/§5.2', () => {
    const egw = rfcToEgroupware(rich as unknown as Record<string, unknown>);
    expect(egw).toMatchObject({
      '@type': 'CardGroup', uid: 'urn:uuid:1', name: 'A B', members: { m: true },
      card: {
        name: [{ '@type': 'NameComponent', type: 'personal', value: 'A' }, { '@type': 'NameComponent', type: 'surname', value: 'B' }],
        fullName: 'A B',
        organizations: { o: { '@type': 'Organization', name: 'ACME', units: { org_unit: 'Sales', org_unit_2: 'North' } }, p: { name: 'X', sortAs: 'Y' } },
        titles: { t: { '@type': 'Title', title: 'Boss', organization: 'o', kind: 'role' } },
        emails: { e: { '@type': 'EmailAddress', email: 'a@b', contexts: { work: true }, pref: 1 } },
        phones: { p: { '@type': 'Phone', phone: '1', features: { cell: true, voice: true } } },
        online: { u: { '@type': 'Resource', resource: 'https://a', type: 'uri' } },
        links: { c: { kind: 'contact', uri: 'mailto:x' } },
        photos: { p: { '@type': 'File', href: 'https://p', mediaType: 'image/png' } },
        media: { l: { kind: 'logo', uri: 'https://l' } },
        addresses: { w: { '@type': 'Address', locality: 'Town', street: [{ type: 'number', value: '5' }, { type: 'name', value: 'Main St' }], fullAddress: 'label' } },
        anniversaries: { b: { '@type': 'Anniversary', type: 'birth', date: '2000-01-02' }, d: { kind: 'death', date: { month: 3, day: 4 } } },
        notes: ['one', 'two'],
        categories: { a: true },
        'example.com:x': { y: 1 },
      },
    });
  });

  it('reads its own egroupware output back to the same Card', () => {
    const back = egroupwareToRfc(rfcToEgroupware(rich as unknown as Record<string, unknown>), []);
    expect(canonicalCard(back)).toEqual(canonicalCard(rich));
  });

  it('tells the profile of a body from its shape', () => {
    expect(detectProfile({ name: [] })).toBe('egroupware');
    expect(detectProfile({ emails: { w: { email: 'a' } } })).toBe('egroupware');
    expect(detectProfile({ '@type': 'Card', name: { full: 'x' } })).toBe('rfc');
  });

  it('formats in the rfc profile unchanged', () => {
    expect(formatJSContact(rich, { profile: 'rfc' })).toEqual(rich);
  });
});

describe('patchJSContact', () => {
  const base = parseJSContactInput({ uid: 'u'.repeat(12), name: [{ type: 'personal', value: 'A' }], emails: { work: 'a@b' } });
  it('applies egroupware-shaped paths, creating missing parents', () => {
    if (!base.ok) throw new Error();
    const r = patchJSContact(base.value, { 'emails/work/email': 'new@b', 'organizations/org/name': 'ACME', fullName: 'A Z' });
    expect(r.ok && r.value).toMatchObject({ emails: { work: { address: 'new@b' } }, organizations: { org: { name: 'ACME' } }, name: { full: 'A Z' } });
  });
  it('rejects a missing parent in strict mode', () => {
    if (!base.ok) throw new Error();
    expect(patchJSContact(base.value, { 'organizations/org/name': 'ACME' }, { strict: true }).ok).toBe(false);
  });
});
