import type { Request } from 'express';

/**
 * Where the tree is published: the public origin (plus any path prefix of `publicUrl`) behind a
 * proxy, else the request's own scheme and host. No trailing slash.
 * @example publicOrigin(req, new URL('https://dav.example.org/')) // 'https://dav.example.org'
 */
export function publicOrigin(req: Request, publicUrl: URL | undefined): string {
  return publicUrl
    ? publicUrl.origin + publicUrl.pathname.replace(/\/$/, '')
    : `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** `<base-path><path>`: the absolute path of a path below the base (`/` base adds nothing). */
export const withBasePath = (basePath: string, path: string): string => (basePath === '/' ? path : `${basePath}${path}`);

/**
 * The absolute URL of a path below the base, as sync tokens and Content-Location carry it.
 * @example absoluteUrlOf(req, '/egw', undefined, '/alice/calendar/') // 'http://host/egw/alice/calendar/'
 */
export function absoluteUrlOf(req: Request, basePath: string, publicUrl: URL | undefined, path: string): string {
  return publicOrigin(req, publicUrl) + withBasePath(basePath, path);
}
