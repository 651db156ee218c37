import { expect } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * STYLE §5: compares `actual` with the golden file at `path`; `UPDATE_GOLDEN=1` (outside CI)
 * rewrites it instead. A missing golden file is a failing test.
 */
export function expectGolden(path: string, actual: string): void {
  if (process.env['UPDATE_GOLDEN'] && !process.env['CI']) {
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path) ? readFileSync(path, 'utf8') : `(missing golden file ${path})`).toBe(actual);
}

/** JSON with sorted keys and a final newline, so golden files diff well. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
  };
  return JSON.stringify(sort(value), null, 2) + '\n';
}
