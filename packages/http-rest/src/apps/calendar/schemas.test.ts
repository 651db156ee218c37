import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { EVENT_SCHEMAS } from './schemas.js';

const ajv = new Ajv2020({ strict: false, allowUnionTypes: true, validateFormats: false });

describe('calendar OpenAPI schemas', () => {
  const input = ajv.compile(EVENT_SCHEMAS.input);
  const resource = ajv.compile(EVENT_SCHEMAS.resource);

  it('accept the seed’s events in either profile', () => {
    const seed = { '@type': 'Event', uid: 'calendar-5695-34b52fc11cfa7e9acea5732210a53f48', sequence: '1', title: 'Test', start: '2023-07-14T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H',
      participants: { 5: { '@type': 'Participant', name: 'Ralf Becker', email: 'ralf@example.org', kind: 'individual', roles: { owner: true, chair: true }, participationStatus: 'accepted' } },
      recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', byDay: { '@type': 'NDay', day: 'mo,we' } }], status: 'confirmed', priority: 5, privacy: 'public' };
    expect(resource(seed)).toBe(true);
    expect(input(seed)).toBe(true);
    expect(input({ ...seed, sequence: 1, recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', byDay: [{ '@type': 'NDay', day: 'mo' }] }] })).toBe(true);
  });

  it('describe events only', () => {
    expect(input({ '@type': 'Task', uid: 'x', title: 't' })).toBe(false);
    expect(resource({ '@type': 'Event', uid: 'x', start: 'tomorrow' })).toBe(false);
  });
});
