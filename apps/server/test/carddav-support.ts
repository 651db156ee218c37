import { clark, parseXml } from '@almanac/http-dav';
import { type DavResponse, readMultistatus } from './dav-support.js';

export const CARDDAV = 'urn:ietf:params:xml:ns:carddav';
export const ADDRESS_DATA = `{${CARDDAV}}address-data`;
export const VCARD = { 'Content-Type': 'text/vcard; charset=utf-8' };

/** A vCard text from its content lines (CRLF, trailing newline), framed and versioned. */
export function vcardOf(version: '3.0' | '4.0', ...lines: string[]): string {
  return ['BEGIN:VCARD', `VERSION:${version}`, ...lines, 'END:VCARD', ''].join('\r\n');
}

/** The Clark name of the first condition inside a `DAV:error` body. */
export const conditionOf = (res: DavResponse): string => clark(parseXml(res.text).children[0]!);

/** The `DAV:href` inside the first condition of a `DAV:error` body (no-uid-conflict). */
export const conditionHref = (res: DavResponse): string | undefined =>
  parseXml(res.text).children[0]?.children.find((c) => clark(c) === '{DAV:}href')?.text;

/** The value of the first content line named `name` (unfolded), or undefined. */
export function lineOf(text: string, name: string): string | undefined {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  return new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'mi').exec(unfolded)?.[1];
}

/** Every content line named `name` (unfolded), whole. */
export function linesOf(text: string, name: string): string[] {
  const unfolded = text.replace(/\r?\n[ \t]/g, '');
  return unfolded.split(/\r?\n/).filter((l) => new RegExp(`^(?:[A-Za-z0-9-]+\\.)?${name}[;:]`, 'i').test(l));
}

/** address-data texts of a multistatus by href. */
export function addressDataByHref(text: string): Record<string, string | undefined> {
  const { responses } = readMultistatus(text);
  return Object.fromEntries(responses.map((r) => [r.href, r.ok[ADDRESS_DATA]?.text]));
}
