// Reads the recurrence-relevant members of an Event or Task into numbers, once per expansion.
import { parsePatchKey } from '@almanac/codec-patchobject';
import { parseDuration, parseLocalDateTime, type NominalDuration } from './local-date-time.js';
import { mapRule, type MappedRule } from './rule-mapping.js';
import type { Issue, Parsed, PatchObject, RecurrenceOptions } from './types.js';
import { wallClock, type WallClock } from './zone.js';

/** How an instance's time span is derived and matched (RFC 4791 §9.9 differs per component). */
export type SpanKind = 'event' | 'task-span' | 'task-start' | 'task-due';

export interface Span {
  kind: SpanKind;
  duration: NominalDuration;
}

/** One entry of recurrenceOverrides, read. */
export interface OverrideEntry {
  key: string;
  keyWall: number;
  patch: PatchObject;
  excluded: boolean;
  startWall: number;
  clock: WallClock;
  span: Span;
}

export interface Subject {
  startWall: number;
  clock: WallClock;
  span: Span;
  rules: (MappedRule | 'empty')[];
  excludedRules: (MappedRule | 'empty')[];
  overrides: Map<number, OverrideEntry>;
}

const ZERO: NominalDuration = { days: 0, ms: 0 };

/** Reads `object`; errors when it has no usable start (nor `due`, for a Task). */
export function readSubject(object: unknown, options: RecurrenceOptions): Parsed<Subject> {
  const warnings: Issue[] = [];
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    return { ok: false, errors: [{ code: 'recurrence/not-an-object', path: '', message: 'expected a JSCalendar Event or Task object' }] };
  }
  const o = object as Record<string, unknown>;
  const floatingName = options.floatingZone ?? 'UTC';
  const floating = wallClock(floatingName);
  if (floating === undefined) {
    return { ok: false, errors: [{ code: 'recurrence/unknown-time-zone', message: `floatingZone "${floatingName}" is not an IANA time zone` }] };
  }
  const isTask = o['@type'] === 'Task' || (o['@type'] === undefined && (o.due !== undefined || o.estimatedDuration !== undefined));

  const clock = clockOf(o.timeZone, floating, '/timeZone', warnings);
  const start = readWall(o.start, '/start', warnings);
  const due = isTask ? readWall(o.due, '/due', warnings) : undefined;
  const anchor = start ?? due;
  if (anchor === undefined) {
    return { ok: false, errors: [{ code: 'recurrence/no-start', path: '/start', message: isTask ? 'a Task needs start or due to recur' : 'the object has no valid start' }] };
  }
  const span = isTask
    ? taskSpan(start, due, readDuration(o.estimatedDuration, '/estimatedDuration', warnings))
    : { kind: 'event' as const, duration: readDuration(o.duration, '/duration', warnings) ?? ZERO };

  const rules: (MappedRule | 'empty')[] = [];
  const addRules = (value: unknown, path: string, into: (MappedRule | 'empty')[]) => {
    if (value === undefined || value === null) return;
    const list = Array.isArray(value) ? value : [value];
    list.forEach((rule, i) => {
      const mapped = mapRule(rule, Array.isArray(value) ? `${path}/${i}` : path, warnings);
      if (mapped !== undefined) into.push(mapped);
    });
  };
  addRules(o.recurrenceRules, '/recurrenceRules', rules);
  // JSCalendar 2.0 (draft-ietf-calext-jscalendarbis) has one rule, `recurrenceRule`.
  addRules(o.recurrenceRule, '/recurrenceRule', rules);
  const excludedRules: (MappedRule | 'empty')[] = [];
  addRules(o.excludedRecurrenceRules, '/excludedRecurrenceRules', excludedRules);

  const overrides = new Map<number, OverrideEntry>();
  const rawOverrides = o.recurrenceOverrides;
  if (typeof rawOverrides === 'object' && rawOverrides !== null && !Array.isArray(rawOverrides)) {
    for (const [key, patch] of Object.entries(rawOverrides as Record<string, unknown>)) {
      const path = `/recurrenceOverrides/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      const keyWall = parseLocalDateTime(key);
      if (keyWall === undefined || typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        warnings.push({ code: 'recurrence/invalid-override', path, message: keyWall === undefined ? 'the key is not a LocalDateTime; ignored' : 'the value is not a PatchObject; ignored' });
        continue;
      }
      overrides.set(keyWall, readOverride(key, keyWall, patch as PatchObject, { clock, floating, span, isTask, start, due }, path, warnings));
    }
  } else if (rawOverrides !== undefined && rawOverrides !== null) {
    warnings.push({ code: 'recurrence/invalid-override', path: '/recurrenceOverrides', message: 'recurrenceOverrides must be an object; ignored' });
  }

  return { ok: true, value: { startWall: anchor, clock, span, rules, excludedRules, overrides }, warnings };
}

/**
 * Task spans (RFC 4791 §9.9 VTODO rows): start and due span [start, due); start and
 * estimatedDuration span that long; start alone is a point; due alone is matched at due.
 */
function taskSpan(start: number | undefined, due: number | undefined, estimated: NominalDuration | undefined): Span {
  if (start !== undefined && due !== undefined && due >= start) return { kind: 'task-span', duration: wallDifference(due - start) };
  if (start !== undefined && estimated !== undefined) return { kind: 'task-span', duration: estimated };
  if (start !== undefined) return { kind: 'task-start', duration: ZERO };
  return { kind: 'task-due', duration: ZERO };
}

/** A wall-clock difference as a duration: whole days nominal, the rest exact. */
function wallDifference(ms: number): NominalDuration {
  const days = Math.floor(ms / 86_400_000);
  return { days, ms: ms - days * 86_400_000 };
}

interface OverrideContext {
  clock: WallClock;
  floating: WallClock;
  span: Span;
  isTask: boolean;
  start: number | undefined;
  due: number | undefined;
}

/** RFC 8984 §4.3.5: an override patches the master; only its timing members matter here. */
function readOverride(key: string, keyWall: number, patch: PatchObject, ctx: OverrideContext, path: string, warnings: Issue[]): OverrideEntry {
  const top = new Map<string, unknown>();
  for (const [k, v] of Object.entries(patch)) {
    const segments = parsePatchKey(k).segments;
    if (segments.length === 1) top.set(segments[0]!, v);
  }
  const excluded = top.get('excluded') === true;
  let clock = ctx.clock;
  if (top.has('timeZone')) clock = clockOf(top.get('timeZone'), ctx.floating, `${path}/timeZone`, warnings);
  let startWall = keyWall;
  const patchedStart = top.has('start') ? readWall(top.get('start'), `${path}/start`, warnings) : undefined;
  if (patchedStart !== undefined) startWall = patchedStart;

  let span = ctx.span;
  if (!ctx.isTask) {
    if (top.has('duration')) span = { kind: 'event', duration: readDuration(top.get('duration'), `${path}/duration`, warnings) ?? ZERO };
  } else if (top.has('due') || top.has('estimatedDuration') || top.has('start')) {
    // The instance's own start/due: unpatched members move with the instance.
    const shift = keyWall - (ctx.start ?? ctx.due ?? keyWall);
    const start = top.has('start') ? patchedStart : ctx.start === undefined ? undefined : ctx.start + shift;
    const due = top.has('due') ? readWall(top.get('due'), `${path}/due`, warnings) : ctx.due === undefined ? undefined : ctx.due + shift;
    const estimated = top.has('estimatedDuration') ? readDuration(top.get('estimatedDuration'), `${path}/estimatedDuration`, warnings) : undefined;
    span = top.has('estimatedDuration') || top.has('due') ? taskSpan(start, due, estimated) : ctx.span;
    if (start === undefined && due !== undefined) startWall = due;
  }
  return { key, keyWall, patch, excluded, startWall, clock, span };
}

function clockOf(zone: unknown, floating: WallClock, path: string, warnings: Issue[]): WallClock {
  if (zone === undefined || zone === null) return floating;
  const clock = typeof zone === 'string' ? wallClock(zone) : undefined;
  if (clock !== undefined) return clock;
  warnings.push({ code: 'recurrence/unknown-time-zone', path, message: `${JSON.stringify(zone)} is not an IANA time zone; read as floating time` });
  return floating;
}

function readWall(value: unknown, path: string, warnings: Issue[]): number | undefined {
  if (value === undefined) return undefined;
  const wall = parseLocalDateTime(value);
  if (wall === undefined) warnings.push({ code: 'recurrence/invalid-date-time', path, message: `${JSON.stringify(value)} is not a LocalDateTime` });
  return wall;
}

function readDuration(value: unknown, path: string, warnings: Issue[]): NominalDuration | undefined {
  if (value === undefined) return undefined;
  const d = parseDuration(value);
  if (d === undefined) warnings.push({ code: 'recurrence/invalid-duration', path, message: `${JSON.stringify(value)} is not a Duration; zero used` });
  return d;
}
