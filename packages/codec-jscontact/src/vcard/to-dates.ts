import type { JCardParams, JCardProperty } from '@almanac/codec-vcard';
import { formatAnniversaryDate } from './from-dates.js';
import { addJsprop, isObject, keepEmpty, pathOf, vcardParamsOf, vcardParamsValid, type ToContext } from './to-context.js';
import { table } from '../table.js';

const DATE_PROPERTY: Readonly<Record<string, string>> = table<string>({ birth: 'bday', wedding: 'anniversary', death: 'deathdate' });
const PLACE_PROPERTY: Readonly<Record<string, string>> = table<string>({ birth: 'birthplace', death: 'deathplace' });

/**
 * Anniversaries (RFC 9555 §2.4.1, reversed): birth → BDAY (+ BIRTHPLACE), death → DEATHDATE
 * (+ DEATHPLACE), wedding → ANNIVERSARY; date and place share the PROP-ID. Other kinds, dates
 * vCard cannot write and unknown members go to JSPROP.
 */
export function writeAnniversaries(ctx: ToContext, anniversaries: unknown): void {
  if (anniversaries === undefined) return;
  if (keepEmpty(ctx, ['anniversaries'], anniversaries)) return;
  if (!isObject(anniversaries)) {
    addJsprop(ctx, ['anniversaries'], anniversaries);
    return;
  }
  for (const id of Object.keys(anniversaries)) {
    const path = ['anniversaries', id];
    const a = anniversaries[id];
    const name = isObject(a) ? DATE_PROPERTY[String(a['kind'])] : undefined;
    const date = isObject(a) ? formatAnniversaryDate(a['date']) : undefined;
    if (!isObject(a) || name === undefined || date === undefined) {
      addJsprop(ctx, path, a);
      continue;
    }
    const params: JCardParams = vcardParamsOf(a);
    if (!vcardParamsValid(a)) addJsprop(ctx, [...path, 'vCardParams'], a['vCardParams']);
    const d = a['date'] as Record<string, unknown>;
    for (const key of Object.keys(d)) {
      if (key === 'calendarScale' && typeof d[key] === 'string') params['calscale'] = d[key];
      else if (!['year', 'month', 'day', 'utc', '@type'].includes(key)) addJsprop(ctx, [...path, 'date', key], d[key]);
    }
    if (params['prop-id'] === undefined) params['prop-id'] = id;
    const type = typeof params['value'] === 'string' ? params['value'] : 'date-and-or-time';
    delete params['value'];
    const prop: JCardProperty = [name, params, type, date];
    ctx.props.push(prop);
    ctx.byPath?.set(pathOf(path), prop);
    for (const key of Object.keys(a)) {
      if (key === 'place') writePlace(ctx, path, String(a['kind']), a['place'], params);
      else if (!['kind', 'date', '@type', 'vCardParams'].includes(key)) addJsprop(ctx, [...path, key], a[key]);
    }
  }
}

function writePlace(ctx: ToContext, path: string[], kind: string, place: unknown, dateParams: JCardParams): void {
  const name = PLACE_PROPERTY[kind];
  if (!name || !isObject(place)) {
    addJsprop(ctx, [...path, 'place'], place);
    return;
  }
  const params: JCardParams = { 'prop-id': dateParams['prop-id']! };
  if (typeof dateParams['group'] === 'string') params['group'] = dateParams['group'];
  let written = false;
  for (const key of Object.keys(place)) {
    const v = place[key];
    if (!written && key === 'full' && typeof v === 'string') {
      const prop: JCardProperty = [name, params, 'text', v];
      ctx.props.push(prop);
      ctx.byPath?.set(pathOf([...path, 'place']), prop);
      written = true;
    } else if (!written && key === 'coordinates' && typeof v === 'string' && /^geo:/i.test(v) && typeof place['full'] !== 'string') {
      ctx.props.push([name, params, 'uri', v]);
      written = true;
    } else if (key !== '@type') {
      addJsprop(ctx, [...path, 'place', key], v);
    }
  }
}
