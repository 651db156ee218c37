import { vcardToJSContact } from '@almanac/codec-jscontact/vcard';
import { parseVCardEntries, type JCard } from '@almanac/codec-vcard';
import { type ContactData, readContact, sameUid, type StoredContact, uidSpellings } from '@almanac/domain-contacts';
import { type KernelRepositories, type ResourceDraft, ValidationError, type ValidationIssue } from '@almanac/domain-kernel';
import type { DavWriteContext } from '../../dav/dav-app.js';

const invalid = (message: string, issues: ValidationIssue[] = [{ path: '', message }]) =>
  new ValidationError(message, issues, 'contact/invalid');

/** The one vCard of a PUT body (RFC 6352 §5.1: an address object resource holds exactly one). */
function singleCard(text: string): JCard {
  const { cards, issues } = parseVCardEntries(text);
  if (cards.length === 0) throw invalid(issues[0]?.message ?? 'no vCard found', issues.map((i) => ({ path: '', message: i.message })));
  if (cards.length > 1) throw invalid(`an address object holds one vCard, this body has ${cards.length} (RFC 6352 §5.1)`);
  const parsed = cards[0]!.parsed;
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw invalid(first ? `${first.message}${first.line ? ` (line ${first.line})` : ''}` : 'not a vCard', parsed.errors.map((e) => ({ path: e.path ?? '', message: e.message })));
  }
  return parsed.value;
}

/** The UID the vCard itself names (empty when it has none: the codec then made one up). */
function uidOf(jcard: JCard): string {
  const uid = jcard[1].find((p) => p[0] === 'uid');
  return uid && typeof uid[3] === 'string' ? uid[3].trim() : '';
}

/**
 * The spellings a UID may be stored under: those of `uidSpellings` (as given, bare UUIDs in lower
 * case, `urn:uuid:`-prefixed) plus the bare form in the case it was given (`urn:uuid:5C5E…` names
 * a card stored as `5C5E…`, as Apple Contacts writes them).
 */
const spellingsOf = (uid: string): string[] => [...new Set([...uidSpellings(uid), uid.trim().replace(/^urn:uuid:/i, '')])];

/** `<name>.vcf` → `<name>`: the uid of a card that names none (behaviour §3.5: a PUT takes its uid from the URL). */
const uidFromName = (name: string) => name.replace(/\.(vcf|vcard)$/i, '');

/**
 * Reads a PUT body into a contact draft, by the same rules as a REST write: the codec turns the
 * vCard (2.1, 3.0 or 4.0; Apple groups included) into the canonical card (RFC 9555), then the
 * domain applies the address book's rules (`readContact`: uids, kind, name parts, well-known keys,
 * photos, custom fields, lists restricted to contacts of the same address book).
 *
 * UIDs: a card without UID takes it from the URL name; a replaced card keeps its stored UID (its
 * `urn:uuid:` spelling is the same UID) and another UID is handed to the layer, which answers 409
 * `no-uid-conflict`; a new card whose UID another card holds under another spelling is given that
 * spelling, so that the store reports the conflict with that card's href.
 * @throws ValidationError (the layer answers 403 `CARDDAV:valid-address-data`)
 */
export async function readVCardBody(
  repos: Pick<KernelRepositories, 'customFields' | 'resources'>, text: string, ctx: DavWriteContext,
): Promise<ResourceDraft<ContactData>> {
  const jcard = singleCard(text);
  const converted = vcardToJSContact(jcard);
  if (!converted.ok) throw invalid(converted.errors[0]?.message ?? 'not a vCard');
  let card = converted.value;
  const given = uidOf(jcard);
  const existing = ctx.existing as StoredContact | undefined;
  if (existing && given !== '' && !sameUid(given, existing.uid)) {
    // RFC 6352 §6.3.2.1: a PUT cannot change the UID of a stored card; the layer says where that UID lives.
    return { uid: given, name: existing.name, kind: existing.kind, data: existing.data };
  }
  if (!existing && given !== '') {
    for (const spelling of spellingsOf(given)) {
      if (spelling === given) continue;
      const other = await repos.resources.getByUid(ctx.collection.id, spelling);
      if (other) {
        card = { ...card, uid: other.uid };
        break;
      }
    }
  }
  return readContact(card, {
    ...(existing && { existing }),
    uidGiven: given !== '',
    ...(given === '' && !existing && { segment: uidFromName(ctx.name) }),
    strict: false,
    customFields: await repos.customFields.list('addressbook'),
    findByUid: async (uid) => {
      // `urn:uuid:<UID>` as Apple writes members names the card stored as `<UID>` in its own case too.
      for (const spelling of [uid, uid.replace(/^urn:uuid:/i, '')]) {
        const found = await repos.resources.getByUid(ctx.collection.id, spelling);
        if (found) return { uid: found.uid, kind: found.kind };
      }
      return undefined;
    },
  });
}
