import { formatPointer, parsePatchKey } from './pointer.js';
import type { Issue, PatchObject } from './types.js';

/** One patch of a PatchObject, its key split into property names. */
export interface PatchEntry {
  key: string;
  segments: string[];
  value: unknown;
}

/**
 * Checks the rules of RFC 8984 §1.4.9 that do not depend on the patched object (key syntax, no key
 * a prefix of another) and splits the keys. In relaxed mode the findings are warnings.
 */
export function preparePatch(patch: PatchObject, strict: boolean): { entries: PatchEntry[]; errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const entries: PatchEntry[] = [];
  for (const key of Object.keys(patch)) {
    const value = patch[key];
    const { segments, badEscapes } = parsePatchKey(key);
    const pointer = formatPointer(segments);
    if (value === undefined) {
      warnings.push({ code: 'patch/undefined-value', path: pointer, message: `patch "${key}" has no value and was ignored` });
      continue;
    }
    if (badEscapes.length > 0) {
      const message = `"~" must be written "~0" in a path (RFC 6901 §3): "${badEscapes[0]}" in patch "${key}"`;
      if (strict) errors.push({ code: 'patch/invalid-escape', path: pointer, message });
      else warnings.push({ code: 'patch/invalid-escape', path: pointer, message: `${message}; taken literally` });
    }
    entries.push({ key, segments, value });
  }
  checkPrefixes(entries, strict ? errors : warnings, strict);
  return { entries, errors, warnings };
}

interface TrieNode {
  children: Map<string, TrieNode>;
  key?: string;
}

/**
 * RFC 8984 §1.4.9 rule 3: no pointer may be a prefix of another (`alerts` and `alerts/1/offset`),
 * which includes two keys naming the same path (`title` and `/title`). Prefix means whole segments:
 * `alert` is not a prefix of `alerts`.
 */
function checkPrefixes(entries: PatchEntry[], sink: Issue[], strict: boolean): void {
  const root: TrieNode = { children: new Map() };
  for (const entry of entries) {
    let node = root;
    let conflict: string | undefined;
    for (const segment of entry.segments) {
      if (node.key !== undefined) conflict ??= node.key;
      let next = node.children.get(segment);
      if (next === undefined) {
        next = { children: new Map() };
        node.children.set(segment, next);
      }
      node = next;
    }
    if (node.key !== undefined) conflict ??= node.key;
    else if (node.children.size > 0) conflict ??= firstKeyBelow(node);
    node.key ??= entry.key;
    if (conflict !== undefined) {
      sink.push({
        code: 'patch/prefix-conflict',
        path: formatPointer(entry.segments),
        message: `patches "${conflict}" and "${entry.key}" overlap; a PatchObject key must not be a prefix of another (RFC 8984 §1.4.9)`
          + (strict ? '' : '; applied shortest first'),
      });
    }
  }
}

function firstKeyBelow(node: TrieNode): string | undefined {
  for (const child of node.children.values()) {
    if (child.key !== undefined) return child.key;
    const below = firstKeyBelow(child);
    if (below !== undefined) return below;
  }
  return undefined;
}
