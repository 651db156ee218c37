import type { Response } from 'express';

const FLUSH_AT = 64 * 1024;

/**
 * Writes `{"responses": {…}, …tail}` to the response entry by entry, so that a listing of 10,000
 * resources never sits in memory as one string; respects backpressure. Pretty output (a debugging
 * aid) is buffered and indented at the end.
 */
export class JsonListingWriter {
  readonly #res: Response;
  readonly #pretty: boolean;
  readonly #collected: Record<string, unknown> = {};
  #buffer = '';
  #count = 0;

  constructor(res: Response, pretty: boolean) {
    this.#res = res;
    this.#pretty = pretty;
    res.status(200).type('application/json; charset=utf-8');
    if (!pretty) this.#buffer = '{"responses":{';
  }

  async entry(key: string, value: unknown): Promise<void> {
    if (this.#pretty) {
      this.#collected[key] = value;
      return;
    }
    this.#buffer += `${this.#count++ ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value ?? null)}`;
    if (this.#buffer.length >= FLUSH_AT) await this.#flush();
  }

  /** Ends the document with extra top-level members (`more-results`, `sync-token`), in order. */
  async end(tail: Record<string, unknown> = {}): Promise<void> {
    if (this.#pretty) {
      this.#res.send(JSON.stringify({ responses: this.#collected, ...tail }, null, 2));
      return;
    }
    this.#buffer += '}';
    for (const [key, value] of Object.entries(tail)) this.#buffer += `,${JSON.stringify(key)}:${JSON.stringify(value)}`;
    this.#buffer += '}';
    await this.#flush();
    this.#res.end();
  }

  async #flush(): Promise<void> {
    const chunk = this.#buffer;
    this.#buffer = '';
    if (!this.#res.write(chunk)) await new Promise<void>((resolve) => this.#res.once('drain', resolve));
  }
}
