import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, DataDirLockedError, readLockHolder } from './data-dir-lock.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'almanac-lock-'));

describe('the data directory lock', () => {
  it('is exclusive while held and free after release', () => {
    const dir = fresh();
    const lock = acquireDataDirLock(dir, 'serve');
    expect(readLockHolder(dir)).toMatchObject({ pid: process.pid, role: 'serve' });
    writeFileSync(join(dir, 'almanac.lock'), JSON.stringify({ pid: process.ppid, role: 'serve', since: 'x' }));
    expect(() => acquireDataDirLock(dir, 'migrate')).toThrow(DataDirLockedError);
    writeFileSync(join(dir, 'almanac.lock'), JSON.stringify({ pid: process.pid, role: 'serve', since: 'x' }));
    lock.update({ socket: '/tmp/x.sock' });
    expect(readLockHolder(dir)?.socket).toBe('/tmp/x.sock');
    lock.release();
    expect(existsSync(join(dir, 'almanac.lock'))).toBe(false);
    acquireDataDirLock(dir, 'migrate').release();
  });

  it('takes over a lock whose process is gone', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'almanac.lock'), JSON.stringify({ pid: 2 ** 22 + 11, role: 'serve', since: 'x' }));
    const lock = acquireDataDirLock(dir, 'serve');
    expect(readLockHolder(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('names the holder in its error', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'almanac.lock'), JSON.stringify({ pid: process.ppid, role: 'serve', since: '2030-01-01' }));
    expect(() => acquireDataDirLock(dir, 'user')).toThrow(`is in use by process ${process.ppid} (almanac serve, since 2030-01-01)`);
  });
});
