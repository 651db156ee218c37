import type { JCalComponent, JCalProperty } from '@almanac/codec-icalendar';
import { setKey } from '../../json-util.js';
import type { Link, Participant } from '../../types/jscalendar.js';
import { contentId, freeId, isId } from '../ids.js';
import { applyJscalProps } from './jscal-prop.js';
import { addLink, LINK_PROPERTIES, propertyToLink } from './links.js';
import { describeProperty, leftoverParams, paramValue, Residual } from './residual.js';

const ROLE: Record<string, string> = { 'REQ-PARTICIPANT': 'attendee', 'OPT-PARTICIPANT': 'optional', 'NON-PARTICIPANT': 'informational', CHAIR: 'chair' };
const CUTYPE: Record<string, string> = { INDIVIDUAL: 'individual', GROUP: 'group', RESOURCE: 'resource', ROOM: 'location' };
const PARTSTAT = new Set(['NEEDS-ACTION', 'ACCEPTED', 'DECLINED', 'TENTATIVE', 'DELEGATED']);
/** draft §2.3.4 table: VTODO-only PARTSTAT values also set the participant's progress. */
const TODO_PARTSTAT: Record<string, string> = { COMPLETED: 'completed', 'IN-PROCESS': 'in-process', FAILED: 'failed' };
const SCHEDULE_AGENT = new Set(['SERVER', 'CLIENT', 'NONE']);

/** The result of converting ORGANIZER, ATTENDEE and PARTICIPANT of one component. */
export interface ConvertedParticipants {
  participants: Record<string, Participant>;
  replyTo: Record<string, string> | undefined;
  /** Parameters of ORGANIZER to remember (draft §2.3.29: under convertedProperties "replyTo"). */
  organizerParams: Record<string, string | string[]> | undefined;
}

/** RFC 3986 §6 normalisation that matters here: mailto addresses compare case-insensitively. */
export function addressKey(address: string): string {
  return address.trim().toLowerCase();
}

/** `imip` for mailto: URIs, `other` otherwise (draft §2.3.4). */
export function schedulingMethod(address: string): string {
  return /^mailto:/i.test(address) ? 'imip' : 'other';
}

/**
 * Converts the ORGANIZER, ATTENDEE properties and PARTICIPANT components of
 * an Event or Task into Participant objects (draft §2.2.1, §2.3.4, §2.3.29),
 * merged by calendar address. Parameters without a JSCalendar home stay in
 * each Participant's `iCalProperty`; everything of a PARTICIPANT component
 * that does not convert stays in its `iCalComponent`.
 */
export function convertParticipants(organizers: JCalProperty[], attendees: JCalProperty[], components: JCalComponent[], isTodo: boolean, keep: (p: JCalProperty) => void): ConvertedParticipants {
  const participants: Record<string, Participant> = {};
  const byAddress = new Map<string, string>();
  const idFor = (address: string, explicit: string | undefined): string => {
    const key = addressKey(address);
    let id = byAddress.get(key);
    if (!id) {
      id = explicit && isId(explicit) && !(explicit in participants) ? explicit : freeId(participants, `p${contentId(key)}`);
      byAddress.set(key, id);
      participants[id] = { '@type': 'Participant', calendarAddress: address };
    }
    return id;
  };

  for (const comp of components) {
    const { participant, address, explicitId } = participantComponent(comp);
    const id = address !== undefined ? idFor(address, explicitId) : freeId(participants, explicitId && isId(explicitId) ? explicitId : `p${contentId(JSON.stringify(comp))}`);
    participants[id] = { ...(participants[id] ?? {}), ...participant };
  }

  for (const prop of attendees) {
    const address = prop[3];
    if (typeof address !== 'string' || prop.length !== 4) {
      keep(prop);
      continue;
    }
    const id = idFor(address, paramValue(prop, 'jscal-id'));
    const p = participants[id]!;
    if (p.sendTo !== undefined) {
      keep(prop); // a second ATTENDEE for the same address
      continue;
    }
    p.sendTo = { [schedulingMethod(address)]: address };
    applyAttendeeParams(prop, p, isTodo, (addr) => idFor(addr, undefined));
  }

  let replyTo: Record<string, string> | undefined;
  let organizerParams: Record<string, string | string[]> | undefined;
  for (const prop of organizers) {
    const address = prop[3];
    if (replyTo !== undefined || typeof address !== 'string' || prop.length !== 4) {
      keep(prop);
      continue;
    }
    replyTo = { [schedulingMethod(address)]: address };
    const id = idFor(address, paramValue(prop, 'jscal-id'));
    const p = participants[id]!;
    p.roles = { ...(p.roles ?? {}), owner: true };
    const cn = prop[1].cn;
    if (p.sendTo === undefined && typeof cn === 'string' && p.name === undefined) {
      // Organizer only: its CN is the participant's name.
      p.name = cn;
      organizerParams = leftoverParams(prop, ['cn', 'jscal-id']);
    } else {
      organizerParams = leftoverParams(prop, ['jscal-id']);
    }
  }
  return { participants, replyTo, organizerParams };
}

