import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The hint a missing vdirsyncer fails with: CI installs it (`.ci/run`), a developer installs it once. */
export const VDIRSYNCER_HINT = 'vdirsyncer is not installed: run `apt-get install -y vdirsyncer` (Debian; .ci/run installs it for CI)';

/** vdirsyncer's version line; throws the install hint when it is missing. */
export function vdirsyncerVersion(): string {
  const probe = spawnSync('vdirsyncer', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(`${VDIRSYNCER_HINT}${probe.error ? ` (${probe.error.message})` : ''}`);
  return probe.stdout.trim();
}

/** One pair of the config: a local folder (filesystem storage) synced with one DAV collection. */
export interface SyncPair {
  readonly name: string;
  /** `carddav` or `caldav`. */
  readonly type: 'carddav' | 'caldav';
  /** The collection's absolute URL. */
  readonly url: string;
  /** `.vcf` or `.ics`. */
  readonly fileext: string;
}

/**
 * A vdirsyncer set-up in a temp dir: its config file (written here), status folder and one local
 * folder per pair. `sync()` runs `vdirsyncer discover` once, then `vdirsyncer sync`, and resolves
 * with its output; a non-zero exit rejects with the output.
 */
export function vdirsyncer(dir: string, pairs: readonly SyncPair[], credentials: { username: string; password: string }) {
  const config = join(dir, 'config');
  const localDir = (pair: string) => join(dir, 'local', pair);
  const sections = [`[general]\nstatus_path = "${join(dir, 'status')}/"\n`];
  for (const p of pairs) {
    mkdirSync(localDir(p.name), { recursive: true });
    sections.push([
      `[pair ${p.name}]`, `a = "${p.name}_local"`, `b = "${p.name}_remote"`, 'collections = null', 'conflict_resolution = "b wins"', '',
      `[storage ${p.name}_local]`, 'type = "filesystem"', `path = "${localDir(p.name)}"`, `fileext = "${p.fileext}"`, '',
      `[storage ${p.name}_remote]`, `type = "${p.type}"`, `url = "${p.url}"`,
      `username = "${credentials.username}"`, `password = "${credentials.password}"`, '',
    ].join('\n'));
  }
  writeFileSync(config, sections.join('\n'));
  const run = (...args: string[]) => new Promise<string>((resolve, reject) => {
    execFile('vdirsyncer', ['-c', config, ...args], { env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }, timeout: 60_000 }, (err, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (err) reject(new Error(`vdirsyncer ${args.join(' ')} failed (${err.message}):\n${output}`));
      else resolve(output);
    });
  });
  let discovered = false;
  return {
    config,
    /** The local folder of a pair. */
    localDir,
    /** The local items of a pair: file name → text. */
    local(pair: string): Record<string, string> {
      return Object.fromEntries(readdirSync(localDir(pair)).sort().map((f) => [f, readFileSync(join(localDir(pair), f), 'utf8')]));
    },
    async sync(): Promise<string> {
      if (!discovered) {
        await run('discover');
        discovered = true;
      }
      return run('sync');
    },
  };
}
