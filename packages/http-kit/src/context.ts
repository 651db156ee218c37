import type { Authentication } from '@almanac/accounts';
import type { Actor } from '@almanac/domain-kernel';
import type { Response } from 'express';

/** What the authentication middleware learned about a request, for the adapters behind it. */
export interface RequestContext {
  readonly auth: Authentication;
  readonly actor: Actor;
}

const KEY = 'almanac';

export function setContext(res: Response, ctx: RequestContext): void {
  res.locals[KEY] = ctx;
}

/** @throws Error when called before the authentication middleware (a wiring bug). */
export function getContext(res: Response): RequestContext {
  const ctx = res.locals[KEY] as RequestContext | undefined;
  if (!ctx) throw new Error('request context missing: is the authenticate middleware mounted before this route?');
  return ctx;
}
