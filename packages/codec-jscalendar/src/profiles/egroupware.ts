import type { Issue } from '../issues.js';
import { isObject, setKey, type JsonObject } from '../json-util.js';
import { nestedToPatch, patchToNested } from './overrides.js';

/** The JSON shape of a request or response (DECISIONS.md "JSON shapes: two profiles"). */
export type JSCalendarProfile = 'rfc' | 'egroupware';

const DAYS = /^(mo|tu|we|th|fr|sa|su)(,(mo|tu|we|th|fr|sa|su))*$/;

/**
 * `egroupware` → `rfc` (egroupware-behaviour.md §5.3, §5.4, §5.6): sequence
 * string → number; `byDay` as one NDay with comma-joined days → NDay list;
 * categories (names) → keywords; Relation `relation` string → set;
 * progress `in-progress` → `in-process`; Task `status` derived from progress
 * dropped; nested override objects → PatchObjects (`{start}` for an extra
 * date → `{}`); participants with `email` get `sendTo`, the owner gives
 * `replyTo`. RFC-shaped input passes through unchanged. Pure.
 */
export function egroupwareToRfc(input: JsonObject, issues: Issue[] = []): JsonObject {
  const out = structuredClone(input);
  if (out['@type'] === 'Group' && Array.isArray(out.entries)) {
    out.entries = out.entries.map((e) => (isObject(e) ? entryToRfc(e, issues) : e));
    if (isObject(out.categories) && !isObject(out.keywords)) moveCategories(out);
    return out;
  }
  return entryToRfc(out, issues);
}

function moveCategories(e: JsonObject): void {
  // EGroupware categories are names; RFC 8984 §4.2.10 categories are URIs.
  const cats = e.categories as JsonObject;
  const names = Object.keys(cats).filter((k) => !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(k));
  if (names.length === 0) return;
  const keywords = isObject(e.keywords) ? e.keywords : {};
  for (const n of names) {
    setKey(keywords, n, true);
    delete cats[n];
  }
  e.keywords = keywords;
  if (Object.keys(cats).length === 0) delete e.categories;
}

function entryToRfc(e: JsonObject, issues: Issue[], inOverride = false): JsonObject {
  if (typeof e.sequence === 'string' && /^\d+$/.test(e.sequence)) e.sequence = Number(e.sequence);
  if (isObject(e.categories)) moveCategories(e);
  else if (inOverride && e.categories === null) {
    delete e.categories; // removing the (name) categories removes the keywords
    e.keywords = null;
  }
  for (const key of ['recurrenceRules', 'excludedRecurrenceRules']) {
    if (!Array.isArray(e[key])) continue;
    for (const r of e[key] as unknown[]) {
      if (isObject(r) && isObject(r.byDay) && typeof r.byDay.day === 'string' && DAYS.test(r.byDay.day)) {
        const nth = r.byDay.nthOfPeriod;
        r.byDay = r.byDay.day.split(',').map((day) => (nth === undefined ? { '@type': 'NDay', day } : { '@type': 'NDay', day, nthOfPeriod: nth }));
      }
    }
  }
  if (isObject(e.relatedTo)) {
    for (const rel of Object.values(e.relatedTo)) {
      if (isObject(rel) && typeof rel.relation === 'string') rel.relation = { [rel.relation]: true };
    }
  }
  if (e['@type'] === 'Task') {
    if (e.progress === 'in-progress') e.progress = 'in-process';
    if (typeof e.status === 'string' && e.status === derivedTaskStatus(e.progress)) delete e.status;
  }
  participantsToRfc(e, inOverride);
  if (isObject(e.recurrenceOverrides)) {
    const main: JsonObject = { ...e };
    delete main.recurrenceOverrides;
    for (const [key, o] of Object.entries(e.recurrenceOverrides)) {
      if (!isObject(o)) continue;
      const keys = Object.keys(o);
      if (keys.length === 1 && o.start === key) {
        e.recurrenceOverrides[key] = {}; // an extra date (RDATE)
        continue;
      }
      if (keys.some((k) => k.includes('/'))) continue; // already a PatchObject
      const converted = entryToRfc(structuredClone(o), issues, true);
      delete converted['@type'];
      e.recurrenceOverrides[key] = nestedToPatch(converted, main);
    }
  }
  return e;
}

function participantsToRfc(e: JsonObject, inOverride: boolean): void {
  if (!isObject(e.participants)) return;
  for (const p of Object.values(e.participants)) {
    if (!isObject(p) || typeof p.email !== 'string' || p.email === '') continue;
    if (p.sendTo === undefined) p.sendTo = { imip: `mailto:${p.email}` };
    if (!inOverride && isObject(p.roles) && p.roles.owner === true && e.replyTo === undefined) e.replyTo = { imip: `mailto:${p.email}` };
  }
}

