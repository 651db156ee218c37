import type { PrincipalId, ResourceDraft, ResourceFacts, StoredResource, TimeRange } from '@almanac/domain-kernel';
import { localToInstant } from '../model/local-time.js';
import type { TaskData } from '../model/task.js';
import { davNameOfUid } from '../model/uid.js';
import { responsibleIds } from './read-participants.js';

/**
 * The instants a task covers, for time-range queries (RFC 4791 §9.9 for VTODO): from start to
 * due; a start or due alone is a point; neither is unbounded (null, matching every range).
 */
export function taskTimeRange(data: Pick<TaskData, 'start' | 'due' | 'timeZone'>): TimeRange | null {
  const start = data.start ? localToInstant(data.start, data.timeZone) : undefined;
  const due = data.due ? localToInstant(data.due, data.timeZone) : undefined;
  if (!start && !due) return null;
  const a = start ?? due!;
  const b = due ?? start!;
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}

/**
 * The storage draft of a task: canonical JSON, its UID, the DAV name `<uid>.ics` (so CalDAV can
 * serve it), its time range and zone. On a replace the stored name stays (the repository keeps it).
 */
export function taskDraft(data: TaskData): ResourceDraft<TaskData> {
  return { uid: data.uid, name: davNameOfUid(data.uid), kind: 'task', data, timeRange: taskTimeRange(data), timeZone: data.timeZone ?? null };
}

/** DECISIONS.md: a task's ETag is `<id>:<sequence>:<revision>` (quotes are the HTTP layer's). */
export const taskEtag = (r: Pick<StoredResource<TaskData>, 'id' | 'revision' | 'data'>): string => `${r.id}:${r.data.sequence ?? 0}:${r.revision}`;

/**
 * What the access policy needs: private tasks need the PRIVATE right; responsible users and
 * groups may read the task without a grant (behaviour §4.3).
 */
export function taskFacts(data: TaskData): ResourceFacts {
  return { isPrivate: data.privacy === 'private' || data.privacy === 'secret', participantIds: responsibleIds(data.participants) as PrincipalId[] };
}

/** What listings show as `displayname`. */
export const taskTitle = (data: Pick<TaskData, 'title'>): string => data.title ?? '';
