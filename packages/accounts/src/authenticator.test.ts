import { beforeEach, describe, expect, it } from '@jest/globals';
import { addGroup, addGroupMember, addUser } from './admin.js';
import { createAppToken, revokeAppToken } from './app-tokens.js';
import { AuthenticationError, TooManyAttemptsError } from './errors.js';
import { DEFAULT_THROTTLE_POLICY } from './login-throttle.js';
import { makeAccounts } from './test-support.js';

const client = { address: '192.0.2.1' };
const basic = (login: string, password: string) => ({ scheme: 'basic' as const, login, password });

describe('Authenticator', () => {
  let a: ReturnType<typeof makeAccounts>;
  beforeEach(async () => {
    a = makeAccounts();
    await addUser(a.admin, { login: 'alice', password: 'alice-secret', isAdmin: true });
    await addUser(a.admin, { login: 'bob', password: 'bob-secret1' });
  });

  it('accepts the account password and reports the user, its groups and full scope', async () => {
    await addGroup(a.admin, 'staff');
    await addGroupMember(a.admin, 'staff', 'bob');
    const r = await a.auth.authenticate(basic('BOB', 'bob-secret1'), client);
    expect(r.user.login).toBe('bob');
    expect(r.groupIds).toEqual([(await a.repos.groups.getByName('staff'))!.id]);
    expect(r).toMatchObject({ scopes: 'all', method: 'password' });
  });

  it('rejects a wrong password and an unknown login with the same error', async () => {
    const wrong = await a.auth.authenticate(basic('bob', 'nope-nope'), client).catch((e) => e);
    const unknown = await a.auth.authenticate(basic('nobody', 'nope-nope'), { address: '192.0.2.2' }).catch((e) => e);
    expect(wrong).toBeInstanceOf(AuthenticationError);
    expect(unknown).toBeInstanceOf(AuthenticationError);
    expect(unknown.message).toBe(wrong.message);
    expect(a.hasher.verifications).toBe(2);
  });

  it('rejects empty credentials without counting them as a guess', async () => {
    await expect(a.auth.authenticate(basic('', ''), client)).rejects.toMatchObject({ code: 'auth/missing-credentials' });
  });

  it('remembers a verified password for a while, and forgets it when the password changes', async () => {
    await a.auth.authenticate(basic('bob', 'bob-secret1'), client);
    await a.auth.authenticate(basic('bob', 'bob-secret1'), client);
    expect(a.hasher.verifications).toBe(1);
    a.clock.advance(6 * 60_000);
    await a.auth.authenticate(basic('bob', 'bob-secret1'), client);
    expect(a.hasher.verifications).toBe(2);
    const bob = (await a.repos.users.getByLogin('bob'))!;
    await a.repos.users.setPasswordHash(bob.id, await a.hasher.hash('changed-pw'));
    await expect(a.auth.authenticate(basic('bob', 'bob-secret1'), client)).rejects.toBeInstanceOf(AuthenticationError);
  });

  describe('app tokens', () => {
    const tokenFor = async (login: string, scopes: ('dav' | 'calendar' | 'addressbook')[] = ['calendar'], expiresAt: Date | null = null) => {
      const user = (await a.repos.users.getByLogin(login))!;
      return createAppToken({ tokens: a.repos.tokens, clock: a.clock }, { actor: user, forUser: user, scopes, expiresAt });
    };

    it('authenticates with a token in the Basic password field and as a Bearer token, with its scopes', async () => {
      const { text } = await tokenFor('bob', ['calendar', 'addressbook']);
      expect(text).toMatch(/^token\d+_[A-Za-z0-9_-]{43}$/);
      const viaBasic = await a.auth.authenticate(basic('bob', text), client);
      expect(viaBasic).toMatchObject({ method: 'app-token', scopes: ['calendar', 'addressbook'] });
      const viaBearer = await a.auth.authenticate({ scheme: 'bearer', token: text }, client);
      expect(viaBearer.user.login).toBe('bob');
      expect(a.hasher.verifications).toBe(0);
    });

    it('stores only a hash of the secret', async () => {
      const { token, text } = await tokenFor('bob');
      const stored = await a.repos.tokens.getWithSecretHash(token.id);
      const secret = text.replace(/^token\d+_/, ''); // the secret may contain '_' itself
      expect(secret).toHaveLength(43);
      expect(stored!.secretHash).not.toContain(secret);
    });

    it('rejects a token used with another user’s login, a tampered secret, an expired and a revoked token', async () => {
      const { token, text } = await tokenFor('bob', ['dav'], new Date('2030-01-02T00:00:00Z'));
      await expect(a.auth.authenticate(basic('alice', text), client)).rejects.toBeInstanceOf(AuthenticationError);
      const tampered = text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');
      await expect(a.auth.authenticate({ scheme: 'bearer', token: tampered }, client)).rejects.toBeInstanceOf(AuthenticationError);
      a.clock.advance(2 * 86_400_000);
      await expect(a.auth.authenticate({ scheme: 'bearer', token: text }, client)).rejects.toMatchObject({ message: 'the app token is expired' });
      const second = await tokenFor('bob');
      await revokeAppToken({ tokens: a.repos.tokens, clock: a.clock }, second.token.id);
      await expect(a.auth.authenticate({ scheme: 'bearer', token: second.text }, client)).rejects.toMatchObject({ message: 'the app token is revoked' });
      expect(token.id).not.toBe(second.token.id);
    });

    it('lets an admin-made all-users token act as the Basic login, and only while its maker is an admin', async () => {
      const alice = (await a.repos.users.getByLogin('alice'))!;
      const { text } = await createAppToken({ tokens: a.repos.tokens, clock: a.clock }, { actor: alice, forUser: 'all-users', scopes: ['dav'] });
      expect((await a.auth.authenticate(basic('bob', text), client)).user.login).toBe('bob');
      expect((await a.auth.authenticate(basic('alice', text), client)).user.login).toBe('alice');
      await expect(a.auth.authenticate({ scheme: 'bearer', token: text }, client)).rejects.toBeInstanceOf(AuthenticationError);
      await a.repos.users.update(alice.id, { isAdmin: false });
      await expect(a.auth.authenticate(basic('bob', text), client)).rejects.toBeInstanceOf(AuthenticationError);
    });

    it('records when a token was last used, at most once a minute', async () => {
      const { token, text } = await tokenFor('bob');
      await a.auth.authenticate({ scheme: 'bearer', token: text }, client);
      const first = (await a.repos.tokens.get(token.id))!.lastUsedAt;
      expect(first).toEqual(a.clock.now());
      a.clock.advance(30_000);
      await a.auth.authenticate({ scheme: 'bearer', token: text }, client);
      expect((await a.repos.tokens.get(token.id))!.lastUsedAt).toEqual(first);
    });
  });

  describe('brute force', () => {
    const policy = DEFAULT_THROTTLE_POLICY;

    it('slows down repeated failures and then refuses even the right password for a while', async () => {
      for (let i = 0; i < policy.lockAfter; i++) {
        await expect(a.auth.authenticate(basic('bob', `guess-${i}`), client)).rejects.toBeInstanceOf(AuthenticationError);
      }
      expect(a.sleeps).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
      const locked = await a.auth.authenticate(basic('bob', 'bob-secret1'), client).catch((e) => e);
      expect(locked).toBeInstanceOf(TooManyAttemptsError);
      expect(locked.retryAfterSeconds).toBe(300);
      a.clock.advance(policy.lockMs + 1000);
      await expect(a.auth.authenticate(basic('bob', 'bob-secret1'), client)).resolves.toMatchObject({ method: 'password' });
    });

    it('locks a client address that guesses across many logins', async () => {
      for (let i = 0; i < policy.lockAfter; i++) {
        await a.auth.authenticate(basic(`user${i}`, 'wrong-pass'), client).catch(() => undefined);
      }
      await expect(a.auth.authenticate(basic('alice', 'alice-secret'), client)).rejects.toBeInstanceOf(TooManyAttemptsError);
      await expect(a.auth.authenticate(basic('alice', 'alice-secret'), { address: '198.51.100.7' })).resolves.toBeDefined();
    });

    it('refuses a locked address even for a recently verified password', async () => {
      await a.auth.authenticate(basic('alice', 'alice-secret'), client);
      for (let i = 0; i < policy.lockAfter; i++) await a.auth.authenticate(basic('bob', `guess-${i}`), client).catch(() => undefined);
      await expect(a.auth.authenticate(basic('alice', 'alice-secret'), client)).rejects.toBeInstanceOf(TooManyAttemptsError);
    });

    it('clears a login’s count after a success', async () => {
      for (let i = 0; i < policy.lockAfter - 1; i++) await a.auth.authenticate(basic('bob', 'wrong-pass'), { address: `10.0.0.${i}` }).catch(() => undefined);
      await a.auth.authenticate(basic('bob', 'bob-secret1'), { address: '10.0.1.1' });
      await a.auth.authenticate(basic('bob', 'wrong-pass'), { address: '10.0.1.2' }).catch(() => undefined);
      await expect(a.auth.authenticate(basic('bob', 'bob-secret1'), { address: '10.0.1.3' })).resolves.toBeDefined();
    });
  });
});
