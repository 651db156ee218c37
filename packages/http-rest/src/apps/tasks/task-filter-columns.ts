import { ccParticipantId, storedUid, TASK_PRICE, TASK_PRICELIST, TASK_STATUS, TASK_TYPE } from '@almanac/domain-tasks';
import type { FilterColumn } from '../../rest-app.js';

// InfoLog stores priorities 0 (low) to 3 (urgent); JSCalendar shows them as 9, 5, 3, 1 (behaviour §5.4).
const JSCAL_PRIORITY: Readonly<Record<string, string>> = { 0: '9', 1: '5', 2: '3', 3: '1' };
const role = (role: string, key: (v: string) => string): FilterColumn => (v) => ({ path: ['participants', key(v), 'roles', role], value: 'true' });

/**
 * `filters[<column>]` for tasks (behaviour §3.2): the reference's InfoLog column names, each
 * mapped to where the canonical task keeps that value. Columns Almanac does not model, or whose
 * values cannot be compared as stored (timestamps, minutes, numeric category and parent ids), are
 * not accepted; use `filters[start]`/`filters[end]` for dates.
 */
export const TASK_FILTER_COLUMNS: Readonly<Record<string, FilterColumn>> = {
  info_type: [TASK_TYPE],
  info_status: [TASK_STATUS],
  info_subject: ['title'],
  info_des: ['description'],
  info_access: ['privacy'],
  info_percent: ['percentComplete'],
  info_price: [TASK_PRICE],
  pl_id: [TASK_PRICELIST],
  info_location: ['locations', '1', 'name'],
  info_uid: (v) => ({ path: ['uid'], value: storedUid(v) }),
  info_priority: (v) => ({ path: ['priority'], value: JSCAL_PRIORITY[v] ?? v }),
  info_owner: role('owner', (v) => v),
  info_responsible: role('attendee', (v) => v),
  info_cc: role('informational', ccParticipantId),
  // Categories are names in Almanac (the reference filters by numeric category id).
  info_cat: (v) => ({ path: ['keywords', v], value: 'true' }),
};
