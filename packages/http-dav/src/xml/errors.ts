import type { QName } from './names.js';

/**
 * Why an XML body was refused. The first group comes from {@link parseXml} (the body is not
 * acceptable XML), the second from the request readers (well-formed XML that is not a valid
 * request of its kind).
 */
export type XmlErrorReason =
  // parsing
  | 'too-large' // body above `limits.maxBytes`                              -> 413
  | 'too-deep' // nesting above `limits.maxDepth`                            -> 400
  | 'too-many-elements' // more than `limits.maxElements` elements          -> 400
  | 'too-many-attributes' // one element with more than `limits.maxAttributes` -> 400
  | 'encoding' // bytes not decodable in the declared/detected charset     -> 415
  | 'invalid-char' // a character XML 1.0 does not allow                   -> 400
  | 'dtd' // <!DOCTYPE>, <!ENTITY> or another markup declaration          -> 400
  | 'entity' // a reference other than the five predefined entities or a character reference -> 400
  | 'namespace' // unbound prefix, bad QName, reserved prefix misuse      -> 400
  | 'malformed' // anything else that is not well-formed XML              -> 400
  // request readers
  | 'empty' // a body is required and there is none                       -> 400
  | 'unexpected-root' // root element is not the one the method expects   -> 400
  | 'invalid-body' // required element missing, bad attribute value, …    -> 400
  | 'unsupported-report' // REPORT body not supported here  -> 403 DAV:supported-report
  | 'unsupported-collation' // text-match collation unknown -> 403 C:/CR:supported-collation
  | 'invalid-filter'; // calendar-query filter invalid       -> 403 CALDAV:valid-filter

const STATUS: Record<XmlErrorReason, number> = {
  'too-large': 413,
  'too-deep': 400,
  'too-many-elements': 400,
  'too-many-attributes': 400,
  encoding: 415,
  'invalid-char': 400,
  dtd: 400,
  entity: 400,
  namespace: 400,
  malformed: 400,
  empty: 400,
  'unexpected-root': 400,
  'invalid-body': 400,
  'unsupported-report': 403,
  'unsupported-collation': 403,
  'invalid-filter': 403,
};

/** Options of {@link XmlError}: where the problem is and which DAV precondition it violates. */
export interface XmlErrorDetails {
  /** 1-based line of the problem in the body, when known. */
  readonly line?: number;
  /** 1-based column of the problem in the body, when known. */
  readonly column?: number;
  /**
   * The precondition element to put in the `DAV:error` body (RFC 4918 §16), e.g.
   * `{ ns: 'DAV:', local: 'supported-report' }`. Absent for plain 400s.
   */
  readonly precondition?: QName;
  readonly cause?: unknown;
}

/**
 * The only error the XML layer throws: the body was refused. `status` is the HTTP status to
 * answer with (400, 403 with `precondition`, 413 or 415); `reason` is a stable code for logs and
 * tests. The message is safe to show to the client (it never echoes more than a short excerpt).
 *
 * @example
 * try { parseXml(body) } catch (err) {
 *   if (err instanceof XmlError) res.status(err.status) // …DAV:error body if err.precondition
 * }
 */
export class XmlError extends Error {
  readonly reason: XmlErrorReason;
  readonly status: number;
  readonly line?: number;
  readonly column?: number;
  readonly precondition?: QName;

  constructor(reason: XmlErrorReason, message: string, details: XmlErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'XmlError';
    this.reason = reason;
    this.status = STATUS[reason];
    if (details.line !== undefined) this.line = details.line;
    if (details.column !== undefined) this.column = details.column;
    if (details.precondition !== undefined) this.precondition = details.precondition;
  }
}

/** Shorthand for the readers: a well-formed body that is not a valid request. */
export function invalidBody(message: string, precondition?: QName): XmlError {
  return new XmlError('invalid-body', message, precondition ? { precondition } : {});
}
