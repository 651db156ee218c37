import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig, normalizeBasePath } from './config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080, basePath: '/', databaseUrl: undefined, publicUrl: undefined, maxBodyBytes: 10 * 1024 * 1024, trustProxy: false });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('reads ALMANAC_* variables and lets flags win', () => {
    const c = loadConfig(
      { ALMANAC_HOST: '0.0.0.0', ALMANAC_PORT: '9000', ALMANAC_BASE_PATH: 'dav/', DATABASE_URL: 'postgres://x/y', ALMANAC_PUBLIC_URL: 'https://example.org/', ALMANAC_MAX_BODY: '1mb', ALMANAC_TRUST_PROXY: 'loopback' },
      { port: '9001' },
    );
    expect(c).toMatchObject({ host: '0.0.0.0', port: 9001, basePath: '/dav', databaseUrl: 'postgres://x/y', maxBodyBytes: 1024 * 1024, trustProxy: 'loopback' });
    expect(c.publicUrl?.href).toBe('https://example.org/');
  });

  it('rejects bad values with a message naming the setting', () => {
    expect(() => loadConfig({ ALMANAC_PORT: 'eighty' })).toThrow(new ConfigError("invalid port 'eighty'"));
    expect(() => loadConfig({ ALMANAC_PUBLIC_URL: 'ftp://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ ALMANAC_MAX_BODY: 'lots' })).toThrow(/ALMANAC_MAX_BODY/);
  });
});

describe('normalizeBasePath', () => {
  it.each([['', '/'], ['/', '/'], ['dav', '/dav'], ['/egroupware/groupdav.php/', '/egroupware/groupdav.php']])('%j -> %j', (raw, expected) => {
    expect(normalizeBasePath(raw)).toBe(expected);
  });
  it('rejects characters that cannot be in a path', () => {
    expect(() => normalizeBasePath('/a b')).toThrow(ConfigError);
  });
});
