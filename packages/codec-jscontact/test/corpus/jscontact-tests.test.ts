import { describe, expect, it } from '@jest/globals';
import { parseVCard, stringifyVCard } from '@almanac/codec-vcard';
import { validateJSContact } from '../../src/index.js';
import { jscontactToVCard, vcardToJSContact } from '../../src/vcard/index.js';
import { canonicalCard } from '../helpers/compare.js';
import { exclusions, readFixtureJson } from '../helpers/fixtures.js';
import { matchVCard, rawProperties, type PropMatcher } from '../helpers/vcard-match.js';

// jmapio/jscontact-tests (fixtures README §2): each Card converts to a vCard the matchers accept,
// that vCard converts back to the same Card (modulo what upstream ignores), and the cards with
// invalidProps are rejected with those JSON pointers.
interface Case {
  id: string;
  jscontact: Record<string, unknown>;
  vcard: PropMatcher[] | null;
  skipToVCard: boolean;
  skipFromVCard: boolean;
  invalidProps: string[] | null;
}
const { cases } = readFixtureJson<{ cases: Case[] }>('jscontact-tests/cases.json');
const { defaultVcardMatches } = readFixtureJson<{ defaultVcardMatches: PropMatcher[] }>('jscontact-tests/defaults.json');
const excluded = exclusions(import.meta.url, 'jscontact-tests.exclusions.json');

function complete(c: Case): Record<string, unknown> {
  return { '@type': 'Card', version: '1.0', uid: 'urn:uuid:5f7f2e1c-6c38-4d7b-9d4e-5c6c1a0b9a11', ...c.jscontact };
}

function problems(c: Case): string[] {
  const card = complete(c);
  const out: string[] = [];
  if (c.invalidProps) {
    const issues = validateJSContact(card, { strict: true });
    const paths = issues.map((i) => i.path);
    for (const ptr of c.invalidProps) if (!paths.includes('/' + ptr)) out.push(`${ptr} not reported: ${JSON.stringify(issues)}`);
    return out;
  }
  const issues = validateJSContact(card, { strict: true });
  if (issues.length > 0) out.push('valid card rejected: ' + JSON.stringify(issues));
  const converted = jscontactToVCard(card);
  if (!converted.ok) return [...out, 'conversion failed'];
  const text = stringifyVCard(converted.value);
  if (!c.skipToVCard && c.vcard) {
    const named = new Set(c.vcard.map((m) => m.name.toUpperCase()));
    const matchers = [...c.vcard, ...defaultVcardMatches.filter((m) => !named.has(m.name.toUpperCase()))];
    const mismatch = matchVCard(rawProperties(text), matchers);
    if (mismatch) out.push(`vCard: ${mismatch}\n${text}`);
  }
  if (!c.skipFromVCard) {
    const parsed = parseVCard(text);
    const back = parsed.ok ? vcardToJSContact(parsed.value) : parsed;
    if (!back.ok) return [...out, 'back conversion failed'];
    const sentKeys = new Set(Object.keys(card));
    const drop = ['created', 'updated', 'prodId', 'vCardProps'].filter((k) => !sentKeys.has(k));
    const options = { ignoreDefaults: true, ignoreGroups: true, drop };
    const got = JSON.stringify(canonicalCard(back.value, options));
    const want = JSON.stringify(canonicalCard(card, options));
    if (got !== want) out.push(`back: ${got}\n want: ${want}`);
  }
  return out;
}

describe.each(cases.map((c) => [c.id, c] as const))('jscontact-tests %s', (id, c) => {
  const reason = excluded.get(id);
  if (reason === undefined) {
    it('converts as upstream expects', () => {
      expect(problems(c)).toEqual([]);
    });
  } else {
    it(`is a known difference: ${reason}`, () => {
      expect(problems(c)).not.toEqual([]);
    });
  }
});

it('has the 55 cases and an exclusion list naming only existing cases', () => {
  expect(cases.length).toBe(55);
  for (const id of excluded.keys()) expect(cases.map((c) => c.id)).toContain(id);
});
