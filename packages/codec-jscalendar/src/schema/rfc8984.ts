/**
 * JSON Schema (draft-07) of RFC 8984 JSCalendar objects as Almanac accepts
 * them in strict mode: every member typed, unknown members only with a
 * vendor prefix (`example.com:foo`, RFC 8984 §3.3), plus the conversion
 * members of draft-ietf-calext-jscalendar-icalendar (`iCalComponent`,
 * `iCalProperty`) and JMAP's `calendarAddress`.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const mapOf = (value: Schema, key?: Schema): Schema => ({ type: 'object', additionalProperties: value, ...(key ? { propertyNames: key } : {}) });
const setOf = (key?: Schema): Schema => mapOf({ const: true }, key);
const str: Schema = { type: 'string' };
const bool: Schema = { type: 'boolean' };
const uint: Schema = { type: 'integer', minimum: 0 };
const int: Schema = { type: 'integer' };

/** Vendor extension members and conversion members allowed on every object. */
const VENDOR = { '^[A-Za-z0-9][A-Za-z0-9.-]*:.+$': {} };

/** A closed object: the given members, vendor extensions, nothing else. */
function object(type: string | string[] | null, properties: Record<string, Schema>, required: string[] = []): Schema {
  const types = type === null ? [] : Array.isArray(type) ? type : [type];
  return {
    type: 'object',
    properties: { '@type': types.length > 0 ? { enum: types } : str, iCalComponent: ref('ICalComponent'), iCalProperty: ref('ICalProperty'), ...properties },
    patternProperties: VENDOR,
    additionalProperties: false,
    required,
  };
}

/** Alert triggers by `@type` (if/then keeps error messages to the one that applies). */
function trigger(): Schema {
  const is = (t: string) => ({ properties: { '@type': { const: t } }, required: ['@type'] });
  return { type: 'object', if: is('OffsetTrigger'), then: ref('OffsetTrigger'), else: { if: is('AbsoluteTrigger'), then: ref('AbsoluteTrigger'), else: ref('UnknownTrigger') } };
}

/** RFC 8984 §4.3.5: members a recurrence override must not patch. */
export const NOT_PATCHABLE_PATTERN = '^/?(@type|excludedRecurrenceRules|method|privacy|prodId|recurrenceId|recurrenceIdTimeZone|recurrenceOverrides|recurrenceRules|relatedTo|replyTo|sentBy|timeZones|uid)(/|$)';

