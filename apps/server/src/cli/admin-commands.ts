import { parseArgs } from 'node:util';
import {
  addGroup, addGroupMember, addUser, createAppToken, deleteUser, listAppTokens, requireUser, revokeAppToken, setGrant,
  setPassword,
} from '@almanac/accounts';
import {
  APPS, appTokenId, CUSTOM_FIELD_TYPES, type CustomFieldType, isApp, isDomainError, parseRights, parseTokenScopes, rightNames,
  tokenState, TOKEN_SCOPES, validateCustomFieldDefinition,
} from '@almanac/domain-kernel';
import type { Services } from '../services.js';
import { formatTable } from './table.js';

export interface CommandResult {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exitCode: number;
}

/** Bad command-line input: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export const ADMIN_USAGE = [
  'almanac user add <login> --password <pw> [--email <e>] [--name <full name>] [--admin]',
  'almanac user list',
  'almanac user passwd <login> --password <pw>',
  'almanac user delete <login>',
  'almanac group add <name>',
  'almanac group member add <group> <login>',
  `almanac grant <owner> <grantee> <${APPS.join('|')}> <rights…>   (read add edit delete private freebusy invite | all | none)`,
  `almanac token create <login|--all-users> [--apps ${TOKEN_SCOPES.join(',')}] [--expires <ISO date>] [--label <text>]`,
  'almanac token list',
  'almanac token revoke <id>',
  `almanac customfield add <${APPS.join('|')}> <name> --type <${CUSTOM_FIELD_TYPES.join('|')}> [--label L] [--values k=v,…] [--multiple]`,
  'almanac customfield list [app]',
  'almanac customfield delete <app> <name>',
  'almanac timesheet status add <label>',
  'almanac timesheet status list',
  'almanac timesheet status remove <label>',
];

/** `k=v,k2=v2` (or bare `v`, key = label) into select options, in order. */
function parseOptions(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of (text ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    out[eq < 0 ? item : item.slice(0, eq).trim()] = eq < 0 ? item : item.slice(eq + 1).trim();
  }
  return out;
}

type Handler = (args: string[], s: Services) => Promise<string[]>;

const options = <T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], spec: T, positionals: number) => {
  const parsed = parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(`expected ${positionals} argument${positionals === 1 ? '' : 's'}, got ${parsed.positionals.length}`);
  }
  return parsed;
};

const required = (value: string | undefined, flag: string): string => {
  if (value === undefined || value === '') throw new UsageError(`--${flag} is required`);
  return value;
};

