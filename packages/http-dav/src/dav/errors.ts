import { InvalidSyncTokenError, ValidationError } from '@almanac/domain-kernel';
import { sendError } from '@almanac/http-kit';
import type { Response } from 'express';
import { HeaderError } from '../headers/header-error.js';
import { XmlError } from '../xml/errors.js';
import { el, type XmlContent, type XmlElement } from '../xml/tree.js';
import { renderDavError } from '../xml/write/dav-error.js';
import { DAV_ERROR_CONTENT_TYPE } from '../xml/write/content-types.js';
import { preconditions, preconditionOf } from '../xml/write/preconditions.js';

/** Almanac's own namespace, for the human-readable text beside a precondition. */
export const ALMANAC_NS = 'urn:almanac:dav';

/**
 * A failed DAV precondition or postcondition (RFC 4918 §16): answered with `status` and a
 * `DAV:error` body holding `condition` (from `preconditions`) and the message. Apps throw it from
 * `fromText`, e.g. `new DavPreconditionError(403, preconditions.caldav.supportedCalendarComponent(), 'VJOURNAL is not accepted here')`.
 */
export class DavPreconditionError extends Error {
  constructor(readonly status: number, readonly condition: XmlElement, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DavPreconditionError';
  }
}

/** Sends a `DAV:error` body: the condition elements plus `<A:message>` with the text. */
export function sendDavError(res: Response, status: number, conditions: XmlContent, message?: string, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  const text = message === undefined ? undefined : el(`{${ALMANAC_NS}}message`, message);
  res.status(status).type(DAV_ERROR_CONTENT_TYPE).send(renderDavError([conditions, text]));
}

/**
 * Answers the errors the DAV layer knows how to express (preconditions, refused XML bodies and
 * headers, sync tokens); returns false for anything else, which goes on to the JSON error handler.
 */
export function answerDavError(res: Response, err: unknown): boolean {
  if (res.headersSent) return false;
  if (err instanceof DavPreconditionError) {
    sendDavError(res, err.status, err.condition, err.message);
    return true;
  }
  if (err instanceof XmlError) {
    const condition = preconditionOf(err);
    if (condition) sendDavError(res, err.status, condition, err.message);
    else sendError(res, err.status, err.message);
    return true;
  }
  if (err instanceof HeaderError) {
    sendError(res, err.status, err.message);
    return true;
  }
  // DECISIONS.md "Sync tokens": an unknown, malformed, foreign or expired token is 403 valid-sync-token.
  if (err instanceof InvalidSyncTokenError) {
    sendDavError(res, 403, preconditions.validSyncToken(), err.message);
    return true;
  }
  return false;
}

/** The precondition for a body an app refused (ValidationError): valid-calendar-data or valid-address-data. */
export function invalidDataError(dataProperty: 'calendar-data' | 'address-data', err: ValidationError): DavPreconditionError {
  const condition = dataProperty === 'calendar-data' ? preconditions.caldav.validCalendarData() : preconditions.carddav.validAddressData();
  const detail = err.issues[0] ? ` (${err.issues[0].path || '/'}: ${err.issues[0].message})` : '';
  return new DavPreconditionError(403, condition, `${err.message}${detail}`, { cause: err });
}
