/**
 * JSON Schemas (2020-12) of the timesheet JSON (behaviour §5.5): what requests may send and what
 * responses carry. The REST adapter validates request bodies with `timesheetInputSchema` and the
 * OpenAPI document publishes both, so documentation and validation cannot drift.
 */
const minutes = {
  oneOf: [
    { type: 'integer', minimum: 0, description: 'minutes' },
    { type: 'string', pattern: '^(\\d+|P(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?)$', description: 'minutes, or an ISO 8601 duration such as PT1H30M' },
  ],
} as const;
const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] });
const customFields = { type: 'object', description: 'custom field values by name (`{"name": value}` or the output shape `{"name": {"value": …}}`)' } as const;

export const timesheetInputSchema = {
  $id: 'https://almanac.invalid/schemas/timesheet-input.json',
  title: 'Timesheet (request body)',
  type: 'object',
  required: ['title', 'start', 'duration'],
  properties: {
    '@type': { const: 'timesheet' },
    title: { type: 'string', minLength: 1 },
    description: nullable({ type: 'string' }),
    start: { type: 'string', description: 'a date-time; without zone or offset it is taken as UTC', examples: ['2024-02-06T10:00:00Z'] },
    duration: minutes,
    paused: nullable(minutes),
    quantity: nullable({ oneOf: [{ type: 'number' }, { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' }] }),
    unitprice: nullable({ oneOf: [{ type: 'number' }, { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' }] }),
    project: nullable({ type: 'string' }),
    pricelist: nullable({ type: 'integer' }),
    category: nullable({ oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: { const: true }, maxProperties: 1 }] }),
    status: nullable({ type: 'string', description: 'an admin-defined status label' }),
    readable: nullable({ oneOf: [{ type: 'object', additionalProperties: { type: 'boolean' } }, { type: 'array', items: { type: ['string', 'integer'] } }] }),
    'egroupware.org:customfields': nullable(customFields),
  },
  additionalProperties: true,
} as const;

export const timesheetSchema = {
  $id: 'https://almanac.invalid/schemas/timesheet.json',
  title: 'Timesheet',
  type: 'object',
  required: ['@type', 'id', 'title', 'start', 'duration', 'quantity', 'owner', 'created', 'modified', 'etag'],
  properties: {
    '@type': { const: 'timesheet' },
    id: { type: 'integer' },
    title: { type: 'string' },
    description: { type: 'string' },
    start: { type: 'string', format: 'date-time' },
    duration: { type: 'integer', description: 'minutes' },
    paused: { type: 'integer', description: 'minutes' },
    quantity: { type: 'number' },
    unitprice: { type: 'number' },
    project: { type: 'string' },
    pricelist: { type: 'integer' },
    category: { type: 'object', additionalProperties: { const: true } },
    owner: { type: ['string', 'integer'], description: 'email, else login, else id' },
    created: { type: 'string', format: 'date-time' },
    modified: { type: 'string', format: 'date-time' },
    modifier: { type: ['string', 'integer'] },
    status: { type: 'string' },
    readable: { type: 'object', additionalProperties: { const: true } },
    'egroupware.org:customfields': { type: 'object' },
    etag: { type: 'string', description: '"<id>:<revision>" without the quotes of the ETag header' },
  },
  additionalProperties: true,
} as const;