function applyAttendeeParams(prop: JCalProperty, p: Participant, isTodo: boolean, idOf: (address: string) => string): void {
  const params = prop[1];
  const consumed = ['jscal-id'];
  const roles: Record<string, true> = { ...(p.roles ?? {}) };
  for (const key in params) {
    const v = params[key]!;
    const s = typeof v === 'string' ? v : undefined;
    switch (key) {
      case 'cn':
        if (s !== undefined) { p.name = s; consumed.push(key); }
        break;
      case 'cutype':
        if (s !== undefined && CUTYPE[s]) { p.kind = CUTYPE[s]; consumed.push(key); }
        break;
      case 'role':
        // An explicit REQ-PARTICIPANT is the default: keep it as written.
        if (s !== undefined && ROLE[s] && s !== 'REQ-PARTICIPANT') { roles[ROLE[s]!] = true; consumed.push(key); }
        break;
      case 'partstat':
        if (s !== undefined && PARTSTAT.has(s)) { p.participationStatus = s.toLowerCase(); consumed.push(key); }
        else if (s !== undefined && isTodo && TODO_PARTSTAT[s]) { p.participationStatus = 'accepted'; p.progress = TODO_PARTSTAT[s]; consumed.push(key); }
        break;
      case 'rsvp':
        if (s === 'TRUE' || s === 'FALSE') { p.expectReply = s === 'TRUE'; consumed.push(key); }
        break;
      case 'email':
        if (s !== undefined) { p.email = s.replace(/^mailto:/i, ''); if (p.email === s) consumed.push(key); else delete p.email; }
        break;
      case 'language':
        if (s !== undefined) { p.language = s; consumed.push(key); }
        break;
      case 'schedule-agent':
        if (s !== undefined && SCHEDULE_AGENT.has(s)) { p.scheduleAgent = s.toLowerCase(); consumed.push(key); }
        break;
      case 'schedule-status':
        if (s !== undefined && /^\d\.\d+(\.\d+)?(,\d\.\d+(\.\d+)?)*$/.test(s)) { p.scheduleStatus = s.split(','); consumed.push(key); }
        break;
      case 'delegated-to':
      case 'delegated-from':
      case 'member': {
        const list = Array.isArray(v) ? v : [v];
        const ids = Object.fromEntries(list.map((a) => [idOf(a), true as const]));
        if (key === 'delegated-to') p.delegatedTo = ids;
        else if (key === 'delegated-from') p.delegatedFrom = ids;
        else p.memberOf = ids;
        consumed.push(key);
        break;
      }
    }
  }
  if (!('role' in params) || params.role === 'REQ-PARTICIPANT') roles.attendee = true;
  p.roles = roles;
  const rest = leftoverParams(prop, consumed);
  if (rest) p.iCalProperty = describeProperty('attendee', rest);
}

/** A PARTICIPANT component (RFC 9073 §7.1) as a Participant (draft §2.2.1). */
function participantComponent(comp: JCalComponent): { participant: Participant; address: string | undefined; explicitId: string | undefined } {
  const p: Participant = { '@type': 'Participant' };
  const residual = new Residual('participant');
  residual.always = true;
  let address: string | undefined;
  let explicitId: string | undefined;
  const links: Record<string, Link> = {};
  const jscal: JCalProperty[] = [];
  for (const prop of comp[1]) {
    const [name, params] = prop;
    const v = prop[3];
    const plain = Object.keys(params).length === 0 && prop.length === 4;
    if (name === 'calendar-address' && typeof v === 'string' && plain && address === undefined) { address = v; p.calendarAddress = v; }
    else if (name === 'participant-type' && typeof v === 'string' && plain && v === v.toUpperCase() && !p.roles?.[v.toLowerCase()]) { p.roles = { ...(p.roles ?? {}) }; setKey(p.roles, v.toLowerCase(), true); }
    else if (name === 'summary' && typeof v === 'string' && plain && p.name === undefined) p.name = v;
    else if (name === 'description' && typeof v === 'string' && plain && p.description === undefined) p.description = v;
    else if (name === 'comment' && typeof v === 'string' && plain && p.participationComment === undefined) p.participationComment = v;
    else if (name === 'dtstamp' && typeof v === 'string' && plain && v.endsWith('Z') && p.scheduleUpdated === undefined) p.scheduleUpdated = v;
    else if (name === 'sequence' && typeof v === 'number' && plain && p.scheduleSequence === undefined) p.scheduleSequence = v;
    else if (name === 'percent-complete' && typeof v === 'number' && plain && p.percentComplete === undefined) p.percentComplete = v;
    else if (name === 'jscal-id' && typeof v === 'string' && explicitId === undefined) explicitId = v;
    else if (name === 'jscal-prop') jscal.push(prop);
    else if (LINK_PROPERTIES.has(name) && propertyToLink(prop)) addLink(links, propertyToLink(prop)!);
    else residual.keep(prop);
  }
  for (const sub of comp[2]) residual.keepComponent(sub);
  if (Object.keys(links).length > 0) p.links = links;
  p.iCalComponent = residual.build()!;
  if (jscal.length > 0) applyJscalProps(p as Record<string, unknown>, jscal, []);
  return { participant: p, address, explicitId };
}
