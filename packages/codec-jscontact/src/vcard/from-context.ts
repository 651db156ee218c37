import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import type { Issue, JCardProp, JsonObject } from '../types.js';
import type { IdAllocator } from './ids.js';
import type { ObjectSpec, ParamMember } from './object-specs.js';
import { GENERATED_GROUP } from './to-context.js';
import { own } from '../table.js';

/** A JSContact object made from a vCard property, remembered for later cross-property rules. */
export interface Converted {
  /** Lowercase vCard property name. */
  name: string;
  /** Path of the containing map in the Card (`['emails']`) and the entry's key. */
  at: readonly string[];
  id: string;
  obj: JsonObject;
  /** Whether the object can carry a `label` (X-ABLabel, RFC 9555 §2.11.x). */
  labelled: boolean;
}

/**
 * State of one vCard → JSContact conversion. Property converters write into `card`; what they
 * do not convert goes to `vCardProps` (RFC 9555 §2.15.1).
 */
export interface FromContext {
  card: JsonObject;
  ids: IdAllocator;
  warnings: Issue[];
  vCardProps: JCardProp[];
  /** Converted objects by vCard group name, for X-ABLabel and ORG/TITLE links. */
  byGroup: Map<string, Converted[]>;
  /** Set when converting a localized alternate: the key of the main entry to reuse. */
  forcedId: string | undefined;
  /** Anniversary entries already created, by kind, for BDAY + BIRTHPLACE pairs. */
  anniversaries: Map<string, { id: string; obj: JsonObject; propId: string | undefined }>;
  /** Path of the map entry (or object) the last converted property went to (when `trackTargets`). */
  lastTarget: string[] | undefined;
  /** Whether to record `lastTarget` (only ALTID alternates need it). */
  trackTargets: boolean;
}

/** The object at `path` in `root`, created (as `{}`) along the way. */
export function objectAt(root: JsonObject, path: readonly string[]): JsonObject {
  if (path.length === 1) {
    const found = root[path[0]!];
    if (found !== null && typeof found === 'object' && !Array.isArray(found)) return found as JsonObject;
  }
  let node = root;
  for (const key of path) {
    let next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = next = {};
    node = next as JsonObject;
  }
  return node;
}

/** Sets a member by path (`['author', 'name']`), creating intermediate objects. */
export function setMember(obj: JsonObject, path: readonly string[], value: unknown): void {
  objectAt(obj, path.slice(0, -1))[path[path.length - 1]!] = value;
}

/** Reads a member by path; `undefined` when absent. */
export function getMember(obj: JsonObject, path: readonly string[]): unknown {
  let node: unknown = obj;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as JsonObject)[key];
  }
  return node;
}

/** A parameter's values as a list (`TYPE=a,b` and `TYPE=a;TYPE=b` alike). */
export function paramList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** RFC 6350 §5.3 PREF: an integer 1–100, as written (no leading zero) so it writes back the same. */
export function parsePref(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string' || !/^[1-9]\d?$|^100$/.test(value)) return undefined;
  return Number(value);
}

/**
 * Parameters the conversion handles itself: PROP-ID is the map key; ALTID only links localized
 * alternates (its value is not kept: converting back numbers the links anew).
 */
const STRUCTURAL: ReadonlySet<string> = new Set(['prop-id', 'altid']);

/**
 * Converts the parameters of `prop` into members of `obj` as `spec` says: PREF, TYPE (contexts
 * and property-specific sets), and the spec's own parameters. A parameter converts only when
 * writing the member back gives the same text, so nothing is lost; every other parameter (and the
 * group) is returned, to become the object's `vCardParams`.
 */
export function readParams(
  params: JCardParams,
  spec: Pick<ObjectSpec, 'contextual' | 'typeSet' | 'params'>,
  obj: JsonObject,
  extraTypes?: Readonly<Record<string, string>>,
): JCardParams {
  const leftover: JCardParams = {};
  for (const key of Object.keys(params)) {
    const value = params[key]!;
    if (STRUCTURAL.has(key)) continue;
    if (key === 'group' && typeof value === 'string' && GENERATED_GROUP.test(value)) continue;
    if (key === 'pref' && spec.contextual) {
      const pref = parsePref(value);
      if (pref !== undefined && obj['pref'] === undefined) {
        obj['pref'] = pref;
        continue;
      }
    } else if (key === 'type') {
      const rest = readTypes(value, spec, obj, extraTypes);
      if (rest.length > 0) leftover['type'] = rest.length === 1 ? rest[0]! : rest;
      continue;
    } else if (typeof value === 'string' && own(spec.params, key)) {
      if (readParamMember(own(spec.params, key)!, value, obj)) continue;
    }
    leftover[key] = value;
  }
  return leftover;
}