const common: Record<string, Schema> = {
  uid: str,
  relatedTo: mapOf(ref('Relation')),
  prodId: str,
  created: ref('UTCDateTime'),
  updated: ref('UTCDateTime'),
  sequence: uint,
  method: { type: 'string', pattern: '^[a-z0-9-]+$' },
  title: str,
  description: str,
  descriptionContentType: str,
  showWithoutTime: bool,
  locations: mapOf(ref('Location'), ref('Id')),
  virtualLocations: mapOf(ref('VirtualLocation'), ref('Id')),
  links: mapOf(ref('Link'), ref('Id')),
  locale: str,
  keywords: setOf(),
  // RFC 8984 §4.2.10: categories are URIs.
  categories: setOf({ type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.-]*:' }),
  color: str,
  recurrenceId: ref('LocalDateTime'),
  recurrenceIdTimeZone: { type: ['string', 'null'] },
  recurrenceRules: { type: 'array', items: ref('RecurrenceRule') },
  excludedRecurrenceRules: { type: 'array', items: ref('RecurrenceRule') },
  recurrenceOverrides: mapOf({ ...ref('PatchObject'), propertyNames: { not: { pattern: NOT_PATCHABLE_PATTERN } } }, ref('LocalDateTime')),
  excluded: bool,
  priority: { type: 'integer', minimum: 0, maximum: 9 },
  freeBusyStatus: str,
  privacy: str,
  replyTo: mapOf(str),
  sentBy: str,
  participants: mapOf(ref('Participant'), ref('Id')),
  requestStatus: str,
  useDefaultAlerts: bool,
  alerts: mapOf(ref('Alert'), ref('Id')),
  localizations: mapOf(ref('PatchObject')),
  timeZone: { type: ['string', 'null'] },
  timeZones: mapOf(ref('TimeZone')),
};

/** The RFC 8984 schema; `complete` adds the members the RFC makes mandatory (uid, updated, start). */
export function rfc8984Schema(complete: boolean): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    oneOf: [ref('Event'), ref('Task'), ref('Group')],
    definitions: {
      Id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,255}$' },
      LocalDateTime: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d*[1-9])?$' },
      UTCDateTime: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d*[1-9])?Z$' },
      Duration: { type: 'string', pattern: '^P(?!$)(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d*[1-9])?S)?)?$' },
      SignedDuration: { type: 'string', pattern: '^[+-]?P(?!$)(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d*[1-9])?S)?)?$' },
      PatchObject: { type: 'object' },
      ICalProperty: { type: 'object', properties: { '@type': { const: 'ICalProperty' }, name: str, valueType: str, parameters: mapOf({ anyOf: [str, { type: 'array', items: str }] }) }, required: ['name'] },
      ICalComponent: { type: 'object', properties: { '@type': { const: 'ICalComponent' }, name: str, properties: { type: 'array', items: { type: 'array' } }, components: { type: 'array', items: { type: 'array' } }, convertedProperties: mapOf(ref('ICalProperty')) }, required: ['name'] },
      Relation: object('Relation', { relation: setOf() }),
      Link: object('Link', { href: str, cid: str, contentType: str, size: uint, rel: str, display: str, title: str }, ['href']),
      Location: object('Location', { name: str, description: str, locationTypes: setOf(), relativeTo: str, timeZone: str, coordinates: str, links: mapOf(ref('Link'), ref('Id')) }),
      VirtualLocation: object('VirtualLocation', { name: str, description: str, uri: str, features: setOf() }, ['uri']),
      NDay: object('NDay', { day: { enum: ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] }, nthOfPeriod: { type: 'integer', not: { const: 0 } } }, ['day']),
      RecurrenceRule: object('RecurrenceRule', {
        frequency: { enum: ['yearly', 'monthly', 'weekly', 'daily', 'hourly', 'minutely', 'secondly'] },
        interval: { type: 'integer', minimum: 1 },
        rscale: str,
        skip: { enum: ['omit', 'backward', 'forward'] },
        firstDayOfWeek: { enum: ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] },
        byDay: { type: 'array', items: ref('NDay') },
        byMonthDay: { type: 'array', items: { type: 'integer', minimum: -31, maximum: 31, not: { const: 0 } } },
        byMonth: { type: 'array', items: { type: 'string', pattern: '^\\d+L?$' } },
        byYearDay: { type: 'array', items: { type: 'integer', minimum: -366, maximum: 366, not: { const: 0 } } },
        byWeekNo: { type: 'array', items: { type: 'integer', minimum: -53, maximum: 53, not: { const: 0 } } },
        byHour: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 23 } },
        byMinute: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 59 } },
        bySecond: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 60 } },
        bySetPosition: { type: 'array', items: { type: 'integer', not: { const: 0 } } },
        count: { type: 'integer', minimum: 1 },
        until: ref('LocalDateTime'),
      }, ['frequency']),
      Participant: object('Participant', {
        name: str, email: str, description: str, sendTo: mapOf(str), kind: str, roles: setOf(), locationId: str, language: str,
        participationStatus: str, participationComment: str, expectReply: bool, scheduleAgent: str, scheduleForceSend: bool,
        scheduleSequence: uint, scheduleStatus: { type: 'array', items: str }, scheduleUpdated: ref('UTCDateTime'), invitedBy: str,
        delegatedTo: setOf(), delegatedFrom: setOf(), memberOf: setOf(), links: mapOf(ref('Link'), ref('Id')), progress: str,
        progressUpdated: ref('UTCDateTime'), percentComplete: { type: 'integer', minimum: 0, maximum: 100 }, calendarAddress: str,
      }),
      OffsetTrigger: object('OffsetTrigger', { offset: ref('SignedDuration'), relativeTo: { enum: ['start', 'end'] } }, ['@type', 'offset']),
      AbsoluteTrigger: object('AbsoluteTrigger', { when: ref('UTCDateTime') }, ['@type', 'when']),
      UnknownTrigger: { type: 'object', required: ['@type'], properties: { '@type': { not: { enum: ['OffsetTrigger', 'AbsoluteTrigger'] } } } },
      Alert: object('Alert', { trigger: trigger(), acknowledged: ref('UTCDateTime'), relatedTo: mapOf(ref('Relation')), action: str }, ['trigger']),
      TimeZoneRule: object('TimeZoneRule', {
        start: ref('LocalDateTime'), offsetFrom: { type: 'string', pattern: '^[+-]\\d{4}(\\d{2})?$' }, offsetTo: { type: 'string', pattern: '^[+-]\\d{4}(\\d{2})?$' },
        recurrenceRules: { type: 'array', items: ref('RecurrenceRule') }, recurrenceOverrides: mapOf(ref('PatchObject'), ref('LocalDateTime')),
        names: setOf(), comments: { type: 'array', items: str },
      }, ['start', 'offsetFrom', 'offsetTo']),
      TimeZone: object('TimeZone', { tzId: str, updated: ref('UTCDateTime'), url: str, validUntil: ref('UTCDateTime'), aliases: setOf(), standard: { type: 'array', items: ref('TimeZoneRule') }, daylight: { type: 'array', items: ref('TimeZoneRule') } }, ['tzId']),
      Event: object('Event', { ...common, start: ref('LocalDateTime'), duration: ref('Duration'), status: str, calendarAddress: str }, complete ? ['@type', 'uid', 'updated', 'start'] : ['@type']),
      Task: object('Task', { ...common, due: ref('LocalDateTime'), start: ref('LocalDateTime'), estimatedDuration: ref('Duration'), percentComplete: { type: 'integer', minimum: 0, maximum: 100 }, progress: str, progressUpdated: ref('UTCDateTime'), duration: ref('Duration') }, complete ? ['@type', 'uid', 'updated'] : ['@type']),
      Group: object('Group', {
        uid: str, prodId: str, created: ref('UTCDateTime'), updated: ref('UTCDateTime'), title: str, description: str, color: str,
        keywords: setOf(), categories: setOf(), links: mapOf(ref('Link'), ref('Id')), locale: str, source: str, timeZones: mapOf(ref('TimeZone')),
        entries: { type: 'array', items: { oneOf: [ref('Event'), ref('Task')] } },
      }, complete ? ['@type', 'uid', 'updated', 'entries'] : ['@type', 'entries']),
    },
  };
}
