import { describe, expect, it } from '@jest/globals';
import { principalId, userId } from '@almanac/domain-kernel';
import { organizerChanged, organizerPart, perCopyPart, withPerCopyPart } from './changes.js';
import { deepEqual } from './deep-equal.js';
import {
  type EventData, eventEtag, eventScheduleTag, privacyOf, publicEventData, SERVER_MEMBER, sequenceOf, serverInfo, withServerInfo,
} from './event.js';
import {
  accountKey, egroupwareKey, externalKey, organizerKeyOf, parseAccountKey, participantIdsOf, readEgroupwareKey,
} from './participants.js';
import { applyReply, withStatus } from './replies.js';
import { blankedForFreeBusy, eventFacts, listingWindow, mayKnowOf } from './visibility.js';

const event = (over: Partial<EventData> = {}): EventData => ({
  '@type': 'Event', uid: 'u-1', title: 'Planning', start: '2030-01-01T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H',
  participants: {
    5: { '@type': 'Participant', name: 'Ralf', email: 'ralf@example.org', kind: 'individual', roles: { owner: true, chair: true }, participationStatus: 'accepted' },
    7: { '@type': 'Participant', name: 'Birgit', email: 'birgit@example.org', kind: 'individual', roles: { attendee: true }, participationStatus: 'needs-action' },
  },
  ...over,
});

describe('event envelope', () => {
  it('shapes ETag and Schedule-Tag as <id>:<sequence>:<revision> and <id>:<sequence>', () => {
    const r = { id: 5704 as never, revision: 3, data: event({ sequence: 2 }) };
    expect(eventEtag(r)).toBe('5704:2:3');
    expect(eventScheduleTag(r)).toBe('5704:2');
    expect(eventEtag({ ...r, data: event() })).toBe('5704:0:3');
  });

  it('reads sequence as a non-negative integer, also from a string, else 0', () => {
    expect(sequenceOf({ sequence: 4 })).toBe(4);
    expect(sequenceOf({ sequence: '7' as never })).toBe(7);
    expect(sequenceOf({ sequence: -1 })).toBe(0);
    expect(sequenceOf({ sequence: 1.5 })).toBe(0);
  });

  it('keeps the server member apart from what clients see', () => {
    const e = withServerInfo(event(), { createdBy: 5, updatedBy: undefined, organizerCollection: 9 });
    expect(e[SERVER_MEMBER]).toEqual({ createdBy: 5, organizerCollection: 9 });
    expect(serverInfo(e)).toEqual({ createdBy: 5, organizerCollection: 9 });
    expect(publicEventData(e)).toEqual(event());
    expect(serverInfo({ ...event(), [SERVER_MEMBER]: { createdBy: 'x' } })).toEqual({});
    expect(withServerInfo(e, {})).toEqual(event());
  });

  it('reads unknown privacy values as private', () => {
    expect([undefined, 'public', 'private', 'secret', 'weird'].map((p) => privacyOf(event({ privacy: p })))).toEqual(['public', 'public', 'private', 'secret', 'private']);
  });
});

describe('participant keys', () => {
  it('keys users by id and groups by negative id, both valid RFC 8984 Ids', () => {
    expect(accountKey({ id: principalId(5), kind: 'user' })).toBe('5');
    expect(accountKey({ id: principalId(3), kind: 'group' })).toBe('-3');
    expect(parseAccountKey('-3')).toEqual({ id: 3, kind: 'group' });
    expect(parseAccountKey('5')).toEqual({ id: 5, kind: 'user' });
    for (const k of ['0', '05', 'c12', 'e-x', '5a', '']) expect(parseAccountKey(k)).toBeUndefined();
  });

  it('makes stable keys for external addresses, avoiding taken ones', () => {
    expect(externalKey('John.Doe@Example.org', new Set())).toBe('e-john-doe-example-org');
    expect(externalKey('john.doe@example.org', new Set(['e-john-doe-example-org']))).toBe('e-john-doe-example-org-2');
  });

  it('writes external participants as e<email> in the egroupware profile and reads both key forms back', () => {
    expect(egroupwareKey('e-x-example-org', { email: 'x@example.org' })).toBe('ex@example.org');
    expect(egroupwareKey('5', { email: 'ralf@example.org' })).toBe('5');
    expect(egroupwareKey('c12', { email: 'c@example.org' })).toBe('c12');
    expect(readEgroupwareKey('ex@example.org')).toEqual({ email: 'x@example.org' });
    expect(readEgroupwareKey('eJohn Doe <john@example.org>')).toEqual({ email: 'john@example.org', name: 'John Doe' });
    expect(readEgroupwareKey('e-john-example-org')).toBeUndefined();
  });

  it('finds the organizer by the owner role and the accounts taking part', () => {
    expect(organizerKeyOf(event())).toBe('5');
    expect(organizerKeyOf(event({ participants: {} }))).toBeUndefined();
    expect(participantIdsOf(event({ participants: { ...event().participants, '-3': { kind: 'group' }, 'e-x': { email: 'x@y' } } }))).toEqual([5, 7, 3]);
  });
});

