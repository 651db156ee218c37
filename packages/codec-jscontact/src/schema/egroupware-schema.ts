type Schema = Record<string, unknown>;

/** `{ "x": true, … }` */
const SET: Schema = { type: 'object', additionalProperties: { const: true } };
const PREF: Schema = { type: 'integer', minimum: 1, maximum: 100 };
const STRING: Schema = { type: 'string' };

/**
 * The JSON Schema of the `egroupware` profile: the shapes of the EGroupware REST documents
 * (egroupware-behaviour.md §5.1, §5.2): `name` as an array of NameComponent with `type`,
 * `fullName` string (or `{value}`), `emails.*.email`, `phones.*.phone`, `online`, StreetComponent
 * lists, `CardGroup` with `card` and `members`. `strict` (`application/jscontact+json`): every
 * typed sub-object carries its `@type` and `uid` is present with at least 12 characters
 * (§2.2); otherwise `@type` may be left out. Members of the `rfc` profile and vendor members
 * are allowed alongside.
 */
export function egroupwareSchema(strict: boolean): Schema {
  const typed = (type: string, properties: Record<string, Schema>, required: string[] = []): Schema => ({
    type: 'object',
    properties: { '@type': { const: type }, ...properties },
    required: strict ? ['@type', ...required] : required,
  });
  const map = (item: Schema): Schema => ({ type: 'object', additionalProperties: item });
  const contexts = SET;
  return {
    $id: `almanac:jscontact:egroupware:${strict ? 'strict' : 'lenient'}`,
    type: 'object',
    required: strict ? ['uid'] : [],
    properties: {
      '@type': { enum: ['Card', 'CardGroup'] },
      uid: strict ? { type: 'string', minLength: 12 } : STRING,
      prodId: STRING,
      created: STRING,
      updated: STRING,
      kind: STRING,
      name: {
        anyOf: [
          { type: 'array', items: typed('NameComponent', { type: STRING, value: STRING }, ['type', 'value']) },
          STRING,
          ...(strict ? [] : [{ type: 'object' }]),
        ],
      },
      fullName: { anyOf: [STRING, { type: 'object', properties: { value: STRING }, required: ['value'] }] },
      organizations: map(typed('Organization', { name: STRING, units: { type: 'object', additionalProperties: STRING } })),
      titles: map(typed('Title', { title: STRING, organization: STRING }, ['title'])),
      emails: map(typed('EmailAddress', { email: STRING, contexts, pref: PREF }, ['email'])),
      phones: map(typed('Phone', { phone: STRING, features: SET, contexts, pref: PREF }, ['phone'])),
      online: map(typed('Resource', { resource: STRING, type: STRING, contexts, pref: PREF }, ['resource'])),
      addresses: map(
        typed('Address', {
          locality: STRING, region: STRING, country: STRING, postcode: STRING, countryCode: STRING,
          street: { anyOf: [{ type: 'array', items: typed('StreetComponent', { type: STRING, value: STRING }, ['type', 'value']) }, STRING] },
          contexts, pref: PREF, fullAddress: STRING, coordinates: STRING, timeZone: STRING,
        }),
      ),
      photos: map(typed('File', { href: STRING, mediaType: STRING })),
      anniversaries: map(typed('Anniversary', { type: STRING, date: STRING }, ['type', 'date'])),
      notes: strict ? { type: 'array', items: STRING } : {},
      categories: SET,
      members: SET,
      card: { type: 'object' },
      'egroupware.org:customfields': { type: 'object' },
    },
  };
}
