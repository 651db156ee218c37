import type { RecurringObject, WallClock } from '@almanac/codec-jscalendar/recurrence';
import type { StoredResource } from '@almanac/domain-kernel';
import type { DavRenderContext } from '../../dav/dav-app.js';
import { budgetOf, CalendarObjectView } from './instances.js';
import { parseVCalendar } from './jcal.js';
import { timeContextOf } from './times.js';

/** A REPORT reads each resource for its filter and then for its calendar-data: the last few are kept. */
const KEPT = 16;

function lru<V>(ctx: DavRenderContext, name: string): Map<string, V> {
  let map = ctx.cache.get(name) as Map<string, V> | undefined;
  if (!map) ctx.cache.set(name, (map = new Map()));
  return map;
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > KEPT) map.delete(map.keys().next().value!);
  return value;
}

/**
 * The text of a resource as GET shows it, made once per request and resource version (a REPORT
 * asks for it for the filter, `getcontentlength` and `calendar-data`).
 */
export async function textOnce(r: StoredResource, ctx: DavRenderContext, make: () => string | Promise<string>): Promise<string> {
  if (r.rawText !== null) return r.rawText;
  const texts = lru<string>(ctx, 'caldav:texts');
  const key = `${r.id}:${r.revision}:${ctx.actor.userId}`;
  return texts.get(key) ?? remember(texts, key, await make());
}

/**
 * The parsed view of a resource for filters and partial retrieval, made once per request,
 * resource version and floating zone. Undefined when its text holds no VCALENDAR (a resource
 * stored by other means that cannot be read as iCalendar).
 */
export function viewOnce(
  r: StoredResource, ctx: DavRenderContext, text: string, entry: RecurringObject & Record<string, unknown>, type: string, floating?: WallClock,
): CalendarObjectView | undefined {
  const views = lru<CalendarObjectView | undefined>(ctx, 'caldav:views');
  const key = `${r.id}:${r.revision}:${ctx.actor.userId}:${floating?.name ?? ''}`;
  if (views.has(key)) return views.get(key);
  const vcalendar = parseVCalendar(text);
  const view = vcalendar && new CalendarObjectView(vcalendar, entry, type, timeContextOf(vcalendar, floating), budgetOf(ctx.cache));
  return remember(views, key, view);
}
