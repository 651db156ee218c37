import type { RequestHandler } from 'express';
import { sendError } from './problem.js';

/**
 * Refuses a request whose declared body exceeds `maxBytes` before reading any of it (413).
 * Bodies without Content-Length (chunked) are bounded by the parsers, which take the same limit.
 */
export function bodyLimit(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      res.setHeader('Connection', 'close');
      return sendError(res, 413, `request body too large (limit ${maxBytes} bytes)`);
    }
    next();
  };
}

/** Parses sizes such as `10mb`, `512kb`, `1048576`. @throws Error on anything else. */
export function parseByteSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!m) throw new Error(`not a size: '${text}' (use e.g. 10mb, 512kb or a number of bytes)`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}
