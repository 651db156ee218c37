// The dependency rules of STYLE.md §2, checked mechanically over every package's src/.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Import { file: string; specifier: string; typeOnly: boolean }

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const specifier = m[3] ?? m[4] ?? m[5]!;
    found.push({ file: relative(root, file), specifier, typeOnly: Boolean(m[2]) });
  }
  return found;
}

const packageName = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);

const workspaces = ['packages', 'apps'].flatMap((d) => readdirSync(join(root, d)).map((name) => join(root, d, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')));

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
  name: string; dependencies?: Record<string, string>; peerDependencies?: Record<string, string>;
};

describe.each(workspaces.map((dir) => [relative(root, dir), dir]))('%s', (_name, dir) => {
  const pkg = manifest(dir);
  const short = pkg.name.replace('@almanac/', '');
  const imports = sourceFiles(join(dir, 'src')).flatMap(importsOf).filter((i) => !i.specifier.startsWith('.'));
  const runtime = imports.filter((i) => !i.typeOnly);

  it('declares every package it imports at run time', () => {
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const missing = runtime.filter((i) => !i.specifier.startsWith('node:') && !declared.has(packageName(i.specifier)));
    expect(missing).toEqual([]);
  });

  if (short.startsWith('codec-') || short.startsWith('domain-')) {
    it('does no I/O: no node:*, pg, kysely or express', () => {
      expect(imports.filter((i) => /^(node:|pg$|kysely|express|@electric-sql\/)/.test(i.specifier))).toEqual([]);
    });
  }

  if (short.startsWith('codec-')) {
    const allowed: Record<string, string[]> = {
      'codec-jscalendar': ['@almanac/codec-icalendar', '@almanac/codec-patchobject'],
      'codec-jscontact': ['@almanac/codec-vcard', '@almanac/codec-patchobject'],
    };
    it('is a leaf: imports only the codecs it may build on', () => {
      const foreign = imports.filter((i) => i.specifier.startsWith('@almanac/') && !(allowed[short] ?? []).includes(packageName(i.specifier)));
      expect(foreign).toEqual([]);
    });
  }

  if (short.startsWith('domain-')) {
    it('imports only the kernel at run time, and codecs only as types', () => {
      const bad = imports.filter((i) => i.specifier.startsWith('@almanac/') && packageName(i.specifier) !== '@almanac/domain-kernel'
        && !(i.typeOnly && packageName(i.specifier).startsWith('@almanac/codec-')));
      expect(bad).toEqual([]);
    });
  }

  if (short.startsWith('http-') || short.startsWith('store-')) {
    it('does not import other adapters', () => {
      const adapters = imports.filter((i) => /^@almanac\/(http|store)-/.test(packageName(i.specifier))
        && packageName(i.specifier) !== pkg.name && packageName(i.specifier) !== '@almanac/http-kit');
      expect(adapters).toEqual([]);
    });
  }
});
