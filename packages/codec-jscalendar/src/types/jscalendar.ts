/**
 * JSCalendar (RFC 8984) object types. Every object type is open: unknown and
 * vendor members (`example.com:foo`) are allowed and must be preserved.
 */

/** RFC 8984 §1.4.1: 1-255 characters of `A-Za-z0-9-_`. */
export type Id = string;
/** RFC 8984 §1.4.4: `YYYY-MM-DDTHH:MM:SS`, no zone. */
export type LocalDateTime = string;
/** RFC 8984 §1.4.3: `YYYY-MM-DDTHH:MM:SS[.fff]Z`. */
export type UTCDateTime = string;
/** RFC 8984 §1.4.6: `P[nW][nD][T[nH][nM][nS]]`. */
export type Duration = string;
/** RFC 8984 §1.4.7: a Duration with an optional sign. */
export type SignedDuration = string;
/** RFC 8984 §1.4.8: an IANA name, or `/` followed by a custom id in `timeZones`. */
export type TimeZoneId = string;
/** RFC 8984 §1.4.9: keys are JSON pointers without the leading `/`, `null` removes. */
export type PatchObject = Record<string, unknown>;

/** Members any JSCalendar object may carry that are not part of its own definition. */
export interface Extensible {
  [member: string]: unknown;
}

/** The conversion members any JSCalendar object may carry (draft-ietf-calext-jscalendar-icalendar §5.1). */
export interface Convertible {
  iCalComponent?: ICalComponent;
  iCalProperty?: ICalProperty;
}

/** draft-ietf-calext-jscalendar-icalendar §5.1.2: what an iCalendar property looked like. */
export interface ICalProperty extends Extensible {
  '@type'?: 'ICalProperty';
  name: string;
  valueType?: string;
  parameters?: Record<string, string | string[]>;
}

/** draft-ietf-calext-jscalendar-icalendar §5.1.1: iCalendar elements without a JSCalendar home. */
export interface ICalComponent extends Extensible {
  '@type'?: 'ICalComponent';
  name: string;
  properties?: unknown[][];
  components?: unknown[][];
  convertedProperties?: Record<string, ICalProperty>;
}

/** RFC 8984 §1.4.10 */
export interface Relation extends Extensible, Convertible {
  '@type'?: 'Relation';
  relation?: Record<string, true>;
}

/** RFC 8984 §1.4.11 */
export interface Link extends Extensible, Convertible {
  '@type'?: 'Link';
  href: string;
  cid?: string;
  contentType?: string;
  size?: number;
  rel?: string;
  display?: string;
  title?: string;
}

/** RFC 8984 §4.2.5 */
export interface Location extends Extensible, Convertible {
  '@type'?: 'Location';
  name?: string;
  description?: string;
  locationTypes?: Record<string, true>;
  relativeTo?: 'start' | 'end' | string;
  timeZone?: TimeZoneId;
  coordinates?: string;
  links?: Record<Id, Link>;
}

/** RFC 8984 §4.2.6 */
export interface VirtualLocation extends Extensible, Convertible {
  '@type'?: 'VirtualLocation';
  name?: string;
  description?: string;
  uri: string;
  features?: Record<string, true>;
}

/** RFC 8984 §4.3.3 */
export interface NDay extends Extensible, Convertible {
  '@type'?: 'NDay';
  day: string;
  nthOfPeriod?: number;
}

