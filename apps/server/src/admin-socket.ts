import { createHash } from 'node:crypto';
import { chmodSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@almanac/http-kit';
import { type CommandResult, runAdminCommand } from './cli/admin-commands.js';
import type { DataDirLock } from './data-dir-lock.js';
import type { Services } from './services.js';

export interface AdminSocket {
  readonly path: string;
  close(): Promise<void>;
}

// Unix socket paths are limited to about 107 bytes; fall back to a short path in the temp dir.
export function adminSocketPath(dataDir: string): string {
  const inside = join(dataDir, 'almanac.sock');
  if (Buffer.byteLength(inside) < 100) return inside;
  return join(tmpdir(), `almanac-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.sock`);
}

const MAX_REQUEST_BYTES = 64 * 1024;

/**
 * While `serve` holds the embedded store, other `almanac` commands cannot open it; they send
 * their arguments here instead (one JSON line, `{"argv": [...]}`) and get the command's output
 * back (`{"stdout", "stderr", "exitCode"}`). The socket is only reachable by the data
 * directory's owner (mode 0600).
 */
export async function startAdminSocket(dataDir: string, services: Services, lock: DataDirLock, logger: Logger): Promise<AdminSocket> {
  const path = adminSocketPath(dataDir);
  try { unlinkSync(path); } catch { /* no leftover */ }
  const server: Server = createServer((conn) => {
    let buffer = '';
    conn.setEncoding('utf8');
    conn.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > MAX_REQUEST_BYTES) return conn.destroy();
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      let argv: string[];
      try {
        argv = (JSON.parse(buffer.slice(0, newline)) as { argv: string[] }).argv;
        if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) throw new Error('argv must be strings');
      } catch (err) {
        conn.end(`${JSON.stringify({ stdout: [], stderr: [`bad admin request: ${(err as Error).message}`], exitCode: 2 })}\n`);
        return;
      }
      runAdminCommand(argv, services).then(
        (result) => conn.end(`${JSON.stringify(result)}\n`),
        (err) => {
          logger.error('admin command failed', { argv: argv[0], err });
          conn.end(`${JSON.stringify({ stdout: [], stderr: [`internal error: ${(err as Error).message}`], exitCode: 1 })}\n`);
        },
      );
    });
    conn.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  lock.update({ socket: path });
  return {
    path,
    close: () => new Promise<void>((resolve) => server.close(() => {
      try { unlinkSync(path); } catch { /* gone */ }
      resolve();
    })),
  };
}

/** Sends a command to the running server's admin socket. @throws when it cannot be reached. */
export function sendAdminCommand(path: string, argv: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const conn = createConnection(path);
    let data = '';
    conn.setEncoding('utf8');
    conn.on('connect', () => conn.write(`${JSON.stringify({ argv })}\n`));
    conn.on('data', (chunk: string) => { data += chunk; });
    conn.on('end', () => {
      try {
        resolve(JSON.parse(data) as CommandResult);
      } catch {
        reject(new Error('the running server gave no answer'));
      }
    });
    conn.on('error', reject);
  });
}
