import { describe, expect, it } from '@jest/globals';
import { ForbiddenError, PrincipalNameTakenError, Right, ValidationError } from '@almanac/domain-kernel';
import { addGroup, addUser, deleteUser, ensureInitialAdmin, setGrant, setPassword } from './admin.js';
import { createAppToken } from './app-tokens.js';
import { makeAccounts } from './test-support.js';

describe('account administration', () => {
  it('creates a user with its six default collections', async () => {
    const a = makeAccounts();
    const { user, collections } = await addUser(a.admin, { login: 'Alice', password: 'long-enough', email: 'alice@example.org', fullName: 'Alice L' });
    expect(user).toMatchObject({ login: 'alice', email: 'alice@example.org', fullName: 'Alice L', isAdmin: false });
    expect(collections.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'addressbook:addressbook', 'calendar:calendar', 'tasks:infolog', 'timesheet:timesheet', 'inbox:inbox', 'outbox:outbox',
    ]);
  });

  it('gives a group an addressbook, a calendar and a task list', async () => {
    const a = makeAccounts();
    const g = await addGroup(a.admin, 'Team');
    expect((await a.repos.collections.listByOwner(g.id)).map((c) => c.name)).toEqual(['addressbook', 'calendar', 'infolog']);
  });

  it('rejects bad logins, reserved names, short passwords and bad emails, creating nothing', async () => {
    const a = makeAccounts();
    for (const input of [
      { login: 'a b', password: 'long-enough' }, { login: 'calendar', password: 'long-enough' },
      { login: 'ok', password: 'short' }, { login: 'ok2', password: 'long-enough', email: 'not-an-email' },
    ]) {
      await expect(addUser(a.admin, input)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await a.repos.users.count()).toBe(0);
  });

  it('refuses a login taken by a group', async () => {
    const a = makeAccounts();
    await addGroup(a.admin, 'sales');
    await expect(addUser(a.admin, { login: 'sales', password: 'long-enough' })).rejects.toBeInstanceOf(PrincipalNameTakenError);
  });

  it('changes passwords and deletes users', async () => {
    const a = makeAccounts();
    await addUser(a.admin, { login: 'bob', password: 'first-pass' });
    await setPassword(a.admin, 'bob', 'second-pass');
    const creds = await a.repos.users.getCredentials('bob');
    expect(await a.hasher.verify('second-pass', creds!.passwordHash!)).toBe(true);
    await deleteUser(a.admin, 'bob');
    expect(await a.repos.users.getByLogin('bob')).toBeUndefined();
  });

  it('sets grants between users and groups and refuses self-grants', async () => {
    const a = makeAccounts();
    const { user: alice } = await addUser(a.admin, { login: 'alice', password: 'long-enough' });
    const team = await addGroup(a.admin, 'team');
    await setGrant(a.admin, 'alice', 'team', 'calendar', Right.READ | Right.ADD);
    expect(await a.repos.grants.get(alice.id, team.id, 'calendar')).toMatchObject({ rights: 3 });
    await expect(setGrant(a.admin, 'alice', 'alice', 'calendar', Right.READ)).rejects.toBeInstanceOf(ValidationError);
  });

  it('creates the initial admin once, with a generated password unless one is given', async () => {
    const a = makeAccounts();
    const first = await ensureInitialAdmin(a.admin);
    expect(first).toMatchObject({ login: 'admin', generated: true });
    expect(first!.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect((await a.repos.users.getByLogin('admin'))!.isAdmin).toBe(true);
    expect(await ensureInitialAdmin(a.admin, 'given-password')).toBeUndefined();
    const b = makeAccounts();
    expect(await ensureInitialAdmin(b.admin, 'given-password')).toMatchObject({ password: 'given-password', generated: false });
  });

  it('lets only admins make tokens for others', async () => {
    const a = makeAccounts();
    const { user: bob } = await addUser(a.admin, { login: 'bob', password: 'long-enough' });
    const { user: carol } = await addUser(a.admin, { login: 'carol', password: 'long-enough' });
    const deps = { tokens: a.repos.tokens, clock: a.clock };
    await expect(createAppToken(deps, { actor: bob, forUser: carol, scopes: ['dav'] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createAppToken(deps, { actor: bob, forUser: 'all-users', scopes: ['dav'] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createAppToken(deps, { actor: bob, forUser: bob, scopes: ['dav'], expiresAt: new Date('2029-01-01') }))
      .rejects.toBeInstanceOf(ValidationError);
  });
});
