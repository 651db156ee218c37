import type { DavCall } from '../dav/context.js';
import { DAV_COMPLIANCE } from '../dav/compliance.js';
import { parsePrefer, preferenceApplied, type DavPreferences } from '../headers/prefer.js';
import { MULTISTATUS_CONTENT_TYPE } from '../xml/write/content-types.js';
import { MultistatusWriter } from '../xml/write/multistatus-writer.js';

/** The request's `Prefer` / `Brief` preferences. */
export const preferencesOf = (call: DavCall): DavPreferences =>
  parsePrefer({ prefer: call.req.headers.prefer, brief: call.req.headers.brief });

/**
 * Starts a `207 Multi-Status` answer: status, content type, the DAV header, and `Prefer:
 * return=minimal` / `Brief: t` honoured (RFC 8144 §2.1) with `Preference-Applied`.
 */
export function startMultistatus(call: DavCall, prefs: DavPreferences = preferencesOf(call)): MultistatusWriter {
  const { res } = call;
  res.status(207);
  res.setHeader('Content-Type', MULTISTATUS_CONTENT_TYPE);
  res.setHeader('DAV', DAV_COMPLIANCE);
  res.setHeader('Vary', 'Brief, Prefer');
  if (prefs.returnMinimal) res.setHeader('Preference-Applied', preferenceApplied(['return=minimal']));
  return new MultistatusWriter(res, { minimal: prefs.returnMinimal });
}
