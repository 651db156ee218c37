import type { Relation } from '@almanac/codec-jscalendar';
import { APPS, type App, type ValidationIssue } from '@almanac/domain-kernel';
import { isObject, pointerSegment, setMembers } from '../model/json.js';
import { PRIMARY_RELATION, type TaskData } from '../model/task.js';
import { storedUid } from '../model/uid.js';
import type { LinkTarget, PrimaryLinkRef, TaskLookups } from '../ports/task-lookups.js';

const ENTRY_KEY = new RegExp(`^(${APPS.join('|')}):(\\d{1,9})$`);
const CONTACT_FIELD_KEY = /^addressbook:(.+):(id|email|egroupware\.org:customfields\/.+)$/;
// Deep enough for any real hierarchy, short enough to stop on a cycle stored before this check.
const MAX_ANCESTORS = 64;

/**
 * What a primary-link key of `relatedTo` names (behaviour §5.4): `<app>:<id>`, or
 * `addressbook:<value>:<field>` with field `id`, `email` or `egroupware.org:customfields/<name>`.
 * Undefined when the key has neither form.
 */
export function parsePrimaryKey(key: string): PrimaryLinkRef | undefined {
  const entry = ENTRY_KEY.exec(key);
  if (entry) return { app: entry[1] as App, id: Number(entry[2]) };
  const byField = CONTACT_FIELD_KEY.exec(key);
  if (!byField) return undefined;
  const [, value = '', field = ''] = byField;
  if (field === 'id') return /^\d{1,9}$/.test(value) ? { app: 'addressbook', id: Number(value) } : undefined;
  return { app: 'addressbook', field, value };
}

const relationsOf = (r: unknown): string[] => (isObject(r) ? setMembers(r.relation) : []);

/** The UID of a task's parent, if it has one. */
export function parentUidOf(data: Pick<TaskData, 'relatedTo'>): string | undefined {
  return Object.entries(data.relatedTo ?? {}).find(([, r]) => relationsOf(r).includes('parent'))?.[0];
}

/** The entry a task's primary link points at, if it has one. */
export function primaryLinkOf(data: Pick<TaskData, 'relatedTo'>): LinkTarget | undefined {
  for (const [key, r] of Object.entries(data.relatedTo ?? {})) {
    if (!relationsOf(r).includes(PRIMARY_RELATION)) continue;
    const ref = parsePrimaryKey(key);
    if (ref && 'id' in ref) return ref;
  }
  return undefined;
}

/** `relatedTo` with the primary link set to `target` (or removed for undefined). Pure. */
export function withPrimaryLink(data: TaskData, target: LinkTarget | undefined): TaskData {
  const relatedTo: Record<string, Relation> = {};
  for (const [key, r] of Object.entries(data.relatedTo ?? {})) if (!relationsOf(r).includes(PRIMARY_RELATION)) relatedTo[key] = r;
  if (target) relatedTo[`${target.app}:${target.id}`] = { '@type': 'Relation', relation: { [PRIMARY_RELATION]: true } };
  const { relatedTo: _old, ...rest } = data;
  return (Object.keys(relatedTo).length ? { ...rest, relatedTo } : rest) as TaskData;
}

/**
 * Reads `relatedTo` (behaviour §5.4): at most one parent, which must be a task the writer may
 * read and not the task itself or one of its descendants; at most one primary link, whose target
 * must exist and be readable (a contact found by a field must be the only match). Other
 * relations are kept as given. Unchanged parent and primary link are not looked up again, so a
 * PATCH elsewhere never fails because a related entry went away. Problems go to `issues`.
 */
export async function readRelatedTo(
  input: unknown, ownUid: string, previous: TaskData | undefined, lookups: TaskLookups, issues: ValidationIssue[],
): Promise<Record<string, Relation> | undefined> {
  if (input === undefined) return undefined;
  if (!isObject(input)) {
    issues.push({ path: '/relatedTo', message: 'must be an object of Relations keyed by UID' });
    return undefined;
  }
  const out: Record<string, Relation> = {};
  let parent: string | undefined;
  let primary: string | undefined;
  for (const [key, relation] of Object.entries(input)) {
    const path = `/relatedTo/${pointerSegment(key)}`;
    if (!isObject(relation)) {
      issues.push({ path, message: 'must be a Relation object' });
      continue;
    }
    const kinds = relationsOf(relation);
    if (kinds.includes('parent')) {
      if (parent !== undefined) issues.push({ path, message: 'a task has only one parent' });
      else if ((parent = await checkParent(storedUid(key), ownUid, previous, lookups, path, issues))) {
        out[parent] = { ...relation, '@type': 'Relation' } as Relation;
      }
    } else if (kinds.includes(PRIMARY_RELATION)) {
      if (primary !== undefined) issues.push({ path, message: 'a task has only one primary link' });
      else if ((primary = await checkPrimary(key, previous, lookups, path, issues))) {
        out[primary] = { '@type': 'Relation', relation: { [PRIMARY_RELATION]: true } };
      }
    } else {
      out[key] = relation as Relation;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

async function checkParent(uid: string, ownUid: string, previous: TaskData | undefined, lookups: TaskLookups, path: string, issues: ValidationIssue[]) {
  if (uid === ownUid) {
    issues.push({ path, message: 'a task cannot be its own parent' });
    return undefined;
  }
  if (previous && parentUidOf(previous) === uid) return uid;
  let found = await lookups.taskByUid(uid);
  if (!found) {
    issues.push({ path, message: `there is no task with UID '${uid}'` });
    return undefined;
  }
  for (let depth = 0; found?.parentUid && depth < MAX_ANCESTORS; depth++) {
    if (found.parentUid === ownUid) {
      issues.push({ path, message: 'the parent is a descendant of this task' });
      return undefined;
    }
    found = await lookups.taskByUid(found.parentUid);
  }
  return uid;
}

async function checkPrimary(key: string, previous: TaskData | undefined, lookups: TaskLookups, path: string, issues: ValidationIssue[]) {
  const ref = parsePrimaryKey(key);
  if (!ref) {
    issues.push({ path, message: 'a primary link is "<app>:<id>" or "addressbook:<value>:<id|email|egroupware.org:customfields/<name>>"' });
    return undefined;
  }
  const kept = previous && primaryLinkOf(previous);
  if (kept && 'id' in ref && kept.app === ref.app && kept.id === ref.id) return key;
  const target = await lookups.linkTarget(ref);
  if ('problem' in target) {
    issues.push({ path, message: target.problem });
    return undefined;
  }
  return `${target.app}:${target.id}`;
}
