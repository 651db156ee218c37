import { describe, expect, it } from '@jest/globals';
import { applyPatch, type Parsed } from '../src/index.js';

function value<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function codes(result: Parsed<unknown>): string[] {
  return result.ok ? result.warnings.map((w) => w.code ?? '') : result.errors.map((e) => e.code ?? '');
}

const event = () => ({
  title: 'Team',
  duration: 'PT1H',
  alerts: { a1: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT5M' } } },
  keywords: { x: true },
  locations: [{ name: 'L1' }, { name: 'L2' }],
});

describe('applyPatch in both modes', () => {
  it.each(['strict', 'relaxed'] as const)('replaces, adds and removes top-level members (%s)', (mode) => {
    const result = applyPatch(event(), { title: 'New', description: 'D', duration: null, missing: null }, { mode });
    expect(value(result)).toEqual({ ...event(), title: 'New', description: 'D', duration: undefined });
    expect(value(result)).not.toHaveProperty('duration');
    expect(codes(result)).toEqual([]);
  });

  it.each(['strict', 'relaxed'] as const)('patches a nested member by path (%s)', (mode) => {
    const result = value(applyPatch(event(), { 'alerts/a1/trigger/offset': '-PT10M' }, { mode }));
    expect(result.alerts.a1.trigger).toEqual({ '@type': 'OffsetTrigger', offset: '-PT10M' });
  });

  it('accepts a leading slash on keys', () => {
    expect(value(applyPatch(event(), { '/alerts/a1/trigger/offset': '-PT1M', '/title': 'x' }, { mode: 'strict' })))
      .toMatchObject({ title: 'x', alerts: { a1: { trigger: { offset: '-PT1M' } } } });
  });

  it('replaces an object value instead of merging it', () => {
    const result = value(applyPatch(event(), { alerts: { a2: { '@type': 'Alert' } } }));
    expect(result.alerts).toEqual({ a2: { '@type': 'Alert' } });
  });

  it('treats "@type" like any other member', () => {
    expect(value(applyPatch(event(), { 'alerts/a1/@type': 'Other' })).alerts.a1['@type']).toBe('Other');
  });

  it('unescapes ~1 and ~0 in keys', () => {
    const result = value(applyPatch({ links: { 'a/b': 1, 'c~d': 2 } }, { 'links/a~1b': 10, 'links/c~0d': null }, { mode: 'strict' }));
    expect(result).toEqual({ links: { 'a/b': 10 } });
  });

  it('does not modify the target or the patch, and shares nothing with them', () => {
    const target = event();
    const patch = { 'alerts/a1/trigger/offset': '-PT1M', keywords: { y: true } };
    const targetCopy = structuredClone(target);
    const patchCopy = structuredClone(patch);
    const result = value(applyPatch(target, patch));
    expect(target).toEqual(targetCopy);
    expect(patch).toEqual(patchCopy);
    expect(result.keywords).not.toBe(patch.keywords);
    expect(result.locations).not.toBe(target.locations);
    expect(result.alerts.a1).not.toBe(target.alerts.a1);
  });

  it('stores "__proto__" and "constructor" keys as data without touching prototypes', () => {
    const result = value(applyPatch({ a: {} } as Record<string, unknown>, { '__proto__/polluted': true, 'a/constructor': 1 }));
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(result.a).toEqual({ constructor: 1 });
  });

  it('ignores members whose value is undefined, with a warning', () => {
    const result = applyPatch({ a: 1 }, { a: undefined, b: 2 });
    expect(value(result)).toEqual({ a: 1, b: 2 });
    expect(codes(result)).toEqual(['patch/undefined-value']);
  });

  it.each([
    [[1], {}],
    [null, {}],
    ['x', {}],
    [{}, []],
    [{}, null],
    [new Date(0), {}],
  ])('rejects a non-object target %j or patch %j', (target, patch) => {
    const result = applyPatch(target as object, patch as Record<string, unknown>);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors[0]!.path).toBe('');
  });

  it('reports a cyclic target or value instead of recursing forever', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(codes(applyPatch(cyclic, { a: 2 }))).toEqual(['patch/not-json']);
    const result = applyPatch({ a: 1 }, { b: cyclic });
    expect(result.ok ? undefined : result.errors[0]).toMatchObject({ code: 'patch/not-json', path: '/b/self' });
  });
});

