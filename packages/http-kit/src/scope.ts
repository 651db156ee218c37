import { TokenScopeError, type Authentication } from '@almanac/accounts';
import { type App, tokenAllows } from '@almanac/domain-kernel';

/** Whether the request's credentials reach `app` (password logins reach everything). */
export const scopeAllows = (auth: Authentication, app: App): boolean => auth.scopes === 'all' || tokenAllows(auth.scopes, app);

/** @throws TokenScopeError (403) when an app token does not cover `app`. */
export function assertScope(auth: Authentication, app: App): void {
  if (!scopeAllows(auth, app)) throw new TokenScopeError(app);
}
