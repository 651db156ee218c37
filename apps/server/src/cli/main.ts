#!/usr/bin/env node
import { ConfigError } from '../config.js';
import { DataDirLockedError } from '../data-dir-lock.js';
import { ADMIN_USAGE, isAdminCommand } from './admin-commands.js';
import { CONVERT_USAGE, runConvert } from './convert.js';
import { extractGlobalFlags } from './global-flags.js';

const USAGE = [
  'usage:',
  'almanac serve [--host <h>] [--port <p>] [--base-path </path>] [--public-url <url>]',
  'almanac migrate',
  ...ADMIN_USAGE,
  CONVERT_USAGE,
  'Every command takes --data-dir <dir> (ALMANAC_DATA_DIR, default ./data) or --database-url <url> (DATABASE_URL).',
];

async function main(argv: string[]): Promise<number> {
  const { flags, rest } = extractGlobalFlags(argv);
  const [command, ...args] = rest;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE.join('\n')}\n`);
    return command ? 0 : 2;
  }
  if (command === 'convert') return runConvert(args);
  if (command === 'serve') return (await import('./store-commands.js')).serve(args, flags);
  if (command === 'migrate') return (await import('./store-commands.js')).migrate(flags);
  if (isAdminCommand(rest)) return (await import('./store-commands.js')).admin(rest, flags);
  process.stderr.write(`almanac: unknown command '${rest.join(' ')}'\n${USAGE.join('\n')}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    const known = err instanceof ConfigError || err instanceof DataDirLockedError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`almanac: ${known ? (err as Error).message : (err as Error).stack ?? String(err)}\n`);
    process.exitCode = known ? 2 : 1;
  },
);
