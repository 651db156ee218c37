import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ValidationError } from '@almanac/domain-kernel';
import { TASK_FILTER_COLUMNS } from './task-filter-columns.js';
import { inClientTerms, parseTaskBody, taskInProfile } from './task-json.js';
import { TASK_SCHEMAS } from './task-schemas.js';

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error('expected a ValidationError');
};

describe('parseTaskBody', () => {
  it('reads either profile into a canonical Task and reports what was cleared', () => {
    const { task, cleared } = parseTaskBody({ title: 'x', progress: 'in-progress', categories: { Work: true }, description: null, sequence: '3' }, false);
    expect(task).toEqual({ '@type': 'Task', title: 'x', progress: 'in-process', keywords: { Work: true } });
    expect([...cleared]).toEqual(['description']);
  });

  it('answers schema problems in the reference’s words, pointing at the members the client wrote', () => {
    const err = failure(() => parseTaskBody({ title: 'x', percentComplete: 'lots' }, false));
    expect(err.message).toMatch(/^Error parsing JsTask attribute 'percentComplete': /);
    expect(err.issues[0]!.path).toBe('/percentComplete');
    expect(failure(() => parseTaskBody({ '@type': 'Event', title: 'x' }, true)).issues[0]!.path).toBe('/@type');
  });

  it('names categories for keywords when the body used categories', () => {
    expect(inClientTerms([{ path: '/keywords', message: 'one' }], { categories: {} })).toEqual([{ path: '/categories', message: 'one' }]);
    expect(inClientTerms([{ path: '/keywords', message: 'one' }], { keywords: {} })).toEqual([{ path: '/keywords', message: 'one' }]);
  });
});

describe('taskInProfile', () => {
  const canonical = { '@type': 'Task', uid: '3933d565-187f-4bad-a44e-82588ef64c88', sequence: 2, progress: 'in-process', keywords: { Work: true } };
  it('shows the egroupware profile with urn:uuid UIDs, string sequences, categories and a derived status', () => {
    expect(taskInProfile(canonical, 'egroupware')).toEqual({
      '@type': 'Task', uid: 'urn:uuid:3933d565-187f-4bad-a44e-82588ef64c88', sequence: '2', progress: 'in-progress', categories: { Work: true }, status: 'confirmed',
    });
  });
  it('leaves the rfc profile as stored', () => {
    expect(taskInProfile(canonical, 'rfc')).toEqual(canonical);
  });
});

describe('TASK_FILTER_COLUMNS', () => {
  const column = (name: string, value: string) => {
    const c = TASK_FILTER_COLUMNS[name]!;
    return typeof c === 'function' ? c(value) : { path: c, value };
  };
  it('maps InfoLog columns to the canonical task, converting values where the two differ', () => {
    expect(column('info_status', 'ongoing')).toEqual({ path: ['egroupware.org:status'], value: 'ongoing' });
    expect(column('info_priority', '2')).toEqual({ path: ['priority'], value: '3' });
    expect(column('info_responsible', '44')).toEqual({ path: ['participants', '44', 'roles', 'attendee'], value: 'true' });
    expect(column('info_cc', 'Jane@Example.com')).toEqual({ path: ['participants', 'cc-jane-example-com', 'roles', 'informational'], value: 'true' });
    expect(column('info_uid', 'urn:uuid:3933d565-187f-4bad-a44e-82588ef64c88')).toEqual({ path: ['uid'], value: '3933d565-187f-4bad-a44e-82588ef64c88' });
  });
});

describe('TASK_SCHEMAS', () => {
  const ajv = new Ajv2020({ strict: false, allowUnionTypes: true, validateFormats: false });
  const check14 = {
    title: 'Task', start: '2024-05-10T10:00:00', timeZone: 'Europe/Berlin', due: '2024-06-01T00:00:00', progress: 'in-progress', percentComplete: 10,
    'egroupware.org:type': 'task',
  };
  const shown = {
    '@type': 'Task', prodId: 'Almanac InfoLog', uid: 'urn:uuid:3933d565-187f-4bad-a44e-82588ef64c88', sequence: '2', created: '2024-05-06T14:25:14Z',
    title: 'T', participants: { 5: { '@type': 'Participant', name: 'Ralf Becker', email: 'ralf@example.org', kind: 'individual', roles: { owner: true } },
      'jane@example.com': { '@type': 'Participant', email: 'jane@example.com', kind: 'individual', roles: { informational: true } } },
    status: 'tentative', progress: 'egroupware.org:offer', priority: 9, categories: { Work: true }, 'egroupware.org:type': 'task', 'egroupware.org:status': 'offer',
    relatedTo: { 'parent-uid-00001': { '@type': 'Relation', relation: 'parent' } },
    'egroupware.org:customfields': { contact: { value: ['Internet'], type: 'select', label: 'Kontakt' } },
  };

  it('compile as JSON Schema 2020-12 and describe what the API takes and shows', () => {
    expect(ajv.validate(TASK_SCHEMAS.input, check14)).toBe(true);
    expect(ajv.validate(TASK_SCHEMAS.input, { ...check14, keywords: { Work: true }, sequence: 2 })).toBe(true);
    expect(ajv.validate(TASK_SCHEMAS.resource, shown)).toBe(true);
    expect(ajv.validate(TASK_SCHEMAS.input, { title: 5 })).toBe(false);
    expect(ajv.validate(TASK_SCHEMAS.resource, { ...shown, percentComplete: 150 })).toBe(false);
  });
});
