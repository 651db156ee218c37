import { MultistatusSerializer, type DavResponse, type MultistatusEnd, type MultistatusOptions } from './multistatus.js';

/**
 * Where a {@link MultistatusWriter} writes: a Node `Writable` such as `http.ServerResponse` or an
 * Express `res`, or anything with a `write` method. `write` returning `false` means "wait for
 * `drain`" (Node's backpressure); `end` is called by {@link MultistatusWriter.end}.
 */
export interface XmlSink {
  write(chunk: string): boolean | void;
  end?(): unknown;
  once?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  removeListener?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  readonly destroyed?: boolean;
  readonly writableEnded?: boolean;
}

/** Options of {@link MultistatusWriter}. */
export interface MultistatusWriterOptions extends MultistatusOptions {
  /** Output is buffered into chunks of about this many characters (default 16 KiB). */
  readonly chunkSize?: number;
}

/**
 * Streams a `207 Multi-Status` body response by response, so a REPORT over 10 000 resources
 * never holds the whole document: memory stays at one chunk plus one response. It honours
 * backpressure (awaits `drain`) and stops writing once the client has gone (`closed`), so the
 * caller can stop reading from the database too.
 *
 * The caller sets status and headers first (`207`, `Content-Type: MULTISTATUS_CONTENT_TYPE`);
 * a resource that fails to load is written as its own response (e.g. status 500) rather than
 * aborting the document (DECISIONS.md "Errors").
 *
 * @example
 * res.status(207).setHeader('Content-Type', MULTISTATUS_CONTENT_TYPE);
 * const ms = new MultistatusWriter(res, { minimal: prefs.returnMinimal });
 * for await (const item of changes) await ms.write(toResponse(item));
 * if (truncated) await ms.truncated(collectionHref);
 * await ms.end({ syncToken });
 */
export class MultistatusWriter {
  readonly #sink: XmlSink;
  readonly #serializer: MultistatusSerializer;
  readonly #chunkSize: number;
  #buffer: string[] = [];
  #buffered = 0;
  #opened = false;
  #ended = false;
  #count = 0;

  constructor(sink: XmlSink, options: MultistatusWriterOptions = {}) {
    this.#sink = sink;
    this.#serializer = new MultistatusSerializer(options);
    this.#chunkSize = Math.max(1, options.chunkSize ?? 16 * 1024);
  }

  /** Number of responses written so far (the 507 marker included). */
  get responses(): number {
    return this.#count;
  }

  /** True once the sink is destroyed or ended: later writes are dropped. */
  get closed(): boolean {
    return this.#sink.destroyed === true || this.#sink.writableEnded === true;
  }

  /** Writes one `DAV:response`. */
  async write(response: DavResponse): Promise<void> {
    this.#ensureOpen();
    this.#count++;
    await this.#push(this.#serializer.response(response));
  }

  /** Writes the RFC 6578 §3.6 truncation marker (507 + `number-of-matches-within-limits`). */
  async truncated(collectionHref: string): Promise<void> {
    this.#ensureOpen();
    this.#count++;
    await this.#push(this.#serializer.truncated(collectionHref));
  }

  /** Writes the end of the document (description, sync token), flushes and ends the sink. */
  async end(end: MultistatusEnd = {}): Promise<void> {
    if (this.#ended) return;
    this.#ensureOpen();
    this.#ended = true;
    await this.#push(this.#serializer.close(end), true);
    if (!this.closed) this.#sink.end?.();
  }

  #ensureOpen(): void {
    if (this.#ended) throw new Error('MultistatusWriter: write after end');
    if (!this.#opened) {
      this.#opened = true;
      this.#buffer.push(this.#serializer.open());
    }
  }

  async #push(text: string, flush = false): Promise<void> {
    this.#buffer.push(text);
    this.#buffered += text.length;
    if (!flush && this.#buffered < this.#chunkSize) return;
    const chunk = this.#buffer.join('');
    this.#buffer = [];
    this.#buffered = 0;
    if (this.closed) return;
    if (this.#sink.write(chunk) === false) await this.#drained();
  }

  #drained(): Promise<void> {
    const sink = this.#sink;
    if (!sink.once || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        sink.removeListener?.('drain', done);
        sink.removeListener?.('close', done);
        sink.removeListener?.('error', done);
        resolve();
      };
      sink.once?.('drain', done);
      sink.once?.('close', done);
      sink.once?.('error', done);
    });
  }
}
