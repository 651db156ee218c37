import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import type { ICalProperty, Participant } from '../../types/jscalendar.js';
import { contentId } from '../ids.js';
import { addressKey } from '../from-ical/participants.js';
import { linksToProperties } from './links.js';
import { pointerSegment, recordedParams, unknownMembers } from './params.js';

const ROLE: Record<string, string> = { chair: 'CHAIR', optional: 'OPT-PARTICIPANT', informational: 'NON-PARTICIPANT' };
const ATTENDEE_ROLES = new Set(['attendee', 'owner', 'chair', 'optional', 'informational']);
const KIND: Record<string, string> = { individual: 'INDIVIDUAL', group: 'GROUP', resource: 'RESOURCE', location: 'ROOM' };
const PROGRESS: Record<string, string> = { completed: 'COMPLETED', 'in-process': 'IN-PROCESS', failed: 'FAILED' };
const KNOWN = new Set([
  '@type', 'name', 'email', 'description', 'sendTo', 'kind', 'roles', 'language', 'participationStatus', 'participationComment',
  'expectReply', 'scheduleAgent', 'scheduleSequence', 'scheduleStatus', 'scheduleUpdated', 'delegatedTo', 'delegatedFrom',
  'memberOf', 'links', 'progress', 'percentComplete', 'calendarAddress', 'iCalProperty', 'iCalComponent',
]);

/** What the participants of an entry become. */
export interface ParticipantOutput {
  properties: JCalProperty[];
  components: JCalComponent[];
}

function addressOf(p: Participant): string | undefined {
  if (typeof p.calendarAddress === 'string') return p.calendarAddress;
  const sendTo = p.sendTo && typeof p.sendTo === 'object' ? p.sendTo : undefined;
  if (!sendTo) return undefined;
  return sendTo.imip ?? sendTo.other ?? Object.values(sendTo).find((v) => typeof v === 'string');
}

/**
 * Participants and replyTo as ORGANIZER, ATTENDEE and PARTICIPANT (draft
 * §3.5): a participant with `sendTo` is an ATTENDEE; the owner (or
 * `replyTo`) is the ORGANIZER; members only a PARTICIPANT component can hold
 * (description, comment, extra roles, links…) or a remembered PARTICIPANT
 * make one. Parameters remembered in `iCalProperty` and `convertedProperties`
 * are written back as they were.
 */
