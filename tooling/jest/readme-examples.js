// README.md's examples are run by a package's test, so they cannot drift from the code. Shared by
// the codec packages' test/readme-examples.test.ts. The convention:
//
// - Every ```js block of README.md is run (```ts, ```text, … blocks are not). Its imports of
//   the package's `exports` entries are served from src/ (the entry the exports map names);
//   imports of the @almanac packages it depends on, from the loaders the test passes.
// - A comment starting with `// =>` (on its own line or after the code) is the expected value of
//   the statement just before it, or of `x` when that statement is `const x = …`. It continues on
//   the following lines that start with `//` (up to a blank or code line), is evaluated as a JS
//   expression and compared with `toEqual`. Every js block checks at least one value.
// - Every `name(` in inline code of the prose names a function some entry point exports; a table
//   row "| `'<import>'` | … |" names only what that entry exports; every runtime export of every
//   entry point is named somewhere (in backticks).
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {{ line: number, code: string }} Block  line: README line of the opening fence */

/** @param {string} markdown @returns {Block[]} */
function jsBlocks(markdown) {
  return [...markdown.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => ({
    line: markdown.slice(0, m.index).split('\n').length,
    code: m[1],
  }));
}

/** Bracket depth after `text`, skipping strings and `//` comments (no regex literals in examples). */
function depthAfter(text, depth) {
  let quote;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '/' && text[i + 1] === '/') break;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
  }
  return depth;
}

/** `import { a, b as c } from 'x';` → `const { a, b: c } = __import('x');` */
function rewriteImport(statement) {
  const m = /^\s*import\s+(?:\{([^}]*)\}|\*\s+as\s+([\w$]+))\s+from\s+'([^']+)';?\s*$/.exec(statement);
  if (!m) throw new Error(`unsupported import: ${statement}`);
  if (m[2]) return `const ${m[2]} = __import('${m[3]}');`;
  const names = m[1].split(',').map((s) => s.trim()).filter(Boolean).map((s) => s.replace(/\s+as\s+/, ': '));
  return `const { ${names.join(', ')} } = __import('${m[3]}');`;
}

/** The block as the body of an async function of `__import` and `__check`, and its number of checks. */
/** @param {Block} block @returns {{ body: string, checks: number }} */
function compile(block) {
  const out = [];
  let current = [];
  let depth = 0;
  let lastStatement; // index in `out` of the last complete statement
  let expected; // { line, text: string[] } of a pending `// =>`
  let checks = 0;

  const attach = () => {
    if (!expected) return;
    const at = `README.md:${expected.line}`;
    if (lastStatement === undefined || current.length > 0) throw new Error(`${at}: "// =>" without a complete statement before it`);
    const statement = out[lastStatement];
    const value = expected.text.join('\n');
    const declared = /^\s*(?:const|let)\s+([\w$]+)\s*=/.exec(statement);
    if (declared) out[lastStatement] = `${statement}\n__check(${declared[1]}, (${value}\n), '${at}');`;
    else if (/^\s*(?:import|if|for|while|const|let|var)\b/.test(statement)) throw new Error(`${at}: cannot check the value of: ${statement}`);
    else out[lastStatement] = `__check((${statement.trim().replace(/;$/, '')}), (${value}\n), '${at}');`;
    lastStatement = undefined;
    expected = undefined;
    checks++;
  };

  block.code.split('\n').forEach((raw, i) => {
    const line = block.line + 1 + i;
    const trimmed = raw.trim();
    if (expected && trimmed.startsWith('//') && !trimmed.startsWith('// =>')) {
      expected.text.push(trimmed.slice(2));
      return;
    }
    attach();
    const marker = raw.indexOf('// =>');
    const code = marker === -1 ? raw : raw.slice(0, marker);
    if (marker !== -1) expected = { line, text: [raw.slice(marker + 5)] };
    if (code.trim() === '' || (current.length === 0 && code.trim().startsWith('//'))) {
      if (current.length > 0) current.push(code);
      else out.push(code);
      return;
    }
    current.push(code);
    depth = depthAfter(code, depth);
    if (depth === 0 && /[;}]\s*$/.test(code)) {
      const statement = current.join('\n');
      out.push(/^\s*import\b/.test(statement) ? rewriteImport(statement) : statement);
      lastStatement = out.length - 1;
      current = [];
    }
  });
  attach();
  if (current.length > 0) throw new Error(`README.md:${block.line}: the block ends inside a statement`);
  return { body: out.join('\n'), checks };
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;

function check(actual, wanted, at) {
  expect({ at, value: actual }).toEqual({ at, value: wanted });
}

/**
 * Declares the README tests of the package whose test file is `testFileUrl` (its `import.meta.url`).
 * @param {string} testFileUrl
 * @param {{ minBlocks: number, dependencies?: Record<string, () => Promise<Record<string, unknown>>> }} options
 */
export function describeReadmeExamples(testFileUrl, { minBlocks, dependencies = {} }) {
  const packageDir = join(dirname(fileURLToPath(testFileUrl)), '..');
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const blocks = jsBlocks(readme);

  /** The modules README code may import, by specifier: the exports map read against src/. */
  const modules = {};
  beforeAll(async () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      const source = join(packageDir, target.default.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
      modules[pkg.name + entry.slice(1)] = await import(source);
    }
    for (const [name, load] of Object.entries(dependencies)) modules[name] = await load();
  });

  function load(name) {
    const module = modules[name];
    if (!module) throw new Error(`README imports ${name}, which is neither an exports entry of ${pkg.name} nor a dependency`);
    return module;
  }

  describe('README.md', () => {
    it('has runnable examples', () => {
      expect(blocks.length).toBeGreaterThanOrEqual(minBlocks);
    });

    it.each(blocks.map((b) => [b.line, b]))('runs the js block at line %d and shows its results', async (_line, block) => {
      const { body, checks } = compile(block);
      expect(checks).toBeGreaterThan(0);
      await new AsyncFunction('__import', '__check', body)(load, check);
    });

    it('names only functions that are exported, and every export of an entry point', () => {
      const exported = new Set(Object.values(modules).flatMap((m) => Object.keys(m).filter((k) => typeof m[k] === 'function')));
      const called = [...readme.matchAll(/`([A-Za-z_$][\w$]*)\(/g)].map((m) => m[1]);
      expect(called.length).toBeGreaterThan(0);
      expect(called.filter((n) => !exported.has(n))).toEqual([]);
      // A table row "| `'<import>'` | … |" lists what that entry exports (PascalCase names are types).
      for (const row of readme.matchAll(/^\| `'([^']+)'` \|(.*)\|\s*$/gm)) {
        const entry = load(row[1]);
        const listed = [...row[2].matchAll(/`([A-Za-z_$][\w$]*)/g)].map((m) => m[1]).filter((n) => /^(?:[a-z]|[A-Z][A-Z0-9_]+$)/.test(n));
        expect({ entry: row[1], missing: listed.filter((n) => !(n in entry)) }).toEqual({ entry: row[1], missing: [] });
      }
      const unmentioned = Object.keys(pkg.exports).flatMap((e) => Object.keys(load(pkg.name + e.slice(1))).filter((n) => !readme.includes('`' + n)));
      expect(unmentioned).toEqual([]);
    });

    it('documents every entry of the exports map and the install line', () => {
      for (const entry of Object.keys(pkg.exports)) expect(readme).toContain(`'${pkg.name + entry.slice(1)}'`);
      expect(readme).toContain(`npm install ${pkg.name}`);
    });
  });
}
