import { describe, expect, it } from '@jest/globals';
import { groupId, principalId, userId } from '../ids.js';
import { type Actor, may, rightsOn } from './access.js';
import { ALL_RIGHTS, type Grant, Right } from './grants.js';

const alice = userId(1);
const bob = userId(2);
const staff = groupId(10);
const bobActor: Actor = { userId: bob, groupIds: [] };
const bobInStaff: Actor = { userId: bob, groupIds: [staff] };
const aliceCal = { ownerId: alice, kind: 'calendar' as const };
const aliceBook = { ownerId: alice, kind: 'addressbook' as const };
const grant = (rights: number, granteeId = principalId(bob), app: Grant['app'] = 'calendar'): Grant =>
  ({ ownerId: alice, granteeId, app, rights });

describe('rightsOn', () => {
  it('gives owners every right on their own collections', () => {
    expect(rightsOn({ userId: alice, groupIds: [] }, aliceCal, [])).toBe(ALL_RIGHTS);
  });

  it('gives others only what the owner granted for that app', () => {
    expect(rightsOn(bobActor, aliceCal, [])).toBe(0);
    expect(rightsOn(bobActor, aliceCal, [grant(Right.READ)])).toBe(Right.READ);
    expect(rightsOn(bobActor, aliceBook, [grant(Right.READ)])).toBe(0);
    expect(rightsOn(bobActor, { ownerId: alice, kind: 'tasks' }, [grant(Right.EDIT, bob, 'infolog')])).toBe(Right.EDIT);
  });

  it('adds up grants made to the actor and to its groups', () => {
    const grants = [grant(Right.READ), grant(Right.ADD, staff)];
    expect(rightsOn(bobActor, aliceCal, grants)).toBe(Right.READ);
    expect(rightsOn(bobInStaff, aliceCal, grants)).toBe(Right.READ | Right.ADD);
  });

  it('ignores grants from other owners', () => {
    expect(rightsOn(bobActor, aliceCal, [{ ownerId: userId(3), granteeId: bob, app: 'calendar', rights: Right.READ }])).toBe(0);
  });

  it('keeps scheduling inbox and outbox to their owner', () => {
    expect(rightsOn(bobActor, { ownerId: alice, kind: 'inbox' }, [grant(ALL_RIGHTS)])).toBe(0);
  });
});

describe('may', () => {
  it('lets each right grant only its own action', () => {
    const actions = ['read', 'add', 'edit', 'delete', 'invite'] as const;
    const bit = { read: Right.READ, add: Right.ADD, edit: Right.EDIT, delete: Right.DELETE, invite: Right.INVITE };
    for (const granted of actions) {
      for (const asked of actions) {
        expect([granted, asked, may(bobActor, asked, { collection: aliceCal }, [grant(bit[granted])])])
          .toEqual([granted, asked, granted === asked]);
      }
    }
  });

  it('shows free/busy with either READ or FREEBUSY, and nothing else with FREEBUSY alone', () => {
    expect(may(bobActor, 'read-free-busy', { collection: aliceCal }, [grant(Right.FREEBUSY)])).toBe(true);
    expect(may(bobActor, 'read-free-busy', { collection: aliceCal }, [grant(Right.READ)])).toBe(true);
    expect(may(bobActor, 'read', { collection: aliceCal }, [grant(Right.FREEBUSY)])).toBe(false);
    expect(may(bobActor, 'read-free-busy', { collection: aliceCal }, [])).toBe(false);
  });

  it('hides private resources from grantees without PRIVATE, but not their free/busy', () => {
    const target = { collection: aliceCal, resource: { isPrivate: true } };
    expect(may(bobActor, 'read', target, [grant(Right.READ)])).toBe(false);
    expect(may(bobActor, 'edit', target, [grant(Right.READ | Right.EDIT)])).toBe(false);
    expect(may(bobActor, 'read', target, [grant(Right.READ | Right.PRIVATE)])).toBe(true);
    expect(may(bobActor, 'read-free-busy', target, [grant(Right.READ)])).toBe(true);
    expect(may({ userId: alice, groupIds: [] }, 'read', target, [])).toBe(true);
  });

  it('lets participants read their events and answer for themselves without any grant', () => {
    const target = { collection: aliceCal, resource: { participantIds: [principalId(bob)] } };
    expect(may(bobActor, 'read', target, [])).toBe(true);
    expect(may(bobActor, 'respond', target, [])).toBe(true);
    expect(may(bobActor, 'edit', target, [])).toBe(false);
    expect(may(bobActor, 'delete', target, [])).toBe(false);
    const groupInvited = { collection: aliceCal, resource: { participantIds: [principalId(staff)] } };
    expect(may(bobInStaff, 'read', groupInvited, [])).toBe(true);
    expect(may(userId(3) && { userId: userId(3), groupIds: [] }, 'respond', target, [])).toBe(false);
  });

  it('lets per-resource readers read and nothing more', () => {
    const target = { collection: { ownerId: alice, kind: 'timesheet' as const }, resource: { readerIds: [principalId(bob)] } };
    expect(may(bobActor, 'read', target, [])).toBe(true);
    expect(may(bobActor, 'edit', target, [])).toBe(false);
  });

  it('grants administrators nothing on other people’s data', () => {
    expect(may({ userId: userId(99), groupIds: [] }, 'read', { collection: aliceCal }, [])).toBe(false);
  });
});
