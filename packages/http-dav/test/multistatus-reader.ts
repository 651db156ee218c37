import { clark } from '../src/xml/names.js';
import { parseXml } from '../src/xml/parse.js';
import type { XmlElement } from '../src/xml/tree.js';

export interface ReadResponse {
  readonly href: string;
  readonly status?: number;
  /** Properties by Clark name, per propstat status. */
  readonly props: Record<number, Record<string, XmlElement>>;
}

const statusOf = (line: string) => Number(/HTTP\/\d\.\d (\d{3})/.exec(line)?.[1] ?? 0);

/** Reads a multistatus, whatever prefixes it uses: responses by href. */
export function readMultistatus(text: string): Record<string, ReadResponse> {
  const root = parseXml(text);
  if (clark(root) !== '{DAV:}multistatus') throw new Error(`not a multistatus: ${text.slice(0, 300)}`);
  const out: Record<string, ReadResponse> = {};
  for (const r of root.children.filter((c) => clark(c) === '{DAV:}response')) {
    const href = r.children.find((c) => clark(c) === '{DAV:}href')!.text;
    const props: Record<number, Record<string, XmlElement>> = {};
    for (const ps of r.children.filter((c) => clark(c) === '{DAV:}propstat')) {
      const status = statusOf(ps.children.find((c) => clark(c) === '{DAV:}status')!.text);
      for (const p of ps.children.find((c) => clark(c) === '{DAV:}prop')!.children) (props[status] ??= {})[clark(p)] = p;
    }
    const bare = r.children.find((c) => clark(c) === '{DAV:}status');
    out[href] = { href, props, ...(bare && { status: statusOf(bare.text) }) };
  }
  return out;
}

/** The hrefs inside a property. */
export const hrefsIn = (e: XmlElement | undefined): string[] => (e?.children ?? []).filter((c) => clark(c) === '{DAV:}href').map((c) => c.text);
