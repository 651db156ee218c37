import { describe, expect, it } from '@jest/globals';
import { parseXml } from '../xml/parse.js';
import { assertXmlEqual, canonicalXml, xmlEquals } from './canonical-xml.js';

describe('canonicalXml', () => {
  it('ignores prefixes, default namespaces, attribute order and whitespace-only text', () => {
    const a = '<D:multistatus xmlns:D="DAV:"><D:response>\n  <D:href> /a </D:href><D:x b="2" a="1"/></D:response></D:multistatus>';
    const b = '<multistatus xmlns="DAV:"><response><href>/a</href><x a="1" b="2"></x></response></multistatus>';
    expect(canonicalXml(a)).toBe(canonicalXml(b));
    expect(xmlEquals(a, b)).toBe(true);
  });

  it('tells different namespaces, names, attributes, text and order apart', () => {
    const base = '<D:a xmlns:D="DAV:"><D:b c="1">t</D:b><D:d/></D:a>';
    for (const other of [
      '<D:a xmlns:D="urn:other"><D:b c="1">t</D:b><D:d/></D:a>',
      '<D:a xmlns:D="DAV:"><D:B c="1">t</D:B><D:d/></D:a>',
      '<D:a xmlns:D="DAV:"><D:b c="2">t</D:b><D:d/></D:a>',
      '<D:a xmlns:D="DAV:"><D:b c="1">u</D:b><D:d/></D:a>',
      '<D:a xmlns:D="DAV:"><D:d/><D:b c="1">t</D:b></D:a>',
    ]) expect(xmlEquals(base, other)).toBe(false);
  });

  it('compares children of listed elements in any order', () => {
    const a = '<prop xmlns="DAV:"><getetag/><displayname>x</displayname></prop>';
    const b = '<prop xmlns="DAV:"><displayname>x</displayname><getetag/></prop>';
    expect(xmlEquals(a, b)).toBe(false);
    expect(xmlEquals(a, b, { unordered: ['{DAV:}prop'] })).toBe(true);
  });

  it('keeps inner whitespace when asked', () => {
    expect(xmlEquals('<a> x </a>', '<a>x</a>', { trimText: false })).toBe(false);
  });

  it('accepts parsed elements', () => {
    expect(canonicalXml(parseXml('<a xmlns="urn:x" k="v"/>'))).toBe('{urn:x}a k="v"');
  });

  it('throws a readable error from assertXmlEqual', () => {
    expect(() => assertXmlEqual('<a>1</a>', '<a>2</a>')).toThrow('XML differs');
  });
});
