import { describe, expect, it } from '@jest/globals';
import { parseVCards, stringifyVCard, type JCard } from '@almanac/codec-vcard';
import { jscontactToVCard, vcardToJSContact } from '../../src/vcard/index.js';
import { exclusions, readFixture, readFixtureJson, wrapVCard } from '../helpers/fixtures.js';
import { vcardStructure } from '../helpers/vcard-structure.js';

// Every vCard of the corpora goes text -> JSContact -> text (in its own version) and must keep
// every property, parameter and value, compared as parsed structures (vcard-structure.ts lists
// the equivalences). A UID is added to cards without one (RFC 9555 §2.1.1).
const sources: Array<[string, string]> = [];
for (const e of readFixtureJson<{ entries: Array<{ files: { input: string } }> }>('calcard/index-vcard.json').entries) {
  sources.push([`calcard/${e.files.input}`, readFixture(`calcard/${e.files.input}`)]);
}
for (const p of readFixtureJson<{ parserPairs: Array<{ files: { input: string } }> }>('ical.js/index.json').parserPairs) {
  if (p.files.input.endsWith('.vcf')) sources.push([`ical.js/${p.files.input}`, readFixture(`ical.js/${p.files.input}`)]);
}
for (const e of readFixtureJson<{ examples: Array<{ file: string }> }>('rfc-examples/rfc9554/examples.json').examples) {
  if (!e.file.endsWith('.vcf')) continue;
  readFixture(`rfc-examples/rfc9554/${e.file}`)
    .split(/\n\s*\n/)
    .forEach((part, i) => sources.push([`rfc9554/${e.file}#${i}`, wrapVCard(part)]));
}
for (const c of readFixtureJson<{ cases: Array<{ id: string; vcard: { file: string } }> }>('rfc-examples/rfc9555/cases.json').cases) {
  sources.push([`rfc9555/${c.id}`, wrapVCard(readFixture(`rfc-examples/rfc9555/${c.vcard.file}`))]);
}
for (const f of readFixtureJson<{ files: Array<{ tests: Array<{ blocks: Record<string, { file: string }> }> }> }>('calcard/cases-jscontact.json').files) {
  for (const t of f.tests) {
    for (const block of Object.values(t.blocks)) {
      if (block.file.endsWith('.vcf')) sources.push([block.file, wrapVCard(readFixture(`calcard/${block.file}`))]);
    }
  }
}
const excluded = exclusions(import.meta.url, 'vcf-roundtrip.exclusions.json');

function roundTrip(card: JCard): string | undefined {
  const version = card[1].find((p) => p[0] === 'version')?.[3] === '4.0' ? '4.0' : '3.0';
  const json = vcardToJSContact(card);
  if (!json.ok) return 'to JSContact failed';
  const back = jscontactToVCard(json.value, { version });
  if (!back.ok) return 'to vCard failed';
  const again = parseVCards(stringifyVCard(back.value));
  if (!again.ok || again.value.length !== 1) return 'output does not parse';
  const hadUid = card[1].some((p) => p[0] === 'uid');
  const a = vcardStructure(card);
  const b = vcardStructure(again.value[0]!).filter((p) => hadUid || !p.startsWith('["uid"'));
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  return `lost: ${a.filter((x) => !b.includes(x)).join('\n      ')}\nadded: ${b.filter((x) => !a.includes(x)).join('\n      ')}`;
}

describe.each(sources.map(([id, text]) => [id, text] as const))('%s', (id, text) => {
  const parsed = parseVCards(text);
  const cards = parsed.ok ? parsed.value : [];
  const reason = excluded.get(id);
  it(reason ? `is a known difference: ${reason}` : 'keeps every property and value through JSContact', () => {
    expect(cards.length).toBeGreaterThan(0);
    const problems = cards.map(roundTrip).filter((p) => p !== undefined);
    if (reason) expect(problems).not.toEqual([]);
    else expect(problems).toEqual([]);
  });
});

it('round-trips every vCard of the corpora', () => {
  expect(sources.length).toBeGreaterThan(300);
});
