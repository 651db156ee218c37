import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScryptPasswordHasher } from '@almanac/accounts';
import { MemoryLogger } from '@almanac/http-kit';
import { createTestDatabase, type TestStoreKind } from '@almanac/store-postgres/testing';
import { loadConfig, type ServerConfig } from '../src/config.js';
import { type RunningServer, startServer } from '../src/server.js';
import type { ServiceOptions } from '../src/services.js';

export interface TestServer {
  readonly running: RunningServer;
  readonly url: string;
  readonly config: ServerConfig;
  readonly logger: MemoryLogger;
  /** Stops the server; the store (data dir or database) stays for a restart until `cleanup`. */
  stop(): Promise<void>;
  restart(): Promise<TestServer>;
  cleanup(): Promise<void>;
}

export const CHEAP_HASHER = new ScryptPasswordHasher({ N: 1024, r: 8, p: 1 });

/**
 * The real server on a free port over a socket: PGlite in a fresh data directory, or a fresh
 * database on the test PostgreSQL. Sleeps of the login throttle are skipped so tests stay fast.
 */
export async function startTestServer(kind: TestStoreKind, env: NodeJS.ProcessEnv = {}, options: ServiceOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'almanac-server-'));
  const database = kind === 'postgres' ? await createTestDatabase('postgres') : undefined;
  // The test database is migrated already; the server migrates again, which must be a no-op.
  const config = loadConfig({
    ALMANAC_PORT: '0', ALMANAC_DATA_DIR: dataDir, ALMANAC_ADMIN_PASSWORD: 'admin-password',
    ...(database && { DATABASE_URL: database.connectionString }), ...env,
  });
  const start = async (): Promise<TestServer> => {
    const logger = new MemoryLogger();
    const running = await startServer(config, logger, { hasher: CHEAP_HASHER, sleep: async () => {}, ...options });
    return {
      running, url: running.url, config, logger,
      stop: () => running.close(1000),
      restart: async () => { await running.close(1000); return start(); },
      cleanup: async () => {
        await running.close(1000);
        await database?.dispose();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  };
  return start();
}

export const basic = (login: string, password: string) => `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body, or undefined when empty or not JSON. */
  readonly body: any;
}

/** A small JSON client for one user over real HTTP. */
export function client(baseUrl: string, login: string, password: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> => {
    const res = await fetch(baseUrl + path, {
      method, redirect: 'manual',
      headers: {
        Authorization: basic(login, password), Accept: 'application/json',
        ...(body !== undefined && { 'Content-Type': 'application/json' }), ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
    return { status: res.status, headers: res.headers, text, body: parsed };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    head: (path: string, headers?: Record<string, string>) => call('HEAD', path, undefined, headers),
    post: (path: string, body: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
    put: (path: string, body: unknown, headers?: Record<string, string>) => call('PUT', path, body, headers),
    patch: (path: string, body: unknown, headers?: Record<string, string>) => call('PATCH', path, body, headers),
    delete: (path: string, headers?: Record<string, string>) => call('DELETE', path, undefined, headers),
    call,
  };
}
export type Client = ReturnType<typeof client>;
