import type {
  Action, Actor, App, Collection, CollectionKind, ResourceDraft, ResourceFacts, ResourceQuery, StoredResource, User,
} from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import type { AddressDataRequest } from '../xml/requests/address-data.js';
import type { AddressbookQueryReport } from '../xml/requests/addressbook-query.js';
import type { CalendarDataRequest } from '../xml/requests/calendar-data.js';
import type { CalendarQueryReport } from '../xml/requests/calendar-query.js';
import type { TimeRange } from '../xml/requests/time-range.js';

/** What an app sees when it renders resources for one DAV request. */
export interface DavRenderContext {
  readonly actor: Actor;
  readonly me: User;
  /** The stored collection a resource of the request's view lives in. */
  readonly collectionOf: (r: StoredResource) => Collection;
  /** A per-request memo for lookups (accounts, custom fields) an app makes while rendering many resources. */
  readonly cache: Map<string, unknown>;
}

/** What an app sees when it reads a PUT body into a storage draft. */
export interface DavWriteContext extends DavRenderContext {
  /** The collection the resource is written to. */
  readonly collection: Collection;
  /** The resource being replaced; absent when the PUT creates one. */
  readonly existing?: StoredResource;
  /** The DAV name (decoded last URL segment) the resource gets or has, e.g. `<uid>.ics`. */
  readonly name: string;
  /** The request's Content-Type, as sent. */
  readonly contentType: string | undefined;
}

/** What the `write` and `remove` hooks see: the write context, the access policy and the request's headers. */
export interface DavStoreContext extends DavWriteContext {
  /** Whether the caller may do `action` on the collection written to, or on `r` in it (the kernel's policy with the view's grants). */
  readonly may: (action: Action, r?: StoredResource) => boolean;
  /** A request header by lower-case name (If-Schedule-Tag-Match, If-Match, …), for app-specific guards. */
  readonly header: (name: string) => string | undefined;
}

/** One media type of an app's resources: `supported-calendar-data` / `supported-address-data` and PUT bodies. */
export interface DavMediaType {
  /** `text/calendar`, `text/vcard`, … (no parameters). */
  readonly contentType: string;
  readonly version: string;
}

/**
 * What the generic DAV layer needs from one app (calendar, infolog, addressbook): how a stored
 * resource looks as iCalendar/vCard, and how a PUT body becomes a storage draft. Everything else
 * (the URL tree, access, conditional requests, PROPFIND/PROPPATCH, sync, MKCOL, errors) is the
 * layer's. It mirrors `RestApp` of `@almanac/http-rest`: the same resource has the same ETag on
 * both interfaces.
 *
 * Errors: `fromText` throws {@link DavPreconditionError} for DAV preconditions
 * (`preconditions.caldav.validCalendarData()`, `supportedCalendarComponent()`, …) or a kernel
 * `ValidationError` (answered `403` with `valid-calendar-data` / `valid-address-data`). `toText`
 * may throw for a resource it cannot render: that resource is then answered alone with `500`,
 * never the whole multistatus.
 */