const HANDLERS: Record<string, Handler> = {
  'user add': async (args, s) => {
    const { positionals: [login], values } = options(args, {
      password: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' },
    }, 1);
    const { user } = await addUser(s.admin, {
      login: login!, password: required(values.password, 'password'), email: values.email ?? null, fullName: values.name,
      isAdmin: values.admin ?? false,
    });
    return [`created user ${user.login} (id ${user.id}${user.isAdmin ? ', administrator' : ''})`];
  },
  'user list': async (args, s) => {
    options(args, {}, 0);
    const users = await s.store.repos.users.list();
    return formatTable(['login', 'name', 'email', 'admin'],
      users.map((u) => [u.login, u.fullName, u.email ?? '', u.isAdmin ? 'yes' : '']));
  },
  'user passwd': async (args, s) => {
    const { positionals: [login], values } = options(args, { password: { type: 'string' } }, 1);
    await setPassword(s.admin, login!, required(values.password, 'password'));
    return [`changed the password of ${login!.toLowerCase()}`];
  },
  'user delete': async (args, s) => {
    const { positionals: [login] } = options(args, {}, 1);
    await deleteUser(s.admin, login!);
    return [`deleted user ${login!.toLowerCase()} with all its data`];
  },
  'group add': async (args, s) => {
    const { positionals: [name] } = options(args, {}, 1);
    const group = await addGroup(s.admin, name!);
    return [`created group ${group.name} (id ${group.id})`];
  },
  'group member add': async (args, s) => {
    const { positionals: [group, login] } = options(args, {}, 2);
    await addGroupMember(s.admin, group!, login!);
    return [`added ${login!.toLowerCase()} to ${group!.toLowerCase()}`];
  },
  grant: async (args, s) => {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    const [owner, grantee, app, ...rights] = positionals;
    if (!owner || !grantee || !app || rights.length === 0) throw new UsageError('grant needs <owner> <grantee> <app> <rights…>');
    if (!isApp(app)) throw new UsageError(`unknown app '${app}' (known: ${APPS.join(', ')})`);
    const bits = parseRights(rights);
    await setGrant(s.admin, owner, grantee, app, bits);
    const names = rightNames(bits);
    return [`${owner.toLowerCase()} grants ${grantee.toLowerCase()} on ${app}: ${names.length ? names.join(', ') : 'nothing (grant removed)'}`];
  },
  'token create': async (args, s) => {
    const { positionals, values } = parseArgs({
      args, allowPositionals: true, strict: true,
      options: { 'all-users': { type: 'boolean' }, apps: { type: 'string' }, expires: { type: 'string' }, label: { type: 'string' } },
    });
    const allUsers = values['all-users'] ?? false;
    if (allUsers === (positionals.length === 1) || positionals.length > 1) throw new UsageError('token create needs either <login> or --all-users');
    const scopes = parseTokenScopes([values.apps ?? 'dav']);
    let expiresAt: Date | null = null;
    if (values.expires) {
      expiresAt = new Date(values.expires);
      if (Number.isNaN(expiresAt.getTime())) throw new UsageError(`--expires: not a date: '${values.expires}' (use ISO 8601, e.g. 2027-01-31)`);
    }
    const forUser = allUsers ? 'all-users' as const : await requireUser(s.store.repos, positionals[0]!);
    const { token, text } = await createAppToken({ tokens: s.store.repos.tokens, clock: s.clock }, {
      actor: 'operator', forUser, scopes, expiresAt, label: values.label,
    });
    return [
      `created token ${token.id} for ${allUsers ? 'all users' : (forUser as { login: string }).login}; apps: ${token.scopes.join(', ')}; `
        + `expires: ${token.expiresAt?.toISOString() ?? 'never'}`,
      'It is shown only this once:',
      text,
    ];
  },
  'token list': async (args, s) => {
    options(args, {}, 0);
    const tokens = await listAppTokens(s.store.repos);
    const now = s.clock.now();
    return formatTable(['id', 'login', 'apps', 'state', 'expires', 'last used', 'label'], tokens.map((t) => [
      String(t.id), t.login, t.scopes.join(','), tokenState(t, now), t.expiresAt?.toISOString() ?? 'never',
      t.lastUsedAt?.toISOString() ?? 'never', t.label,
    ]));
  },
  'customfield add': async (args, s) => {
    const { positionals: [app, name], values } = options(args, {
      type: { type: 'string' }, label: { type: 'string' }, values: { type: 'string' }, multiple: { type: 'boolean' },
    }, 2);
    if (!isApp(app!)) throw new UsageError(`unknown app '${app}' (known: ${APPS.join(', ')})`);
    const type = required(values.type, 'type');
    if (!(CUSTOM_FIELD_TYPES as readonly string[]).includes(type)) throw new UsageError(`unknown type '${type}' (known: ${CUSTOM_FIELD_TYPES.join(', ')})`);
    const def = validateCustomFieldDefinition({
      app, name: name!, type: type as CustomFieldType, label: values.label ?? name!, values: parseOptions(values.values), multiple: values.multiple ?? false,
    });
    await s.store.repos.customFields.create(def);
    return [`added custom field ${name} (${type}) to ${app}`];
  },
  'customfield list': async (args, s) => {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    const apps = positionals.length ? positionals : [...APPS];
    for (const app of apps) if (!isApp(app)) throw new UsageError(`unknown app '${app}'`);
    const rows = (await Promise.all(apps.map((app) => s.store.repos.customFields.list(app as never)))).flat();
    return formatTable(['app', 'name', 'type', 'label', 'options'], rows.map((d) => [
      d.app, d.name, d.type + (d.multiple ? ' (multiple)' : ''), d.label, Object.entries(d.values).map(([k, v]) => `${k}=${v}`).join(','),
    ]));
  },
  'customfield delete': async (args, s) => {
    const { positionals: [app, name] } = options(args, {}, 2);
    if (!isApp(app!)) throw new UsageError(`unknown app '${app}'`);
    await s.store.repos.customFields.delete(app, name!);
    return [`deleted custom field ${name} of ${app}`];
  },
  'timesheet status add': async (args, s) => {
    const { positionals: [label] } = options(args, {}, 1);
    if (!label!.trim()) throw new UsageError('a status label must not be empty');
    await s.store.timesheetStatuses.add(label!.trim());
    return [`timesheet status '${label!.trim()}' is available`];
  },
  'timesheet status list': async (args, s) => {
    options(args, {}, 0);
    return s.store.timesheetStatuses.list();
  },
  'timesheet status remove': async (args, s) => {
    const { positionals: [label] } = options(args, {}, 1);
    await s.store.timesheetStatuses.remove(label!);
    return [`removed timesheet status '${label}'`];
  },
  'token revoke': async (args, s) => {
    const { positionals: [id] } = options(args, {}, 1);
    if (!/^\d+$/.test(id!)) throw new UsageError(`not a token id: '${id}'`);
    await revokeAppToken({ tokens: s.store.repos.tokens, clock: s.clock }, appTokenId(Number(id)));
    return [`revoked token ${id}`];
  },
};

/** Which command words a handler has, e.g. ['group', 'member', 'add']. */
function findHandler(argv: readonly string[]): { name: string; rest: string[] } | undefined {
  for (const words of [3, 2, 1]) {
    const name = argv.slice(0, words).join(' ');
    if (HANDLERS[name]) return { name, rest: argv.slice(words) };
  }
  return undefined;
}

export const isAdminCommand = (argv: readonly string[]) => findHandler(argv) !== undefined;

/**
 * Runs one administrative command against the services. Never throws for bad input: domain errors
 * exit 1 with their message, usage errors exit 2 with the usage.
 */
export async function runAdminCommand(argv: readonly string[], services: Services): Promise<CommandResult> {
  const found = findHandler(argv);
  if (!found) return { stdout: [], stderr: [`unknown command: almanac ${argv.join(' ')}`, 'usage:', ...ADMIN_USAGE], exitCode: 2 };
  try {
    return { stdout: await HANDLERS[found.name]!(found.rest, services), stderr: [], exitCode: 0 };
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return { stdout: [], stderr: [`almanac ${found.name}: ${(err as Error).message}`, 'usage:', ...ADMIN_USAGE.filter((u) => u.startsWith(`almanac ${found.name.split(' ')[0]}`))], exitCode: 2 };
    }
    if (isDomainError(err)) return { stdout: [], stderr: [`almanac ${found.name}: ${err.message}`], exitCode: 1 };
    throw err;
  }
}
