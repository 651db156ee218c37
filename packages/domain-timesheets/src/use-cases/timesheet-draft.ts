import type { ResourceDraft } from '@almanac/domain-kernel';
import type { TimesheetData } from '../model/timesheet.js';

/**
 * The storage draft of a timesheet: its time range is [start, start + duration) so that time
 * filters work; timesheets have no DAV form, so uid and name are an opaque generated id.
 */
export function timesheetDraft(data: TimesheetData, uid: string): ResourceDraft<TimesheetData> {
  const start = new Date(data.start);
  return {
    uid, name: uid, kind: 'timesheet', data,
    timeRange: { start, end: new Date(start.getTime() + data.duration * 60_000) },
    timeZone: 'UTC',
  };
}
