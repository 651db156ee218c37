import { beforeEach, describe, expect, it } from '@jest/globals';
import { ForbiddenError, PreconditionFailedError, RevisionMismatchError, ValidationError } from '@almanac/domain-kernel';
import { eventScheduleTag, SERVER_MEMBER, serverInfo } from '../src/model/event.js';
import { type World, world } from './world.js';

const base = { uid: 'meeting-0000000001', title: 'Planning', start: '2030-01-10T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H' };
const alert = (offset: string) => ({ '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset } });

describe('saveEvent: creating', () => {
  let w: World;
  beforeEach(async () => { w = await world(); });

  it('makes the calendar owner the accepted organizer and chair of an event without participants (check 9)', async () => {
    const stored = await w.save(w.ralf, w.ralf, base);
    expect(stored.data.participants).toEqual({
      [w.ralf.id]: {
        '@type': 'Participant', name: 'Ralf Becker', email: 'ralf@example.org', kind: 'individual', sendTo: { imip: 'mailto:ralf@example.org' },
        roles: { owner: true, chair: true }, participationStatus: 'accepted',
      },
    });
    expect(stored.data).toMatchObject({ sequence: 0, created: '2030-01-01T08:00:00Z', updated: '2030-01-01T08:00:00Z', replyTo: { imip: 'mailto:ralf@example.org' } });
    expect(serverInfo(stored.data)).toEqual({ createdBy: w.ralf.id, updatedBy: w.ralf.id });
    expect(stored.name).toBe('meeting-0000000001.ics');
    expect(stored.timeRange).toEqual({ start: new Date('2030-01-10T10:00:00Z'), end: new Date('2030-01-10T11:00:00Z') });
  });

  it('ignores client values for created, updated and the server member, and never lowers the sequence', async () => {
    const stored = await w.save(w.ralf, w.ralf, { ...base, created: '2000-01-01T00:00:00Z', updated: '2000-01-01T00:00:00Z', [SERVER_MEMBER]: { createdBy: 999 } });
    expect(stored.data).toMatchObject({ sequence: 0, created: '2030-01-01T08:00:00Z', updated: '2030-01-01T08:00:00Z' });
    expect(serverInfo(stored.data).createdBy).toBe(w.ralf.id);
    // A DAV organizer client counts the sequence itself: a higher one is kept, a lower one is not.
    const counted = await w.save(w.ralf, w.ralf, { ...base, sequence: 9 }, { existing: stored });
    expect(counted.data.sequence).toBe(9);
    expect((await w.save(w.ralf, w.ralf, { ...base, title: 'x', sequence: 2 }, { existing: counted })).data.sequence).toBe(10);
  });

  it('resolves participants by account id, email and group name, keeps externals, and defaults roles and statuses', async () => {
    const stored = await w.save(w.ralf, w.ralf, {
      ...base, participants: {
        x1: { email: 'BIRGIT@example.org' },
        [w.carl.id]: { name: 'Carl', roles: { optional: true } },
        g: { kind: 'group', name: 'devs' },
        'eJane Doe <jane@elsewhere.org>': {},
        [w.ralf.id]: {},
      },
    });
    expect(stored.data.participants).toEqual({
      [w.birgit.id]: expect.objectContaining({ name: 'Birgit Becker', email: 'birgit@example.org', kind: 'individual', roles: { attendee: true }, participationStatus: 'needs-action' }),
      [w.carl.id]: expect.objectContaining({ name: 'Carl', roles: { optional: true }, participationStatus: 'needs-action' }),
      [`-${w.devs.id}`]: { '@type': 'Participant', name: 'devs', kind: 'group', roles: { attendee: true }, participationStatus: 'needs-action' },
      'e-jane-elsewhere-org': { '@type': 'Participant', name: 'Jane Doe', email: 'jane@elsewhere.org', kind: 'individual', roles: { attendee: true }, participationStatus: 'needs-action' },
      [w.ralf.id]: expect.objectContaining({ roles: { chair: true, owner: true }, participationStatus: 'accepted' }),
    });
  });

  it('keeps contact keys (c<id>) and other valid client keys of external participants, and makes keys for the rest', async () => {
    const stored = await w.save(w.ralf, w.ralf, {
      ...base, participants: {
        c12: { name: 'A Contact', email: 'contact@elsewhere.org' }, 'my-id_1': { email: 'other@elsewhere.org' },
        'x@y': { sendTo: { imip: 'mailto:imip@elsewhere.org' } },
      },
    });
    expect(Object.keys(stored.data.participants!).sort()).toEqual([String(w.ralf.id), 'c12', 'e-imip-elsewhere-org', 'my-id_1'].sort());
    expect(stored.data.participants!['e-imip-elsewhere-org']).toMatchObject({ email: 'imip@elsewhere.org', sendTo: { imip: 'mailto:imip@elsewhere.org' } });
  });

  it('refuses participants without account or email, naming each by pointer', async () => {
    const err = await w.save(w.ralf, w.ralf, { ...base, participants: { 999: { name: 'ghost' }, x: { name: 'no mail' }, y: null as never, z: 'bad' as never } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues).toEqual([
      { path: '/participants/999/email', message: 'a participant needs an account id or an email address' },
      { path: '/participants/x/email', message: 'a participant needs an account id or an email address' },
      { path: '/participants/z', message: 'must be a Participant object' },
    ]);
  });

  it('re-keys references between participants and in overrides', async () => {
    const stored = await w.save(w.ralf, w.ralf, {
      ...base, recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'daily', count: 3 }],
      participants: { a: { email: 'birgit@example.org', invitedBy: 'o' }, o: { email: 'ralf@example.org', roles: { owner: true } } },
      recurrenceOverrides: { '2030-01-11T10:00:00': { 'participants/a/participationStatus': 'declined' } },
    });
    expect(stored.data.participants![w.birgit.id]!.invitedBy).toBe(String(w.ralf.id));
    expect(stored.data.recurrenceOverrides).toEqual({ '2030-01-11T10:00:00': { [`participants/${w.birgit.id}/participationStatus`]: 'declined' } });
  });

  it('refuses two organizers', async () => {
    const err = await w.save(w.ralf, w.ralf, { ...base, participants: { [w.ralf.id]: { roles: { owner: true } }, [w.birgit.id]: { roles: { owner: true } } } }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
  });

  it('adds the owner as needs-action organizer when someone else creates in its calendar', async () => {
    const stored = await w.save(w.birgit, w.ralf, { ...base, participants: { [w.birgit.id]: {} } });
    expect(stored.data.participants![w.ralf.id]).toMatchObject({ roles: { owner: true, chair: true }, participationStatus: 'needs-action' });
    expect(stored.data.participants![w.birgit.id]).toMatchObject({ participationStatus: 'accepted' });
  });
});

describe('saveEvent: sequence and Schedule-Tag (RFC 6638)', () => {
  let w: World;
  beforeEach(async () => { w = await world(); });

  it('bumps the sequence for organizer changes only, keeping statuses the input leaves out', async () => {
    const created = await w.save(w.ralf, w.ralf, { ...base, participants: { [w.birgit.id]: {} } });
    const tag = eventScheduleTag(created);
    const same = await w.save(w.ralf, w.ralf, { ...base, participants: { [w.birgit.id]: {} }, alerts: { a: alert('-PT10M') } as never }, { existing: created });
    expect(same.data.sequence).toBe(0);
    expect(eventScheduleTag(same)).toBe(tag);
    expect(same.revision).toBe(created.revision + 1);
    const moved = await w.save(w.ralf, w.ralf, { ...base, start: '2030-01-10T11:00:00', participants: { [w.birgit.id]: {} } }, { existing: same });
    expect(moved.data.sequence).toBe(1);
    expect(eventScheduleTag(moved)).not.toBe(tag);
    expect(moved.data.participants![w.ralf.id]!.participationStatus).toBe('accepted');
  });

  it('refuses to change the organizer', async () => {
    const created = await w.save(w.ralf, w.ralf, base);
    const err = await w.save(w.ralf, w.ralf, { ...base, participants: { [w.birgit.id]: { roles: { owner: true } } } }, { existing: created }).catch((e) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err.code).toBe('event/organizer-change');
  });

  it('keeps the organizer when a replace leaves it out', async () => {
    const created = await w.save(w.ralf, w.ralf, base);
    const replaced = await w.save(w.ralf, w.ralf, { ...base, participants: { [w.birgit.id]: {} } }, { existing: created });
    expect(replaced.data.participants![w.ralf.id]).toMatchObject({ roles: { owner: true, chair: true } });
  });

  it('checks If-Match as a revision and If-Schedule-Tag-Match as a tag that replies do not move', async () => {
    const created = await w.save(w.ralf, w.ralf, { ...base, participants: { [w.birgit.id]: {}, [w.carl.id]: {} } });
    const tag = eventScheduleTag(created);
    const carlCopy = (await w.copyOf(w.carl, base.uid))!;
    await w.save(w.carl, w.carl, { ...carlCopy.data, participants: { [w.carl.id]: { participationStatus: 'accepted' } } }, { existing: carlCopy });
    await expect(w.save(w.ralf, w.ralf, { ...base, title: 'x' }, { existing: created, guard: { revision: created.revision } })).rejects.toBeInstanceOf(RevisionMismatchError);
    const ok = await w.save(w.ralf, w.ralf, { ...base, title: 'x', participants: { [w.birgit.id]: {}, [w.carl.id]: {} } }, { existing: created, guard: { scheduleTag: tag } });
    expect(ok.data.title).toBe('x');
    expect(ok.data.participants![w.carl.id]!.participationStatus).toBe('accepted');
    await expect(w.save(w.ralf, w.ralf, base, { existing: ok, guard: { scheduleTag: tag } })).rejects.toBeInstanceOf(PreconditionFailedError);
  });

  it('keeps replies that arrived since the client read when the write is guarded by the Schedule-Tag', async () => {
    const created = await w.save(w.ralf, w.ralf, { ...base, participants: { [w.birgit.id]: {}, [w.carl.id]: {} } });
    const carlCopy = (await w.copyOf(w.carl, base.uid))!;
    await w.save(w.carl, w.carl, { ...carlCopy.data, participants: { [w.carl.id]: { participationStatus: 'accepted' } } }, { existing: carlCopy });
    // The organizer sends what it read before Carl's reply: Carl still needs-action there.
    const stale = { ...base, title: 'y', participants: { ...created.data.participants } };
    const byTag = await w.save(w.ralf, w.ralf, stale, { existing: created, guard: { scheduleTag: eventScheduleTag(created) } });
    expect(byTag.data.title).toBe('y');
    expect(byTag.data.participants![w.carl.id]!.participationStatus).toBe('accepted');
    // Without that guard the organizer's own view wins (it may reset statuses).
    const reset = await w.save(w.ralf, w.ralf, stale, { existing: byTag });
    expect(reset.data.participants![w.carl.id]!.participationStatus).toBe('needs-action');
  });

  it('lets a writer other than the owner change the event but not the owner’s alerts', async () => {
    const created = await w.save(w.ralf, w.ralf, { ...base, alerts: { mine: alert('-PT5M') } as never });
    const byOther = await w.save(w.birgit, w.ralf, { ...base, title: 'by Birgit', alerts: { hers: alert('-PT1H') } as never }, { existing: created });
    expect(byOther.data.title).toBe('by Birgit');
    expect(byOther.data.alerts).toEqual({ mine: alert('-PT5M') });
    expect(serverInfo(byOther.data)).toEqual({ createdBy: w.ralf.id, updatedBy: w.birgit.id });
  });
});