export interface DavApp {
  readonly app: App;
  /** The collection kinds served (calendar: `calendar`, `inbox`, `outbox`; infolog: `tasks`; addressbook: `addressbook`). */
  readonly kinds: readonly CollectionKind[];
  /** The property that carries a resource's text in REPORTs (RFC 4791 §9.6 / RFC 6352 §10.4). */
  readonly dataProperty: 'calendar-data' | 'address-data';
  /** Media types accepted on PUT and advertised; the first is what GET and `?download` produce. */
  readonly mediaTypes: readonly DavMediaType[];
  /** `CALDAV:supported-calendar-component-set` of a collection (e.g. `['VEVENT']`); address books: undefined. */
  components?(collection: Collection): readonly string[];
  /** The ETag value without quotes; equal to the REST ETag of the same resource. */
  etag(r: StoredResource): string;
  /** RFC 6638 §3.2.10 Schedule-Tag without quotes (events). */
  scheduleTag?(r: StoredResource): string;
  /** `getcontenttype` and the GET Content-Type, e.g. `text/calendar; charset=utf-8; component=VEVENT`. */
  contentType(r: StoredResource): string;
  displayName(r: StoredResource): string;
  /** What the access policy needs: private flag, participants, extra readers. */
  facts(r: StoredResource): ResourceFacts;
  /**
   * The resource as text: the stored DAV text (`rawText`) when there is one and `version` doesn't
   * ask for another form, else generated from the canonical JSON.
   */
  toText(r: StoredResource, options: { readonly version?: string; readonly ctx: DavRenderContext }): string | Promise<string>;
  /** Reads a PUT body into a storage draft; the layer sets `name` and `rawText` (stored as received). */
  fromText(text: string, ctx: DavWriteContext): Promise<ResourceDraft>;
  /**
   * Joins the texts of a collection into one file for `?download` (behaviour §1.5). Default: one
   * VCALENDAR holding every component (time zones once), or the vCards one after the other.
   */
  bundle?(texts: readonly string[]): string;
  /**
   * Runs before a collection of the app (or a resource in it) is served, with the view its URL
   * names, and before a home listing shows the collection: e.g. to bring a collection derived from
   * other data (the accounts directory) up to date first, so its members, ctag and sync token are
   * current. Mirrors `RestApp.prepare`.
   */
  prepare?(view: CollectionView): Promise<void>;

  // Storing through the app. Without these hooks the layer stores drafts with the kernel's
  // ResourceRepository (revision-guarded) and deletes after checking the DELETE right.

  /**
   * Stores a PUT itself (calendars: scheduling copies in one unit of work, RFC 6638), after the
   * layer checked read access, the conditional headers, the media type and that the UID did not
   * change; `draft` carries `name` and `rawText` (the body as received). Rights beyond ADD for a
   * create are the hook's to check with `ctx.may` (a participant may answer without EDIT). Mirrors
   * `RestApp.write`. Returns the stored resource whose ETag the response carries.
   * @throws UidConflictError (409 `no-uid-conflict`), RevisionMismatchError / PreconditionFailedError (412),
   *   ForbiddenError, ValidationError (403 `valid-calendar-data` / `valid-address-data`)
   */
  write?(draft: ResourceDraft, ctx: DavStoreContext): Promise<StoredResource>;
  /**
   * Handles a DELETE of a resource itself (calendars: an attendee's delete declines, behaviour
   * §3.7), after the conditional headers were checked; the right is the hook's to check. Mirrors
   * `RestApp.remove`.
   */
  remove?(r: StoredResource, ctx: DavStoreContext): Promise<void>;

  // Extension points for the REPORTs that need the app's model. A report whose hook is missing is
  // not in the collection's supported-report-set and is refused with DAV:supported-report.

  /** Partial retrieval: `calendar-data` with `comp`/`expand`/`limit-*`, `address-data` with `prop`. Default: `toText`. */
  partialText?(r: StoredResource, request: CalendarDataRequest | AddressDataRequest, ctx: DavRenderContext): string | Promise<string>;
  /** Whether a resource matches a `calendar-query` filter (RFC 4791 §9.7). */
  calendarQuery?(r: StoredResource, report: CalendarQueryReport, ctx: DavRenderContext): boolean | Promise<boolean>;
  /**
   * A store filter every resource the `calendarQuery` hook can accept passes (e.g. the time range a
   * filter puts on events, against their stored series range), so that a query reads only those
   * from storage. Undefined: every resource is read and handed to the hook.
   */
  calendarQueryPrefilter?(report: CalendarQueryReport): ResourceQuery | undefined;
  /** Whether a resource matches an `addressbook-query` filter (RFC 6352 §10.5). */
  addressbookQuery?(r: StoredResource, report: AddressbookQueryReport, ctx: DavRenderContext): boolean | Promise<boolean>;
  /** A VCALENDAR with one VFREEBUSY for the resources overlapping `range` (RFC 4791 §7.10). */
  freeBusy?(resources: readonly StoredResource[], range: TimeRange, ctx: DavRenderContext): string | Promise<string>;
}

/** The DAV apps by app name, as the composition root registers them. */
export type DavApps = Readonly<Partial<Record<App, DavApp>>>;
