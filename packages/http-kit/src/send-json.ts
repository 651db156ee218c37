import type { Request, Response } from 'express';

/** `Accept: application/pretty+json` asks for indented output (behaviour §2.3). */
export const wantsPretty = (req: Request): boolean => /application\/pretty\+json/i.test(req.headers.accept ?? '');

/** Sends JSON with the given status and content type, indented when the client asked for it. */
export function sendJson(req: Request, res: Response, status: number, body: unknown, contentType = 'application/json; charset=utf-8'): void {
  res.status(status).type(contentType).send(JSON.stringify(body, null, wantsPretty(req) ? 2 : undefined));
}
