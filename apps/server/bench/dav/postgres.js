// The PostgreSQL the benchmark runs Almanac on: BENCH_DATABASE_URL or DATABASE_URL when it answers
// (CI), else a throwaway cluster from the installed server binaries. Unlike the test helper's
// cluster this one keeps fsync and synchronous commits on: the peers write durably too (Radicale
// fsyncs every item), so PUT rates compare like with like.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './processes.js';

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function serverBin() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(a) - Number(b));
  return versions.length ? join(base, versions[versions.length - 1], 'bin') : undefined;
}

/**
 * An administrative connection URL (a database to run `create database` in) and how to stop the
 * cluster when the benchmark started one, or `{ skipReason }`.
 */
export async function providePostgres() {
  const given = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (given && (await answers(given))) return { url: given, source: 'DATABASE_URL' };
  const bin = serverBin();
  if (!bin) return { skipReason: given ? 'DATABASE_URL does not answer and no PostgreSQL server binaries are installed' : 'no DATABASE_URL and no PostgreSQL server binaries (apt-get install postgresql)' };
  const dir = mkdtempSync(join(tmpdir(), 'almanac-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const r = spawnSync(file, argv, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) {
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C']);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    source: `a throwaway cluster (${bin}, fsync on)`,
    stop() {
      try { run('pg_ctl', ['-D', data, '-m', 'fast', 'stop']); } catch { /* already gone */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the server of `adminUrl`; `drop()` removes it. */
export async function createDatabase(adminUrl) {
  const name = `almanac_dav_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
