import type { Brand, ResourceId, UserId } from '../ids.js';

export type LinkId = Brand<number, 'LinkId'>;
export const linkId = (n: number) => n as LinkId;

/** A file attached to an entry, kept in the database. */
export interface LinkedFile {
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

/**
 * A link from one entry to another entry of any app, or to an attached file (behaviour §3.13).
 * Entry links are symmetric: both ends list them.
 */
export interface StoredLink {
  readonly id: LinkId;
  readonly from: ResourceId;
  readonly to: { readonly kind: 'entry'; readonly resourceId: ResourceId } | ({ readonly kind: 'file' } & LinkedFile);
  readonly remark: string;
  /** e.g. `egroupware.org-primary` for an InfoLog entry's primary link. */
  readonly rel: string | null;
  readonly createdAt: Date;
  readonly createdBy: UserId | null;
}

export interface NewLink {
  readonly from: ResourceId;
  readonly to: { readonly kind: 'entry'; readonly resourceId: ResourceId } | ({ readonly kind: 'file'; readonly content: Uint8Array } & Omit<LinkedFile, 'size'>);
  readonly remark?: string;
  readonly rel?: string | null;
  readonly createdBy: UserId | null;
}

/** The largest attachment the server stores. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
