import { describe, expect, it } from '@jest/globals';
import { principalId } from '@almanac/domain-kernel';
import type { TaskData } from '../model/task.js';
import { isResponsible, membersChangedBeyond } from './responsible-edit.js';

const stored = {
  '@type': 'Task', uid: 'u-000000000001', title: 'T', sequence: 1, 'egroupware.org:type': 'task', 'egroupware.org:status': 'not-started', progress: 'needs-action',
  participants: {
    5: { '@type': 'Participant', name: 'Ralf', roles: { owner: true } },
    44: { '@type': 'Participant', name: 'Birgit', roles: { attendee: true } },
    7: { '@type': 'Participant', name: 'sales', kind: 'group', roles: { attendee: true } },
  },
} as unknown as TaskData;

describe('responsible edits (behaviour §4.3)', () => {
  it('knows responsible users and groups, not the owner or others', () => {
    expect(isResponsible(stored, [principalId(44)])).toBe(true);
    expect(isResponsible(stored, [principalId(9), principalId(7)])).toBe(true);
    expect(isResponsible(stored, [principalId(5)])).toBe(false);
  });

  it('lets status, progress, percent and completion change, and names every other changed member', () => {
    const progressOnly = { ...stored, sequence: 2, 'egroupware.org:status': 'done', progress: 'completed', percentComplete: 100, 'egroupware.org:completed': '2024-06-01T12:00:00' };
    expect(membersChangedBeyond(stored, progressOnly as TaskData)).toEqual([]);
    expect(membersChangedBeyond(stored, { ...stored, title: 'x', description: 'd', percentComplete: 5 } as TaskData)).toEqual(['description', 'title']);
  });

  it('compares participants by their roles, not by names refreshed from the accounts', () => {
    const renamed = { ...stored, participants: { ...stored.participants, 44: { '@type': 'Participant', name: 'Birgit B.', roles: { attendee: true } } } };
    expect(membersChangedBeyond(stored, renamed as TaskData)).toEqual([]);
    const removed = { ...stored, participants: { 5: stored.participants![5]!, 7: stored.participants![7]! } };
    expect(membersChangedBeyond(stored, removed as TaskData)).toEqual(['participants']);
  });
});
