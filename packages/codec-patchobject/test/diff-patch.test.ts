import { describe, expect, it } from '@jest/globals';
import { applyPatch, diffPatch } from '../src/index.js';

const base = {
  title: 'Calculus I',
  start: '2020-01-08T09:00:00',
  locations: { mlab: { '@type': 'Location', title: 'Math lab room 1', description: 'Math Lab I' } },
  participants: {
    p1: { '@type': 'Participant', name: 'Tom', participationStatus: 'accepted', roles: { attendee: true } },
  },
  keywords: ['a', 'b'],
};

describe('diffPatch', () => {
  it('is empty for equal objects, whatever their member order', () => {
    expect(diffPatch(base, structuredClone(base))).toEqual({});
    expect(diffPatch({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toEqual({});
  });

  it('patches a changed leaf by its full path', () => {
    const to = structuredClone(base);
    to.participants.p1.participationStatus = 'declined';
    expect(diffPatch(base, to)).toEqual({ 'participants/p1/participationStatus': 'declined' });
  });

  it('maps removed members to null and added members to their value', () => {
    const { title: _title, ...rest } = base;
    expect(diffPatch(base, { ...rest, description: 'new' })).toEqual({ title: null, description: 'new' });
  });

  it('replaces arrays whole, never patching inside them', () => {
    expect(diffPatch(base, { ...base, keywords: ['a', 'c'] })).toEqual({ keywords: ['a', 'c'] });
  });

  it('replaces an object whole when that is shorter than patching its members', () => {
    const to = { ...base, locations: { auditorium: { '@type': 'Location', title: 'Big Auditorium' } } };
    expect(diffPatch(base, to)).toEqual({ locations: to.locations });
  });

  it('replaces a member whose type changes', () => {
    expect(diffPatch({ a: { b: 1 } }, { a: 'x' })).toEqual({ a: 'x' });
    expect(diffPatch({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } });
    expect(diffPatch({ a: null }, { a: {} })).toEqual({ a: {} });
  });

  it('escapes "/" and "~" in member names', () => {
    const patch = diffPatch({ links: { 'a/b': { x: 1, y: 'long enough value' } } }, { links: { 'a/b': { x: 2, y: 'long enough value' } } });
    expect(patch).toEqual({ 'links/a~1b/x': 2 });
    expect(diffPatch({ 'm~n': 1 }, { 'm~n': 2 })).toEqual({ 'm~0n': 2 });
  });

  it('writes the leading slash when the first member name is empty', () => {
    const from = { '': { x: 1, y: 'long enough value' } };
    const patch = diffPatch(from, { '': { x: 2, y: 'long enough value' } });
    expect(patch).toEqual({ '//x': 2 });
    expect(applyPatch(from, patch, { mode: 'strict' })).toMatchObject({ ok: true, value: { '': { x: 2 } } });
  });

  it('treats undefined members as absent', () => {
    expect(diffPatch({ a: 1, b: undefined }, { a: 1 })).toEqual({});
    expect(diffPatch({ a: 1 }, { a: 1, b: undefined })).toEqual({});
  });

  it('returns copies that share nothing with its arguments', () => {
    const to = { ...base, extra: { deep: { x: 1 } } };
    const patch = diffPatch(base, to);
    expect(patch.extra).toEqual(to.extra);
    expect(patch.extra).not.toBe(to.extra);
  });

  it('treats a non-object argument as an empty object', () => {
    expect(diffPatch([] as unknown as object, { a: 1 })).toEqual({ a: 1 });
    expect(diffPatch({ a: 1 }, null as unknown as object)).toEqual({ a: null });
  });

  it('does not hang on cyclic input', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    const b: Record<string, unknown> = { x: 2 };
    b.self = b;
    const patch = diffPatch(a, b);
    expect(patch.x).toBe(2);
  });

  it('gives a patch that strict applyPatch turns back into the target', () => {
    const to = structuredClone(base) as Record<string, unknown>;
    (to.participants as Record<string, Record<string, unknown>>).p1!.roles = { attendee: true, chair: true };
    const result = applyPatch(base, diffPatch(base, to), { mode: 'strict' });
    expect(result.ok && result.value).toEqual(to);
  });

  it('treats a null member of the target as absent, since a patch cannot set null', () => {
    expect(diffPatch({ a: 1, b: null, c: null }, { a: null, b: null })).toEqual({ a: null, c: null });
    expect(diffPatch({}, { a: null })).toEqual({});
    expect(diffPatch({}, { a: { b: null } })).toEqual({ a: { b: null } });
  });
});
