import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlError } from '../errors.js';
import { CALDAV_NS, clark, DAV_NS } from '../names.js';
import { parseDavBody, parseXml } from '../parse.js';
import { serializeElement } from '../serialize.js';
import { isElement, type XmlElement } from '../tree.js';
import { collectionSettingsOf } from './collection-properties.js';
import { readMkcalendar, readMkcol } from './mkcol.js';
import { readPropfind } from './propfind.js';
import { readProppatch } from './proppatch.js';
import { readReport } from './report.js';
import { canonicalXml } from '../../testing/canonical-xml.js';

// Request bodies from the RFC examples and from real clients (named by origin), each read with
// the reader its root element calls for and compared with the reviewed `<name>.expected.json`
// (UPDATE_GOLDEN=1 rewrites them; a missing one fails).
const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const names = readdirSync(dir).filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -4)).sort();

function read(root: XmlElement | undefined): unknown {
  switch (root && clark(root)) {
    case `{${DAV_NS}}propfind`: return readPropfind(root);
    case `{${DAV_NS}}propertyupdate`: {
      const updates = readProppatch(root);
      const sets = updates.flatMap((u) => (u.op === 'set' ? [{ name: u.name, element: u.element }] : []));
      return { updates, decoded: collectionSettingsOf(sets) };
    }
    case `{${DAV_NS}}mkcol`: {
      const { props } = readMkcol(root);
      return { props, decoded: collectionSettingsOf(props) };
    }
    case `{${CALDAV_NS}}mkcalendar`: {
      const { props } = readMkcalendar(root);
      return { props, decoded: collectionSettingsOf(props) };
    }
    default: return readReport(root);
  }
}

/**
 * Dates as ISO strings, parsed elements as their serialisation (or, with `canonical`, their
 * prefix-free canonical form): a stable, reviewable JSON.
 */
function jsonable(value: unknown, canonical: boolean): unknown {
  if (value instanceof Date) return value.toISOString();
  if (isElement(value)) return canonical ? { canonical: canonicalXml(value) } : { xml: serializeElement(value) };
  if (Array.isArray(value)) return value.map((item) => jsonable(item, canonical));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonable(v, canonical)]));
  return value;
}

function outcome(xml: string, canonical = false): unknown {
  try {
    return { result: jsonable(read(parseDavBody(xml)), canonical) };
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    return { error: { reason: err.reason, status: err.status, ...(err.precondition && { precondition: clark(err.precondition) }) } };
  }
}

function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN && !process.env.CI) {
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path) ? readFileSync(path, 'utf8') : `missing golden file ${path}`).toBe(actual);
}

/** The tree without the `prefix` hints, for comparisons where prefixes may legitimately change. */
function withoutPrefixes(element: XmlElement): unknown {
  return {
    ns: element.ns,
    local: element.local,
    attrs: { ...element.attrs },
    content: element.content.map((node) => (typeof node === 'string' ? node : withoutPrefixes(node as XmlElement))),
  };
}

describe.each(names)('%s', (name) => {
  const xml = readFileSync(join(dir, `${name}.xml`), 'utf8');

  it('reads to the reviewed result', () => {
    expectGolden(join(dir, `${name}.expected.json`), `${JSON.stringify(outcome(xml), null, 2)}\n`);
  });

  it('survives parse -> serialize -> parse with the same tree and the same reading', () => {
    const tree = parseXml(xml);
    const again = parseXml(serializeElement(tree));
    expect(again).toEqual(tree);
    expect(outcome(serializeElement(again))).toEqual(outcome(xml));
  });

  it('reads the same when the namespaces use other prefixes', () => {
    // Rename every prefix declaration and use (`D:` -> `p0:`…), keeping the default namespace.
    const prefixes = [...new Set([...xml.matchAll(/xmlns:([A-Za-z][\w.-]*)=/g)].map((m) => m[1] as string))];
    let renamed = xml;
    prefixes.forEach((prefix, i) => {
      renamed = renamed.replace(new RegExp(`(</?|xmlns:|\\s)${prefix}:`, 'g'), `$1zz${i}:`).replace(new RegExp(`xmlns:${prefix}=`, 'g'), `xmlns:zz${i}=`);
    });
    expect(withoutPrefixes(parseXml(renamed))).toEqual(withoutPrefixes(parseXml(xml)));
    expect(outcome(renamed, true)).toEqual(outcome(xml, true));
  });
});