function readParamMember(pm: ParamMember, value: string, obj: JsonObject): boolean {
  if (getMember(obj, pm.member) !== undefined) return false;
  const member = pm.read(value);
  if (member === undefined || pm.write(member) !== value) return false;
  setMember(obj, pm.member, member);
  return true;
}

/**
 * RFC 9555 §2.3.18 TYPE: `home` → context `private`, `work` → `work` (for contextual objects);
 * `pref` (vCard 3.0 spelling, seen in 4.0 too) → `pref: 1`; property-specific values to their
 * member set. Returns the values that did not convert, in their original spelling.
 */
function readTypes(
  types: string | string[],
  spec: Pick<ObjectSpec, 'contextual' | 'typeSet'>,
  obj: JsonObject,
  extraTypes: Readonly<Record<string, string>> | undefined,
): string[] {
  const rest: string[] = [];
  if (typeof types === 'string') readType(types, spec, obj, extraTypes, rest);
  else for (const t of types) readType(t, spec, obj, extraTypes, rest);
  return rest;
}

function readType(
  t: string,
  spec: Pick<ObjectSpec, 'contextual' | 'typeSet'>,
  obj: JsonObject,
  extraTypes: Readonly<Record<string, string>> | undefined,
  rest: string[],
): void {
  const lower = t.toLowerCase();
  if (spec.contextual && (lower === 'home' || lower === 'work')) {
    addToSet(obj, 'contexts', lower === 'home' ? 'private' : 'work', t, rest);
  } else if (spec.contextual && own(extraTypes, lower)) {
    addToSet(obj, 'contexts', own(extraTypes, lower)!, t, rest);
  } else if (spec.contextual && lower === 'pref' && obj['pref'] === undefined) {
    obj['pref'] = 1;
  } else if (spec.typeSet && own(spec.typeSet.values, lower)) {
    addToSet(obj, spec.typeSet.member, own(spec.typeSet.values, lower)!, t, rest);
  } else {
    rest.push(t);
  }
}

/** Sets `obj[member][key]`; a value said twice (TYPE=work,work) keeps its second spelling in `rest`. */
function addToSet(obj: JsonObject, member: string, key: string, t: string, rest: string[]): void {
  let set = obj[member] as Record<string, boolean> | undefined;
  if (set === null || typeof set !== 'object' || Array.isArray(set)) obj[member] = set = {};
  if (Object.hasOwn(set, key)) rest.push(t);
  else set[key] = true;
}

/** Adds the leftover parameters to `obj` as RFC 9555 `vCardParams` when there are any. */
export function attachVCardParams(obj: JsonObject, leftover: JCardParams): void {
  if (Object.keys(leftover).length > 0) obj['vCardParams'] = leftover;
}

/** Keeps a property that does not convert (RFC 9555 §2.15.1). */
export function keepProperty(ctx: FromContext, prop: JCardProperty): void {
  // Several rules may keep the same property (a duplicated single that is also an alternate).
  if (ctx.vCardProps.includes(prop as unknown as JCardProp)) return;
  ctx.vCardProps.push(prop as unknown as JCardProp);
}

/** Remembers a converted object under its vCard group. */
export function registerGroup(ctx: FromContext, group: string | string[] | undefined, entry: Converted): void {
  if (typeof group !== 'string') return;
  let list = ctx.byGroup.get(group);
  if (!list) ctx.byGroup.set(group, (list = []));
  list.push(entry);
}

/** Puts `obj` at `card[at…][id]`, taking the key from PROP-ID or the allocator. */
export function placeObject(ctx: FromContext, at: readonly string[], propId: string | string[] | undefined, obj: JsonObject): string {
  const collection = at[at.length - 1]!;
  const { id, explicit } =
    ctx.forcedId !== undefined ? { id: ctx.forcedId, explicit: true } : ctx.ids.take(collection, typeof propId === 'string' ? propId : undefined);
  if (!explicit && propId !== undefined) {
    // A PROP-ID that is not a valid Id or repeats one: keep it so it is written back as it came.
    obj['vCardParams'] = { ...(obj['vCardParams'] as JCardParams | undefined), 'prop-id': propId };
  }
  objectAt(ctx.card, at)[id] = obj;
  if (ctx.trackTargets) ctx.lastTarget = [...at, id];
  return id;
}