describe('applyPatch in strict mode (RFC 8984 §1.4.9)', () => {
  const strict = { mode: 'strict' } as const;

  it('rejects a path whose parent does not exist, naming the missing pointer', () => {
    const result = applyPatch(event(), { 'participants/p1/name': 'x', title: 'kept?' }, strict);
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'patch/missing-parent', path: '/participants/p1/name', message: expect.stringContaining('"/participants"') })],
    });
  });

  it('rejects a removal below a missing parent too', () => {
    expect(codes(applyPatch(event(), { 'participants/p1': null }, strict))).toEqual(['patch/missing-parent']);
  });

  it('rejects a path through a primitive or null', () => {
    expect(codes(applyPatch({ a: 'x', b: null }, { 'a/b': 1 }, strict))).toEqual(['patch/not-a-container']);
    expect(codes(applyPatch({ a: 'x', b: null }, { 'b/c': 1 }, strict))).toEqual(['patch/not-a-container']);
  });

  it('rejects keys that are a prefix of one another, by whole segments', () => {
    const result = applyPatch(event(), { alerts: {}, 'alerts/a1/trigger': null }, strict);
    expect(codes(result)).toEqual(['patch/prefix-conflict']);
    expect(result.ok ? undefined : result.errors[0]!.message).toContain('"alerts"');
    expect(codes(applyPatch(event(), { 'alerts/a1/trigger': null, alerts: {} }, strict))).toEqual(['patch/prefix-conflict']);
    expect(applyPatch({ alert: 1, alerts: 2 }, { alert: 3, alerts: 4 }, strict).ok).toBe(true);
  });

  it('rejects two spellings of the same path', () => {
    expect(codes(applyPatch(event(), { title: 'a', '/title': 'b' }, strict))).toEqual(['patch/prefix-conflict']);
  });

  it('rejects an unescaped "~"', () => {
    expect(codes(applyPatch({}, { 'a~b': 1 }, strict))).toEqual(['patch/invalid-escape']);
  });

  it('rejects the whole PatchObject and reports every invalid patch', () => {
    const result = applyPatch(event(), { title: 'ok', 'x/y': 1, 'z/w': 2 }, strict);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['/x/y', '/z/w']);
  });

  it('rejects paths into arrays by default', () => {
    expect(codes(applyPatch(event(), { 'locations/0/name': 'x' }, strict))).toEqual(['patch/array-path']);
    expect(codes(applyPatch(event(), { 'locations/0': { name: 'x' } }, strict))).toEqual(['patch/array-path']);
    expect(codes(applyPatch(event(), { 'locations/0': null }))).toEqual(['patch/array-path']);
  });
});

describe('array members (RFC 9553 rule, arrays: "replace-members")', () => {
  const opts = { mode: 'strict', arrays: 'replace-members' } as const;

  it('replaces an existing member or patches inside it', () => {
    expect(value(applyPatch(event(), { 'locations/1': { name: 'X' } }, opts)).locations).toEqual([{ name: 'L1' }, { name: 'X' }]);
    expect(value(applyPatch(event(), { 'locations/0/name': 'Y' }, opts)).locations).toEqual([{ name: 'Y' }, { name: 'L2' }]);
  });

  it.each(['2', '-', '01', 'x'])('rejects index %j, which is not an existing member', (index) => {
    expect(codes(applyPatch(event(), { [`locations/${index}`]: { name: 'X' } }, opts))).toEqual(['patch/array-index']);
  });

  it('rejects null at an index: members are never removed', () => {
    expect(codes(applyPatch(event(), { 'locations/0': null }, opts))).toEqual(['patch/array-remove']);
  });
});

describe('applyPatch in relaxed mode (the default)', () => {
  it('creates missing intermediate objects, as the REST seed\'s flat bodies need', () => {
    const result = applyPatch({}, {
      'name/given': 'First',
      'name/surname': 'Tester',
      'emails/work': 'a@b',
      'addresses/work/locality': 'Test-Town',
      fullName: 'First Tester',
    });
    expect(value(result)).toEqual({
      name: { given: 'First', surname: 'Tester' },
      emails: { work: 'a@b' },
      addresses: { work: { locality: 'Test-Town' } },
      fullName: 'First Tester',
    });
    expect(codes(result)).toEqual(['patch/created-parent', 'patch/created-parent', 'patch/created-parent', 'patch/created-parent']);
  });

  it('replaces a null intermediate by an object', () => {
    expect(value(applyPatch({ a: null }, { 'a/b': 1 }))).toEqual({ a: { b: 1 } });
  });

  it('makes a removal below a missing object a no-op without creating anything', () => {
    expect(value(applyPatch({ a: 1 }, { 'x/y/z': null }))).toEqual({ a: 1 });
  });

  it('still rejects a path through a primitive', () => {
    expect(codes(applyPatch({ a: 'x' }, { 'a/b': 1 }))).toEqual(['patch/not-a-container']);
  });

  it('applies overlapping keys shortest first, with a warning', () => {
    const result = applyPatch(event(), { 'alerts/a2/offset': '-PT1M', alerts: { a1: { offset: 'x' } } });
    expect(value(result).alerts).toEqual({ a1: { offset: 'x' }, a2: { offset: '-PT1M' } });
    expect(codes(result)).toContain('patch/prefix-conflict');
  });

  it('takes a bad "~" escape literally, with a warning', () => {
    const result = applyPatch({}, { 'custom/Te~st': 1 });
    expect(value(result)).toEqual({ custom: { 'Te~st': 1 } });
    expect(codes(result)).toContain('patch/invalid-escape');
  });
});
