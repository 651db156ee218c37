import { detectProfile, parseJSContactInput } from '@almanac/codec-jscontact';
import { type ContactData, readContact, type StoredContact } from '@almanac/domain-contacts';
import { type KernelRepositories, type ResourceDraft, ValidationError, type ValidationIssue } from '@almanac/domain-kernel';
import type { RestWriteContext } from '../../rest-app.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const named = (v: unknown) => typeof v === 'string' && v.trim() !== '';

/** Whether the body names a uid itself (a CardGroup may carry it in its `card`). */
const namesUid = (body: Record<string, unknown>) => named(body.uid) || (isObject(body.card) && named(body.card.uid));

/**
 * A CardGroup names its list twice, `name` and `card.fullName` (behaviour §5.2: "`name` (or
 * `card.fullName`)"). A GET body carries both, so after a PATCH the one that differs from the
 * stored name is the new one; otherwise `name` wins. The codec reads `card.fullName` first.
 */
function withGroupName(body: Record<string, unknown>, existing: StoredContact | undefined): Record<string, unknown> {
  if (body['@type'] !== 'CardGroup' || typeof body.name !== 'string' || !isObject(body.card) || typeof body.card.fullName !== 'string') return body;
  const stored = existing?.data.name?.full;
  const fullName = body.card.fullName !== stored && body.name === stored ? body.card.fullName : body.name;
  return { ...body, name: fullName, card: { ...body.card, fullName } };
}

/** Issues about the canonical card, pointed into the `egroupware` shape the client sent (photos are `media` there). */
const toEgroupwarePointer = (issue: ValidationIssue): ValidationIssue => {
  const photo = /^\/media\/([^/]+)\/uri$/.exec(issue.path);
  return photo ? { ...issue, path: `/photos/${photo[1]}/href` } : issue;
};

function invalid(issues: ValidationIssue[]): ValidationError {
  const first = issues[0] ?? { path: '', message: 'invalid' };
  return new ValidationError(`Error parsing JsContact Card attribute '${first.path.slice(1) || '(root)'}': ${first.message}`, issues, 'contact/invalid');
}

/**
 * Reads a request body into a contact draft: the codec turns JSON in either profile (strictly
 * for `application/jscontact+json`, behaviour §2.2) into the canonical card, then the domain
 * applies the address book's rules. Problems are a 422 with JSON pointers into the body.
 * @throws ValidationError
 */
export async function readContactBody(
  repos: Pick<KernelRepositories, 'customFields' | 'resources'>, body: unknown, ctx: RestWriteContext,
): Promise<ResourceDraft<ContactData>> {
  // DECISIONS.md: null removes. A relaxed body's `"phones": null` is a card without phones (the
  // reference answers 422 there, behaviour §3.6); the strict types keep RFC 9553's rules.
  const relaxed = !ctx.strict && isObject(body) ? Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null)) : body;
  const input = isObject(relaxed) ? withGroupName(relaxed, ctx.existing as StoredContact | undefined) : relaxed;
  const parsed = parseJSContactInput(input, { strict: ctx.strict });
  if (!parsed.ok) throw invalid(parsed.errors.map((e) => ({ path: e.path ?? '', message: e.message })));
  const egroupware = isObject(input) && detectProfile(input) === 'egroupware';
  try {
    return await readContact(parsed.value, {
      existing: ctx.existing as StoredContact | undefined,
      uidGiven: isObject(input) && namesUid(input),
      segment: ctx.segment,
      strict: ctx.strict,
      customFields: await repos.customFields.list('addressbook'),
      findByUid: async (uid) => {
        const found = await repos.resources.getByUid(ctx.collection.id, uid);
        return found && { uid: found.uid, kind: found.kind };
      },
    });
  } catch (err) {
    if (!(err instanceof ValidationError) || !egroupware) throw err;
    throw invalid(err.issues.map(toEgroupwarePointer));
  }
}