/** RFC 8984 §4.3.3 */
export interface RecurrenceRule extends Extensible, Convertible {
  '@type'?: 'RecurrenceRule';
  frequency: string;
  interval?: number;
  rscale?: string;
  skip?: string;
  firstDayOfWeek?: string;
  byDay?: NDay[];
  byMonthDay?: number[];
  byMonth?: string[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byHour?: number[];
  byMinute?: number[];
  bySecond?: number[];
  bySetPosition?: number[];
  count?: number;
  until?: LocalDateTime;
}

/** RFC 8984 §4.4.6 */
export interface Participant extends Extensible, Convertible {
  '@type'?: 'Participant';
  name?: string;
  email?: string;
  description?: string;
  sendTo?: Record<string, string>;
  kind?: string;
  roles?: Record<string, true>;
  locationId?: Id;
  language?: string;
  participationStatus?: string;
  participationComment?: string;
  expectReply?: boolean;
  scheduleAgent?: string;
  scheduleForceSend?: boolean;
  scheduleSequence?: number;
  scheduleStatus?: string[];
  scheduleUpdated?: UTCDateTime;
  invitedBy?: Id;
  delegatedTo?: Record<Id, true>;
  delegatedFrom?: Record<Id, true>;
  memberOf?: Record<Id, true>;
  links?: Record<Id, Link>;
  progress?: string;
  progressUpdated?: UTCDateTime;
  percentComplete?: number;
}

/** RFC 8984 §4.5.2 */
export interface OffsetTrigger extends Extensible, Convertible {
  '@type': 'OffsetTrigger';
  offset: SignedDuration;
  relativeTo?: 'start' | 'end' | string;
}

/** RFC 8984 §4.5.2 */
export interface AbsoluteTrigger extends Extensible, Convertible {
  '@type': 'AbsoluteTrigger';
  when: UTCDateTime;
}

/** RFC 8984 §4.5.2 */
export interface Alert extends Extensible, Convertible {
  '@type'?: 'Alert';
  trigger: OffsetTrigger | AbsoluteTrigger | Extensible;
  acknowledged?: UTCDateTime;
  relatedTo?: Record<string, Relation>;
  action?: 'display' | 'email' | string;
}

/** RFC 8984 §4.7.2 */
export interface TimeZoneRule extends Extensible, Convertible {
  '@type'?: 'TimeZoneRule';
  start: LocalDateTime;
  offsetFrom: string;
  offsetTo: string;
  recurrenceRules?: RecurrenceRule[];
  recurrenceOverrides?: Record<LocalDateTime, PatchObject>;
  names?: Record<string, true>;
  comments?: string[];
}

/** RFC 8984 §4.7.2 */
export interface TimeZone extends Extensible, Convertible {
  '@type'?: 'TimeZone';
  tzId: string;
  updated?: UTCDateTime;
  url?: string;
  validUntil?: UTCDateTime;
  aliases?: Record<string, true>;
  standard?: TimeZoneRule[];
  daylight?: TimeZoneRule[];
}

/** Members common to Event and Task (RFC 8984 §4). */
export interface CommonEntry extends Extensible, Convertible {
  uid: string;
  relatedTo?: Record<string, Relation>;
  prodId?: string;
  created?: UTCDateTime;
  updated?: UTCDateTime;
  sequence?: number;
  method?: string;
  title?: string;
  description?: string;
  descriptionContentType?: string;
  showWithoutTime?: boolean;
  locations?: Record<Id, Location>;
  virtualLocations?: Record<Id, VirtualLocation>;
  links?: Record<Id, Link>;
  locale?: string;
  keywords?: Record<string, true>;
  categories?: Record<string, true>;
  color?: string;
  recurrenceId?: LocalDateTime;
  recurrenceIdTimeZone?: TimeZoneId | null;
  recurrenceRules?: RecurrenceRule[];
  excludedRecurrenceRules?: RecurrenceRule[];
  recurrenceOverrides?: Record<LocalDateTime, PatchObject>;
  excluded?: boolean;
  priority?: number;
  freeBusyStatus?: string;
  privacy?: string;
  replyTo?: Record<string, string>;
  sentBy?: string;
  participants?: Record<Id, Participant>;
  requestStatus?: string;
  useDefaultAlerts?: boolean;
  alerts?: Record<Id, Alert>;
  localizations?: Record<string, PatchObject>;
  timeZone?: TimeZoneId | null;
  timeZones?: Record<TimeZoneId, TimeZone>;
}

/** RFC 8984 §5.1 */
export interface Event extends CommonEntry {
  '@type': 'Event';
  start: LocalDateTime;
  duration?: Duration;
  status?: string;
}

/** RFC 8984 §5.2 */
export interface Task extends CommonEntry {
  '@type': 'Task';
  due?: LocalDateTime;
  start?: LocalDateTime;
  estimatedDuration?: Duration;
  percentComplete?: number;
  progress?: string;
  progressUpdated?: UTCDateTime;
}

/** RFC 8984 §5.3 */
export interface Group extends Extensible, Convertible {
  '@type': 'Group';
  uid?: string;
  prodId?: string;
  created?: UTCDateTime;
  updated?: UTCDateTime;
  title?: string;
  description?: string;
  color?: string;
  keywords?: Record<string, true>;
  categories?: Record<string, true>;
  links?: Record<Id, Link>;
  entries: Array<Event | Task>;
  source?: string;
  timeZones?: Record<TimeZoneId, TimeZone>;
}

/** Any top-level JSCalendar object. */
export type JSCalendarObject = Event | Task | Group;
