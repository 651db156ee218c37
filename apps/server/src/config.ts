import { resolve } from 'node:path';
import { parseByteSize } from '@almanac/http-kit';

/** Everything the server reads from its environment and flags. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** `/` or a path without trailing slash, e.g. `/egroupware/groupdav.php`. */
  readonly basePath: string;
  /** The embedded store's directory (PGlite data, lock, admin socket); unused with `databaseUrl`. */
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /** The public origin (and path) behind a proxy, for absolute URLs. */
  readonly publicUrl: URL | undefined;
  /** The first start's admin password; generated and printed once when absent. */
  readonly adminPassword: string | undefined;
  readonly maxBodyBytes: number;
  /** Express's `trust proxy` setting, so that throttling sees the real client address. */
  readonly trustProxy: boolean | string;
}

export type ConfigFlags = Partial<Record<'host' | 'port' | 'base-path' | 'data-dir' | 'database-url' | 'public-url', string>>;

export class ConfigError extends Error {}

/** Normalises a base path: leading slash, no trailing slash, `/` for the root. */
export function normalizeBasePath(raw: string): string {
  const trimmed = raw.trim().replace(/\/+$/, '');
  if (trimmed === '') return '/';
  if (!/^\/?[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(trimmed)) throw new ConfigError(`invalid base path '${raw}'`);
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * Reads the configuration; flags win over `ALMANAC_*` variables, which win over defaults.
 * @throws ConfigError naming the bad setting.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, flags: ConfigFlags = {}): ServerConfig {
  const pick = (flag: keyof ConfigFlags, name: string) => flags[flag] ?? env[name] ?? undefined;
  const portText = pick('port', 'ALMANAC_PORT') ?? '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`invalid port '${portText}'`);
  const publicText = pick('public-url', 'ALMANAC_PUBLIC_URL');
  let publicUrl: URL | undefined;
  if (publicText) {
    try {
      publicUrl = new URL(publicText);
    } catch {
      throw new ConfigError(`invalid ALMANAC_PUBLIC_URL '${publicText}'`);
    }
    if (!/^https?:$/.test(publicUrl.protocol)) throw new ConfigError(`ALMANAC_PUBLIC_URL must be http(s): '${publicText}'`);
  }
  let maxBodyBytes: number;
  try {
    maxBodyBytes = parseByteSize(env.ALMANAC_MAX_BODY ?? '10mb');
  } catch (err) {
    throw new ConfigError(`invalid ALMANAC_MAX_BODY: ${(err as Error).message}`);
  }
  const trust = env.ALMANAC_TRUST_PROXY;
  return {
    host: pick('host', 'ALMANAC_HOST') ?? '127.0.0.1',
    port,
    basePath: normalizeBasePath(pick('base-path', 'ALMANAC_BASE_PATH') ?? '/'),
    dataDir: resolve(pick('data-dir', 'ALMANAC_DATA_DIR') ?? './data'),
    databaseUrl: pick('database-url', 'DATABASE_URL') || undefined,
    publicUrl,
    adminPassword: env.ALMANAC_ADMIN_PASSWORD || undefined,
    maxBodyBytes,
    trustProxy: trust === undefined || trust === '' || trust === 'false' ? false : trust === 'true' ? true : trust,
  };
}
