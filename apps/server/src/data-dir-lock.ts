import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** What the lock file says about its holder. */
export interface LockHolder {
  readonly pid: number;
  /** `serve` for a running server, else the command holding it. */
  readonly role: string;
  /** The running server's admin socket, through which other commands can act. */
  readonly socket?: string;
  readonly since: string;
}

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly holder: LockHolder) {
    super(`the data directory ${dataDir} is in use by process ${holder.pid} (almanac ${holder.role}, since ${holder.since})`);
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Rewrites the holder information (e.g. once the admin socket listens). */
  update(info: Partial<LockHolder>): void;
  release(): void;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readRaw = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

export function readLockHolder(dataDir: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'almanac.lock'), 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/**
 * PGlite has no lock of its own, and two processes on one data directory corrupt it: take an
 * exclusive lock file (created with O_EXCL) naming this process. A lock left by a dead process
 * is taken over.
 * @throws DataDirLockedError while a live process holds it.
 */
export function acquireDataDirLock(dataDir: string, role: string): DataDirLock {
  const path = join(dataDir, 'almanac.lock');
  let info: LockHolder = { pid: process.pid, role, since: new Date().toISOString() };
  const write = () => {
    const fd = openSync(path, 'w');
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        path,
        update(more) {
          info = { ...info, ...more };
          write();
        },
        release() {
          if (released) return;
          released = true;
          try {
            if (readLockHolder(dataDir)?.pid === process.pid) unlinkSync(path);
          } catch { /* already gone */ }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const seen = readRaw(path);
      const holder = readLockHolder(dataDir);
      if (holder && alive(holder.pid) && holder.pid !== process.pid) throw new DataDirLockedError(dataDir, holder);
      // Stale (its process is gone): take it over, but only if it is still the file we judged, so
      // that two processes taking over at once do not remove each other's fresh lock.
      try {
        if (readRaw(path) === seen) unlinkSync(path);
      } catch { /* raced with another taker */ }
    }
  }
  const holder = readLockHolder(dataDir);
  throw new DataDirLockedError(dataDir, holder ?? { pid: -1, role: 'unknown', since: 'unknown' });
}
