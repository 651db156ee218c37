import { describe, expect, it } from '@jest/globals';
import { ScryptPasswordHasher } from './scrypt-password-hasher.js';

const hasher = new ScryptPasswordHasher({ N: 1024, r: 8, p: 1 });

describe('ScryptPasswordHasher', () => {
  it('verifies the right password only', async () => {
    const h = await hasher.hash('pässwörd ✓');
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hasher.verify('pässwörd ✓', h)).toBe(true);
    expect(await hasher.verify('passwörd ✓', h)).toBe(false);
  });

  it('treats NFC and NFD spellings of a password alike', async () => {
    const h = await hasher.hash('caf\u00e9');
    expect(await hasher.verify('cafe\u0301', h)).toBe(true);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
  });

  it('reads the cost from the hash, so older hashes keep working after a cost change', async () => {
    const h = await hasher.hash('pw');
    expect(await new ScryptPasswordHasher({ N: 2048, r: 8, p: 1 }).verify('pw', h)).toBe(true);
  });

  it('answers false for malformed or absurd hashes instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$8$1$a$b', 'scrypt$1073741824$8$1$AAAA$AAAA', 'bcrypt$x', 'scrypt$1024$8$1$AAAA$short']) {
      expect(await hasher.verify('pw', bad)).toBe(false);
    }
  });
});
