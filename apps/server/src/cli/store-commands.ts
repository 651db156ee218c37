import { parseArgs } from 'node:util';
import { jsonLogger } from '@almanac/http-kit';
import { migrateToLatest, openDatabase } from '@almanac/store-postgres';
import { sendAdminCommand } from '../admin-socket.js';
import { loadConfig } from '../config.js';
import { DataDirLockedError } from '../data-dir-lock.js';
import { startServer } from '../server.js';
import { buildServices } from '../services.js';
import { openStore } from '../store.js';
import { type CommandResult, runAdminCommand } from './admin-commands.js';
import type { extractGlobalFlags } from './global-flags.js';

// The commands that open the store or serve; main.ts loads this module only for them, so that
// `almanac convert` starts without the database drivers.
const print = (result: CommandResult) => {
  for (const line of result.stdout) process.stdout.write(`${line}\n`);
  for (const line of result.stderr) process.stderr.write(`${line}\n`);
  return result.exitCode;
};

export async function serve(args: string[], flags: ReturnType<typeof extractGlobalFlags>['flags']): Promise<number> {
  const { values } = parseArgs({
    args, strict: true, allowPositionals: false,
    options: { host: { type: 'string' }, port: { type: 'string' }, 'base-path': { type: 'string' }, 'public-url': { type: 'string' } },
  });
  const config = loadConfig(process.env, { ...flags, ...values });
  const running = await startServer(config, jsonLogger());
  if (running.initialAdmin) {
    const { login, password, generated } = running.initialAdmin;
    process.stdout.write([
      '',
      'Almanac created the first administrator account:',
      `  login:    ${login}`,
      `  password: ${generated ? password : '(from ALMANAC_ADMIN_PASSWORD)'}`,
      generated ? 'The password is shown only this once; change it with: almanac user passwd admin --password <new>' : '',
      '',
    ].join('\n') + '\n');
  }
  const base = config.basePath === '/' ? '/' : `${config.basePath}/`;
  process.stdout.write(`Almanac is listening on ${running.url}${base} (store: ${running.services.store.location})\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`${signal}: finishing running requests, then stopping\n`);
      running.close().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}

export async function migrate(flags: ReturnType<typeof extractGlobalFlags>['flags']): Promise<number> {
  const config = loadConfig(process.env, flags);
  if (config.databaseUrl) {
    const { db, close } = await openDatabase({ kind: 'postgres', connectionString: config.databaseUrl });
    try {
      const { results = [] } = await migrateToLatest(db);
      process.stdout.write(results.length ? results.map((r) => `applied ${r.migrationName}\n`).join('') : 'the schema is up to date\n');
    } finally {
      await close();
    }
    return 0;
  }
  const store = await openStore(config, 'migrate');
  await store.close();
  process.stdout.write(`the store in ${store.location} is migrated to the latest schema\n`);
  return 0;
}

/** Runs an admin command on the store, or through the running server that holds it. */
export async function admin(argv: string[], flags: ReturnType<typeof extractGlobalFlags>['flags']): Promise<number> {
  const config = loadConfig(process.env, flags);
  let store;
  try {
    store = await openStore(config, argv[0]!);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    if (err.holder.role === 'serve' && err.holder.socket) {
      return print(await sendAdminCommand(err.holder.socket, argv));
    }
    process.stderr.write(`almanac: ${err.message}; wait for it to finish, then try again\n`);
    return 1;
  }
  try {
    return print(await runAdminCommand(argv, buildServices(store)));
  } finally {
    await store.close();
  }
}