export function participantsToICal(participants: unknown, replyTo: unknown, organizerRecord: ICalProperty | undefined, isTodo: boolean): ParticipantOutput {
  const properties: JCalProperty[] = [];
  const components: JCalComponent[] = [];
  const list = participants && typeof participants === 'object' ? (Object.entries(participants) as Array<[string, Participant]>).filter(([, p]) => p && typeof p === 'object') : [];
  const addressById = new Map<string, string>();
  for (const [id, p] of list) {
    const a = addressOf(p);
    if (a) addressById.set(id, a);
  }
  const addresses = (ids: unknown): string[] => (ids && typeof ids === 'object' ? Object.keys(ids).map((id) => addressById.get(id)).filter((a): a is string => a !== undefined) : []);

  // ORGANIZER: from replyTo (imip first), else the owner's address.
  const reply = replyTo && typeof replyTo === 'object' ? (replyTo as Record<string, unknown>) : undefined;
  let organizer = reply ? ((typeof reply.imip === 'string' ? reply.imip : undefined) ?? (typeof reply.other === 'string' ? reply.other : undefined) ?? Object.entries(reply).find(([k, v]) => k !== 'web' && typeof v === 'string')?.[1] as string | undefined) : undefined;
  const owner = list.find(([, p]) => p.roles?.owner === true && (organizer === undefined || (addressOf(p) !== undefined && addressKey(addressOf(p)!) === addressKey(organizer))));
  if (organizer === undefined && owner) organizer = addressOf(owner[1]);
  if (organizer !== undefined) {
    const params: Record<string, string | string[]> = {};
    const ownerP = owner?.[1];
    // An organizer-only participant's name is the CN; for one that is also an attendee the CN is recorded.
    if (ownerP && typeof ownerP.name === 'string' && ownerP.sendTo === undefined) params.cn = ownerP.name;
    if (organizerRecord) Object.assign(params, recordedParams(organizerRecord));
    if (owner && organizerRecord === undefined && ownerP?.sendTo === undefined && owner[0] !== `p${contentId(addressKey(organizer))}`) params['jscal-id'] = owner[0];
    properties.push(['organizer', params, 'cal-address', organizer]);
  }

  const referenced = new Set<string>();
  for (const [, p] of list) for (const m of [p.delegatedTo, p.delegatedFrom, p.memberOf]) if (m && typeof m === 'object') for (const id of Object.keys(m)) referenced.add(id);
  for (const [id, p] of list) {
    // Created only to be referenced (DELEGATED-TO, MEMBER, draft §2.3.4): nothing to write.
    if (referenced.has(id) && Object.keys(p).every((k) => k === '@type' || k === 'calendarAddress')) continue;
    const address = addressOf(p);
    const derivedId = address !== undefined && id === `p${contentId(addressKey(address))}`;
    const attendee = p.sendTo !== undefined && typeof p.sendTo === 'object' && address !== undefined;
    if (attendee) {
      const params: Record<string, string | string[]> = {};
      if (typeof p.name === 'string') params.cn = p.name;
      if (typeof p.kind === 'string' && KIND[p.kind]) params.cutype = KIND[p.kind]!;
      const roles = p.roles && typeof p.roles === 'object' ? p.roles : {};
      const role = Object.keys(roles).map((r) => ROLE[r]).find((r) => r !== undefined);
      if (role) params.role = role;
      const progress = isTodo && typeof p.progress === 'string' ? PROGRESS[p.progress] : undefined;
      if (progress) params.partstat = progress;
      else if (typeof p.participationStatus === 'string') params.partstat = p.participationStatus.toUpperCase();
      if (typeof p.expectReply === 'boolean') params.rsvp = p.expectReply ? 'TRUE' : 'FALSE';
      if (typeof p.email === 'string') params.email = p.email;
      if (typeof p.language === 'string') params.language = p.language;
      if (typeof p.scheduleAgent === 'string') params['schedule-agent'] = p.scheduleAgent.toUpperCase();
      if (Array.isArray(p.scheduleStatus) && p.scheduleStatus.length > 0) params['schedule-status'] = p.scheduleStatus.join(',');
      for (const [member, param] of [['delegatedTo', 'delegated-to'], ['delegatedFrom', 'delegated-from'], ['memberOf', 'member']] as const) {
        const a = addresses(p[member]);
        if (a.length > 0) params[param] = a.length === 1 ? a[0]! : a;
      }
      Object.assign(params, recordedParams(p.iCalProperty));
      if (!derivedId) params['jscal-id'] = id;
      properties.push(['attendee', params, 'cal-address', address]);
    }
    const needsComponent = (p.iCalComponent && typeof p.iCalComponent === 'object' && p.iCalComponent.name === 'participant')
      || typeof p.description === 'string' || typeof p.participationComment === 'string' || typeof p.scheduleSequence === 'number'
      || typeof p.scheduleUpdated === 'string' || (typeof p.percentComplete === 'number') || (p.links && Object.keys(p.links).length > 0)
      || Object.keys(p.roles ?? {}).some((r) => !ATTENDEE_ROLES.has(r))
      || (!attendee && !(organizer !== undefined && address !== undefined && addressKey(address) === addressKey(organizer)));
    if (needsComponent) components.push(participantComponent(id, p, address, attendee, derivedId));
    else if (attendee || p.roles?.owner) properties.push(...unknownMembers(p as Record<string, unknown>, KNOWN, `participants/${pointerSegment(id)}/`));
  }
  return { properties, components };
}

function participantComponent(id: string, p: Participant, address: string | undefined, attendee: boolean, derivedId: boolean): JCalComponent {
  const props: JCalProperty[] = [];
  const ical = p.iCalComponent && typeof p.iCalComponent === 'object' ? p.iCalComponent : undefined;
  if (address !== undefined && typeof p.calendarAddress === 'string') props.push(['calendar-address', {}, 'cal-address', p.calendarAddress]);
  for (const role of Object.keys(p.roles ?? {})) if (!ATTENDEE_ROLES.has(role)) props.push(['participant-type', {}, 'text', role.toUpperCase()]);
  if (typeof p.name === 'string' && !attendee) props.push(['summary', {}, 'text', p.name]);
  if (typeof p.description === 'string') props.push(['description', {}, 'text', p.description]);
  if (typeof p.participationComment === 'string') props.push(['comment', {}, 'text', p.participationComment]);
  if (typeof p.scheduleUpdated === 'string') props.push(['dtstamp', {}, 'date-time', p.scheduleUpdated.replace(/\.\d+Z$/, 'Z')]);
  if (typeof p.scheduleSequence === 'number') props.push(['sequence', {}, 'integer', p.scheduleSequence]);
  if (typeof p.percentComplete === 'number') props.push(['percent-complete', {}, 'integer', p.percentComplete]);
  props.push(...linksToProperties(p.links, ''));
  if (Array.isArray(ical?.properties)) props.push(...(ical!.properties as JCalProperty[]));
  if (!props.some((x) => x[0] === 'uid')) props.push(['uid', {}, 'text', id]);
  if (!derivedId && !attendee) props.push(['jscal-id', {}, 'text', id]);
  const known = new Set([...KNOWN]);
  if (attendee) for (const k of ['name', 'email', 'kind', 'language', 'participationStatus', 'expectReply', 'scheduleAgent', 'scheduleStatus', 'delegatedTo', 'delegatedFrom', 'memberOf', 'progress', 'sendTo', 'iCalProperty']) known.add(k);
  props.push(...unknownMembers(p as Record<string, unknown>, known, ''));
  return ['participant', props, Array.isArray(ical?.components) ? (ical!.components as JCalComponent[]) : []];
}
