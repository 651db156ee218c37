/**
 * Branded identifiers. They are plain numbers at run time; the brand only stops
 * a collection id from being passed where a resource id is expected.
 */
export type Brand<T, B extends string> = T & { readonly __brand: B };

/** Users and groups share one id space, as accounts do in the reference server. */
export type PrincipalId = Brand<number, 'PrincipalId'>;
export type UserId = PrincipalId & { readonly __principal: 'user' };
export type GroupId = PrincipalId & { readonly __principal: 'group' };
export type CollectionId = Brand<number, 'CollectionId'>;
/** The numeric REST id of a contact, event, task or timesheet. */
export type ResourceId = Brand<number, 'ResourceId'>;
export type AppTokenId = Brand<number, 'AppTokenId'>;

/**
 * A per-collection change number. Every write to a collection takes the next one,
 * in commit order; a sync token is one of these.
 */
export type ChangeNumber = number;

export const userId = (n: number) => n as UserId;
export const groupId = (n: number) => n as GroupId;
export const principalId = (n: number) => n as PrincipalId;
export const collectionId = (n: number) => n as CollectionId;
export const resourceId = (n: number) => n as ResourceId;
export const appTokenId = (n: number) => n as AppTokenId;
