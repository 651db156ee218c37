import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * Mirrors the status line in `X-WebDAV-Status` on every response (behaviour §3.11), for clients
 * whose HTTP stack hides the real status. Set at the moment the head is written, so it always
 * matches whatever status a handler chose.
 */
export const webdavStatusHeader: RequestHandler = (_req, res, next) => {
  const writeHead = res.writeHead as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
  res.writeHead = function patchedWriteHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    const reason = typeof rest[0] === 'string' ? rest[0] : STATUS_CODES[statusCode] ?? '';
    if (!this.headersSent) this.setHeader('X-WebDAV-Status', `${statusCode} ${reason}`.trim());
    return writeHead.call(this, statusCode, ...rest);
  } as typeof res.writeHead;
  next();
};
