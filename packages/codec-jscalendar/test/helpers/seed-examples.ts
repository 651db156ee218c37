import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One JSON example of a seed document. */
export interface SeedExample {
  /** `<seed>-<n>` plus, for collection listings, the resource path. */
  id: string;
  /** What the example shows: a response body, a request body, or a PATCH body. */
  kind: 'response' | 'request' | 'patch';
  /** The text as printed. */
  text: string;
  /** The parsed value (after the documented typo fix, if any), or undefined if it is not JSON. */
  value: unknown;
  /** The documented typo that had to be fixed to read it. */
  typo?: string;
}

const SEEDS = join(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/seeds');

/**
 * The JSON examples of a seed document, found by brace balancing (the
 * documents are Markdown or flattened text). A collection listing
 * (`{"responses": …}`) gives one example per resource. Seeds README: some
 * examples contain typos — a missing comma or a trailing comma — which are
 * fixed here and named in `typo`.
 */
export function seedExamples(file: string): SeedExample[] {
  const lines = readFileSync(join(SEEDS, file), 'utf8').split('\n');
  const out: SeedExample[] = [];
  let context = '';
  let blockNo = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/curl|HTTP\/1\.1/.test(line)) context = line;
    if (line.trim() !== '{') continue;
    let depth = 0;
    let j = i;
    const block: string[] = [];
    for (; j < lines.length; j++) {
      block.push(lines[j]!);
      for (const ch of lines[j]!.replace(/"(?:[^"\\]|\\.)*"/g, '')) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      if (depth === 0) break;
    }
    i = j;
    const text = block.join('\n');
    const kind = /-X PATCH/.test(context) ? 'patch' : /cat <<EOF/.test(context) ? 'request' : 'response';
    const { value, typo } = readJson(text);
    const base = `${file.slice(0, 3)}-${String(++blockNo).padStart(2, '0')}`;
    if (value && typeof value === 'object' && 'responses' in value) {
      for (const [path, item] of Object.entries((value as { responses: Record<string, unknown> }).responses)) {
        out.push({ id: `${base}-${path.split('/').pop()}`, kind, text, value: item, typo });
      }
    } else out.push({ id: base, kind, text, value, typo });
  }
  return out;
}

function readJson(text: string): { value: unknown; typo?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch {
    // fall through to the documented typos
  }
  const fixes: Array<[string, (t: string) => string]> = [
    ['missing comma between members', (t) => t.replace(/}\n(\s*)"/g, '},\n$1"')],
    ['trailing comma before a closing brace', (t) => t.replace(/,(\s*)}/g, '$1}')],
  ];
  for (const [typo, fix] of fixes) {
    try {
      return { value: JSON.parse(fix(text)), typo };
    } catch {
      // next
    }
  }
  return { value: undefined };
}