/** egroupware-behaviour.md §5.4: a Task's status follows its progress. */
function derivedTaskStatus(progress: unknown): string {
  return progress === 'cancelled' ? 'cancelled' : progress === 'egroupware.org:offer' ? 'tentative' : 'confirmed';
}

/**
 * `rfc` → `egroupware`: the inverse of {@link egroupwareToRfc}, plus the
 * profile's value sets: priorities quantised to the levels EGroupware stores
 * (events 1/5/9, tasks 1/3/5/9), a Task `status`, `sendTo`/`replyTo` left out
 * when they only restate the email. Alert offsets keep the RFC 8984 sign.
 * Pure.
 */
export function rfcToEgroupware(input: JsonObject): JsonObject {
  const out = structuredClone(input);
  if (out['@type'] === 'Group' && Array.isArray(out.entries)) {
    out.entries = out.entries.map((e) => (isObject(e) ? entryToEgroupware(e) : e));
    return out;
  }
  return entryToEgroupware(out);
}

function entryToEgroupware(e: JsonObject, inOverride = false): JsonObject {
  const isTask = e['@type'] === 'Task' || e['@type'] === undefined && 'due' in e;
  if (typeof e.sequence === 'number') e.sequence = String(e.sequence);
  if (isObject(e.keywords)) {
    e.categories = { ...(isObject(e.categories) ? e.categories : {}), ...e.keywords };
    delete e.keywords;
  } else if (inOverride && e.keywords === null) {
    delete e.keywords;
    e.categories = null;
  }
  for (const key of ['recurrenceRules', 'excludedRecurrenceRules']) {
    if (!Array.isArray(e[key])) continue;
    for (const r of e[key] as unknown[]) {
      if (!isObject(r) || !Array.isArray(r.byDay) || r.byDay.length === 0) continue;
      const days = r.byDay.filter(isObject);
      const nth = days[0]?.nthOfPeriod;
      if (days.length === r.byDay.length && days.every((d) => d.nthOfPeriod === nth && typeof d.day === 'string')) {
        r.byDay = nth === undefined ? { '@type': 'NDay', day: days.map((d) => d.day).join(',') } : { '@type': 'NDay', day: days.map((d) => d.day).join(','), nthOfPeriod: nth };
      }
    }
  }
  if (isObject(e.relatedTo)) {
    for (const rel of Object.values(e.relatedTo)) {
      if (isObject(rel) && isObject(rel.relation) && Object.keys(rel.relation).length === 1) rel.relation = Object.keys(rel.relation)[0];
    }
  }
  if (typeof e.priority === 'number') e.priority = quantisePriority(e.priority, isTask);
  if (isTask) {
    if (e.progress === 'in-process') e.progress = 'in-progress';
    if (e.status === undefined && !inOverride) e.status = derivedTaskStatus(e.progress);
  }
  if (isObject(e.participants)) {
    let owner: string | undefined;
    for (const p of Object.values(e.participants)) {
      if (!isObject(p)) continue;
      const imip = isObject(p.sendTo) && typeof p.sendTo.imip === 'string' ? p.sendTo.imip : undefined;
      if (p.email === undefined && imip?.toLowerCase().startsWith('mailto:')) p.email = imip.slice(7);
      if (isObject(p.sendTo) && Object.keys(p.sendTo).length === 1 && imip !== undefined && imip.toLowerCase() === `mailto:${String(p.email).toLowerCase()}`) delete p.sendTo;
      if (isObject(p.roles) && p.roles.owner === true && typeof p.email === 'string') owner = p.email;
    }
    const reply = isObject(e.replyTo) ? e.replyTo : undefined;
    if (reply && Object.keys(reply).length === 1 && typeof reply.imip === 'string' && owner !== undefined && reply.imip.toLowerCase() === `mailto:${owner.toLowerCase()}`) delete e.replyTo;
  }
  if (isObject(e.recurrenceOverrides)) {
    for (const [key, o] of Object.entries(e.recurrenceOverrides)) {
      if (!isObject(o)) continue;
      if (Object.keys(o).length === 0) {
        e.recurrenceOverrides[key] = { start: key };
        continue;
      }
      const nested = patchToNested(o);
      if (isTask) nested['@type'] = 'Task';
      const converted = entryToEgroupware(nested, true);
      delete converted['@type'];
      e.recurrenceOverrides[key] = converted;
    }
  }
  return e;
}

/**
 * The priority levels EGroupware stores (§5.3, §5.4): events 0 (undefined),
 * 1 high, 5 normal, 9 low (RFC 5545 §3.8.1.9 bands); tasks 1 urgent, 3 high,
 * 5 normal (also for 0), 9 low.
 */
export function quantisePriority(p: number, isTask: boolean): number {
  if (isTask) return p === 1 ? 1 : p >= 2 && p <= 3 ? 3 : p >= 7 ? 9 : 5;
  return p === 0 ? 0 : p <= 4 ? 1 : p === 5 ? 5 : 9;
}
