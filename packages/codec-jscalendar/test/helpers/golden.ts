import { expect } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** STYLE §5: `UPDATE_GOLDEN=1` rewrites the file, otherwise the text must match (a missing file fails). */
export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN && !process.env.CI) {
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path) ? readFileSync(path, 'utf8') : `<missing golden file ${path}>`).toBe(actual);
}

/** JSON with sorted members and a final newline, for golden files. */
export function stableJson(v: unknown): string {
  return `${JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x), 2)}\n`;
}
