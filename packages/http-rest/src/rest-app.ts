import type {
  Action, Actor, App, Collection, ResourceDraft, ResourceFacts, StoredLink, StoredResource, User,
} from '@almanac/domain-kernel';
import type { CollectionView } from '@almanac/http-kit';
import type { Profile } from './flavor.js';

export interface RestRenderContext {
  readonly actor: Actor;
  readonly me: User;
  readonly profile: Profile;
  /** The stored collection a resource of the view lives in. */
  readonly collectionOf: (r: StoredResource) => Collection;
  /** Whether the caller may do `action` on a resource of the view (the kernel's policy with the view's grants). */
  readonly may?: (action: Action, r: StoredResource) => boolean;
}

export interface RestWriteContext {
  readonly actor: Actor;
  readonly me: User;
  readonly strict: boolean;
  readonly collection: Collection;
  /** Set for PUT/PATCH of an existing resource. */
  readonly existing?: StoredResource;
  /** The URL segment of a PUT that creates, e.g. a UID (behaviour §3.5 upsert). */
  readonly segment?: string;
  /** The request method, for apps whose PUT differs from a PATCH (InfoLog merges on PUT, behaviour §3.5). */
  readonly method?: 'POST' | 'PUT' | 'PATCH';
  /** A request header by lower-case name, for app-specific conditions (If-Schedule-Tag-Match). */
  readonly header?: (name: string) => string | undefined;
}

/** The context of the hooks that take over conditions and storing (`checkPreconditions`, `write`, `remove`). */
export interface RestStoreContext extends RestWriteContext {
  /** Whether the caller may do `action` on the target collection, or on `r` in it (the kernel's policy). */
  readonly may: (action: Action, r?: StoredResource) => boolean;
}

/** Who acts, for the hooks that run after a write. */
export interface RestHookContext {
  readonly actor: Actor;
  readonly me: User;
}

/**
 * A `filters[<name>]` column: a JSON path of the stored data whose value must equal the filter's,
 * or a function building the path and value from the filter's value (for values that name a
 * member, e.g. an account id keying `participants`).
 */
export type FilterColumn = readonly string[] | ((value: string) => { readonly path: readonly string[]; readonly value: string });

/**
 * What the generic REST pipeline needs from one app (addressbook, calendar, infolog, timesheet):
 * how its resources look as JSON and how JSON becomes a storage draft. Access, conditional
 * requests, listings, sync and errors are the pipeline's.
 */
export interface RestApp {
  readonly app: App;
  /** The listing's default property per resource (behaviour §3.1). */
  readonly dataProperty: 'address-data' | 'calendar-data' | 'data';
  /** `filters[<name>]` accepted for this app, mapped to a JSON path of the stored data. */
  readonly filterColumns: Readonly<Record<string, FilterColumn>>;
  /** Whether POST bodies may use the flat `a/b/c` syntax (behaviour §3.4: not timesheets). */
  readonly flatPost: boolean;
  /** The URL segment of a resource in REST mode (numeric id; `list-<id>` for distribution lists). */
  segment(r: Pick<StoredResource, 'id' | 'kind'>): string;
  /** The ETag value without quotes. */
  etag(r: StoredResource): string;
  scheduleTag?(r: StoredResource): string;
  contentType(r: StoredResource): string;
  /** The `displayname` property; `ctx` is given in listings, so that blanked resources stay blank. */
  displayName(r: StoredResource, ctx?: RestRenderContext): string;
  facts(r: StoredResource): ResourceFacts;
  /** A renderer for one request, so that lookups (accounts, custom fields) are made once. */
  renderer(ctx: RestRenderContext): Promise<(r: StoredResource) => unknown>;
  /** Reads a JSON body into a storage draft. @throws ValidationError */
  read(body: unknown, ctx: RestWriteContext): Promise<ResourceDraft>;
  /**
   * Runs before a request to a collection of this app (or to a resource in it) is served, with the
   * view its URL names: e.g. to bring a collection derived from other data up to date first.
   */
  prepare?(view: CollectionView): Promise<void>;
  /**
   * The JSON Schemas the OpenAPI document publishes: `input` validates request bodies (the app
   * validates with it, or with the codec that owns it), `resource` describes responses.
   */
  readonly schemas?: { readonly input: object; readonly resource: object; readonly mediaType: string };
  /** Runs after a POST/PUT/PATCH stored `r` (e.g. to keep links in step with the data). */
  afterWrite?(r: StoredResource, ctx: RestWriteContext): Promise<void>;
  /** Runs after a link from one of this app's entries was created in its links sub-collection. */
  linkAdded?(entry: StoredResource, link: StoredLink, ctx: RestHookContext): Promise<void>;
  /** Runs after a link at either end of which is one of this app's entries was removed. */
  linkRemoved?(entry: StoredResource, link: StoredLink, ctx: RestHookContext): Promise<void>;

  // The hooks below are optional; without them the pipeline reads with READ, checks If-Match and
  // If-None-Match, and stores through the kernel's ResourceRepository.

  /**
   * The least right that shows the app's collections and resources at all (default `read`).
   * Calendars: `read-free-busy`, since free/busy readers see events blanked (behaviour §4.3); the
   * renderer tells full from blanked with `RestRenderContext.may`.
   */
  readonly readAction?: 'read' | 'read-free-busy';
  /** Hides resources a caller holding `readAction` still may not know of (events with privacy `secret`). */
  visible?(r: StoredResource, ctx: RestRenderContext): boolean;
  /** The time range that non-sync listings without `filters[start|end]` cover (calendars: behaviour §3.1). */
  listingWindow?(): { readonly start: Date; readonly end: Date };
  /** Further `props[]` properties (e.g. `created-by`); undefined when the resource has no such property. */
  property?(name: string, r: StoredResource, ctx: RestRenderContext): unknown;
  /** Replaces the If-Match/If-None-Match check of PUT, PATCH and DELETE. @throws PreconditionFailedError */
  checkPreconditions?(r: StoredResource | undefined, ctx: RestStoreContext): void;
  /**
   * Stores a POST, PUT or PATCH itself (calendars: scheduling copies in one unit of work). Runs
   * after the read access and preconditions are checked; any right beyond ADD for a create is the
   * hook's to check with `ctx.may`. Returns the stored resource the response describes.
   */
  write?(draft: ResourceDraft, ctx: RestStoreContext): Promise<StoredResource>;
  /**
   * Handles a DELETE itself (calendars: an attendee's delete declines, behaviour §3.7), after the
   * read access and preconditions are checked; the right is the hook's to check with `ctx.may`.
   */
  remove?(r: StoredResource, ctx: RestStoreContext): Promise<void>;
}
