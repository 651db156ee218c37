import type { JCalProperty } from '@almanac/codec-icalendar';
import type { Issue } from '../../issues.js';

/**
 * Applies JSCAL-PROP properties (draft §4.1.2) to the converted object: each
 * JSCAL-PATH is a JSON pointer relative to it, each value JSON. Only new
 * members are set: a path to an existing member is ignored, as the draft
 * requires. A value that is not JSON, or null, is reported and skipped.
 */
export function applyJscalProps(target: Record<string, unknown>, props: JCalProperty[], issues: Issue[]): void {
  for (const prop of props) {
    const path = prop[1]['jscal-path'];
    const text = prop[3];
    if (typeof path !== 'string' || typeof text !== 'string') {
      issues.push({ message: 'JSCAL-PROP without JSCAL-PATH or text value ignored', code: 'jscal-prop/invalid' });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      issues.push({ message: `JSCAL-PROP value for "${path}" is not JSON`, code: 'jscal-prop/invalid' });
      continue;
    }
    if (value === null) continue;
    const segments = path.replace(/^\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segments.some((s) => s === '__proto__' || s === 'constructor' || s === 'prototype' || s === '')) {
      issues.push({ message: `JSCAL-PROP path "${path}" not allowed`, code: 'jscal-prop/invalid' });
      continue;
    }
    let node: Record<string, unknown> = target;
    for (let i = 0; i < segments.length - 1; i++) {
      const seg = segments[i]!;
      const next = node[seg];
      if (next === undefined) node[seg] = {};
      else if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        node = {};
        break;
      }
      node = node[seg] as Record<string, unknown>;
    }
    const last = segments[segments.length - 1]!;
    if (!Object.prototype.hasOwnProperty.call(node, last)) node[last] = value;
  }
}