describe('organizer changes (sequence rule)', () => {
  it('counts changes of what the organizer decides', () => {
    expect(organizerChanged(event(), event({ title: 'New' }))).toBe(true);
    expect(organizerChanged(event(), event({ start: '2030-01-01T11:00:00' }))).toBe(true);
    expect(organizerChanged(event(), { ...event(), participants: { 5: event().participants![5]! } })).toBe(true);
  });

  it('does not count replies, alerts, server-set members or member order', () => {
    expect(organizerChanged(event(), withStatus(event(), '7', 'declined'))).toBe(false);
    expect(organizerChanged(event(), event({ alerts: { a: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT15M' } } } }))).toBe(false);
    expect(organizerChanged(event(), event({ updated: '2030-01-01T00:00:00Z', sequence: 3, [SERVER_MEMBER]: { updatedBy: 9 } }))).toBe(false);
    const reordered = Object.fromEntries(Object.entries(event()).reverse()) as EventData;
    expect(organizerChanged(event(), reordered)).toBe(false);
  });

  it('does not count per-occurrence replies and alerts in overrides, but counts moved occurrences', () => {
    const base = event({ recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 3 }] });
    const replied = { ...base, recurrenceOverrides: { '2030-01-02T10:00:00': { 'participants/7/participationStatus': 'declined', 'alerts/a/trigger/offset': '-PT5M' } } };
    expect(organizerChanged(base, replied)).toBe(true); // an empty override stays an override (RFC 8984 §4.3.5)
    const withEmpty = { ...base, recurrenceOverrides: { '2030-01-02T10:00:00': {} } };
    expect(organizerChanged(withEmpty, replied)).toBe(false);
    expect(organizerChanged(replied, { ...base, recurrenceOverrides: { '2030-01-02T10:00:00': { start: '2030-01-02T12:00:00' } } })).toBe(true);
    expect(organizerPart(replied).recurrenceOverrides).toEqual({ '2030-01-02T10:00:00': {} });
  });
});

describe('per-copy alerts', () => {
  const alert = (offset: string) => ({ '@type': 'Alert' as const, trigger: { '@type': 'OffsetTrigger' as const, offset } });
  it('replaces the organizer’s alerts with the copy owner’s, also in overrides that remain', () => {
    const organizer = event({
      alerts: { o: alert('-PT15M') },
      recurrenceOverrides: { '2030-01-02T10:00:00': { title: 'Moved', 'alerts/o/trigger/offset': '-PT1H' }, '2030-01-03T10:00:00': { excluded: true } },
    });
    const mine = event({
      alerts: { m: alert('-PT5M') }, useDefaultAlerts: true,
      recurrenceOverrides: { '2030-01-02T10:00:00': { 'alerts/m': null }, '2030-01-03T10:00:00': { 'alerts/m': null }, '2030-01-09T10:00:00': { alerts: {} } },
    });
    const copy = withPerCopyPart(organizer, perCopyPart(mine));
    expect(copy.alerts).toEqual({ m: alert('-PT5M') });
    expect(copy.useDefaultAlerts).toBe(true);
    expect(copy.recurrenceOverrides).toEqual({
      '2030-01-02T10:00:00': { title: 'Moved', 'alerts/m': null },
      '2030-01-03T10:00:00': { excluded: true },
    });
    expect(withPerCopyPart(organizer, perCopyPart(undefined)).alerts).toBeUndefined();
  });
});

describe('replies', () => {
  it('takes only the participant’s reply members', () => {
    const reply = event({ title: 'Hacked', participants: { 7: { participationStatus: 'accepted', participationComment: 'ok', roles: { chair: true } } } });
    const out = applyReply(event(), '7', reply);
    expect(out.title).toBe('Planning');
    expect(out.participants![7]).toEqual({ ...event().participants![7], participationStatus: 'accepted', participationComment: 'ok' });
    expect(applyReply(event(), '9', reply)).toEqual(event());
    expect(applyReply(event(), '7', event({ participants: {} }))).toEqual(event());
  });

  it('takes per-occurrence replies only for dates that are occurrences', () => {
    const base = event({ recurrenceOverrides: { '2030-01-05T10:00:00': { title: 'x' }, '2030-01-06T10:00:00': { excluded: true } } });
    const reply = event({ recurrenceOverrides: {
      '2030-01-02T10:00:00': { 'participants/7/participationStatus': 'declined' },
      '2030-01-05T10:00:00': { 'participants/7/participationStatus': 'tentative', title: 'hack' },
      '2030-01-06T10:00:00': { 'participants/7/participationStatus': 'accepted' },
      '2030-01-07T10:00:00': { 'participants/5/participationStatus': 'declined' },
      '2031-01-01T10:00:00': { 'participants/7/participationStatus': 'accepted' },
    } });
    const out = applyReply(base, '7', reply, (rid) => rid.startsWith('2030-01-0'));
    expect(out.recurrenceOverrides).toEqual({
      '2030-01-05T10:00:00': { title: 'x', 'participants/7/participationStatus': 'tentative' },
      '2030-01-06T10:00:00': { excluded: true },
      '2030-01-02T10:00:00': { 'participants/7/participationStatus': 'declined' },
    });
    // A later reply without them withdraws the per-occurrence answers.
    expect(applyReply(out, '7', event()).recurrenceOverrides).toEqual({ '2030-01-05T10:00:00': { title: 'x' }, '2030-01-06T10:00:00': { excluded: true }, '2030-01-02T10:00:00': {} });
  });
});

describe('visibility', () => {
  const actor = (id: number, groups: number[] = []) => ({ userId: userId(id), groupIds: groups as never[] });
  it('tells the policy about privacy and participants', () => {
    expect(eventFacts(event({ privacy: 'private' }))).toEqual({ isPrivate: true, participantIds: [5, 7] });
    expect(eventFacts(event()).isPrivate).toBe(false);
  });

  it('hides secret events from everyone but the calendar owner and participants', () => {
    const secret = event({ privacy: 'secret', participants: { ...event().participants, '-3': { kind: 'group' } } });
    const calendar = { ownerId: principalId(5) };
    expect(mayKnowOf(secret, actor(5), calendar)).toBe(true);
    expect(mayKnowOf(secret, actor(7), calendar)).toBe(true);
    expect(mayKnowOf(secret, actor(8, [3]), calendar)).toBe(true);
    expect(mayKnowOf(secret, actor(8), calendar)).toBe(false);
    expect(mayKnowOf(event({ privacy: 'private' }), actor(8), calendar)).toBe(true);
  });

  it('blanks everything but times for free/busy readers', () => {
    const full = event({
      description: 'secret plans', locations: { 1: { '@type': 'Location', name: 'Room' } }, freeBusyStatus: 'free', showWithoutTime: false,
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }],
      recurrenceOverrides: { '2030-01-08T10:00:00': { title: 'x', start: '2030-01-08T12:00:00' }, '2030-01-15T10:00:00': { excluded: true } },
      alerts: { a: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT1M' } } },
    });
    expect(blankedForFreeBusy(full)).toEqual({
      '@type': 'Event', uid: 'u-1', start: '2030-01-01T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H', showWithoutTime: false, freeBusyStatus: 'free',
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly' }],
      recurrenceOverrides: { '2030-01-08T10:00:00': { start: '2030-01-08T12:00:00' }, '2030-01-15T10:00:00': { excluded: true } },
    });
  });

  it('lists 100 days back and 365 ahead by default', () => {
    const now = new Date('2030-06-01T00:00:00Z');
    expect(listingWindow(now)).toEqual({ start: new Date('2030-02-21T00:00:00Z'), end: new Date('2031-06-01T00:00:00Z') });
  });
});

describe('deepEqual', () => {
  it('ignores member order and undefined members but not array order', () => {
    expect(deepEqual({ a: 1, b: [1, 2], c: undefined }, { b: [1, 2], a: 1 })).toBe(true);
    expect(deepEqual({ b: [2, 1] }, { b: [1, 2] })).toBe(false);
    expect(deepEqual({ a: null }, { a: undefined })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
  });
});
