import { describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { dav } from '../names.js';
import { parseXml } from '../parse.js';
import { MULTISTATUS_CONTENT_TYPE } from './content-types.js';
import { renderMultistatus, type DavResponse } from './multistatus.js';
import { MultistatusWriter } from './multistatus-writer.js';

function responses(count: number): DavResponse[] {
  return Array.from({ length: count }, (_, i) => (i % 10 === 9
    ? { href: `/alice/calendar/deleted-${i}.ics`, status: 404 }
    : { href: `/alice/calendar/event-${i}.ics`, propstats: [{ status: 200, props: [{ name: dav('getetag'), value: `"${i}:1"` }] }] }));
}

/** A Writable that accepts a few KiB, then reports backpressure until it is drained asynchronously. */
class SlowSink extends Writable {
  chunks: string[] = [];
  maxChunk = 0;
  constructor() {
    super({ highWaterMark: 4096, decodeStrings: false });
  }
  override _write(chunk: string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    this.maxChunk = Math.max(this.maxChunk, chunk.length);
    setImmediate(done);
  }
}

describe('MultistatusWriter', () => {
  it('streams the same document renderMultistatus builds, in bounded chunks, honouring backpressure', async () => {
    const items = responses(10_000);
    const sink = new SlowSink();
    let drains = 0;
    sink.on('drain', () => drains++);
    const writer = new MultistatusWriter(sink, { chunkSize: 8192 });
    for (const item of items) await writer.write(item);
    await writer.truncated('/alice/calendar/');
    await writer.end({ syncToken: 'http://h/alice/calendar/77' });
    await new Promise((resolve) => sink.once('finish', resolve));

    expect(sink.chunks.join('')).toBe(renderMultistatus(items, { truncatedHref: '/alice/calendar/', syncToken: 'http://h/alice/calendar/77' }));
    expect(writer.responses).toBe(10_001);
    expect(sink.chunks.length).toBeGreaterThan(50);
    expect(sink.maxChunk).toBeLessThan(8192 + 1024);
    expect(drains).toBeGreaterThan(0);
  });

  it('stops writing once the sink is destroyed (client gone) without hanging', async () => {
    const sink = new SlowSink();
    const writer = new MultistatusWriter(sink, { chunkSize: 100 });
    await writer.write(responses(1)[0] as DavResponse);
    sink.destroy();
    for (const item of responses(50)) await writer.write(item);
    await writer.end();
    expect(writer.closed).toBe(true);
    expect(sink.chunks.join('').length).toBeLessThan(1000);
  });

  it('writes to a real http.ServerResponse that a client can parse', async () => {
    const items = responses(2_000);
    const server: Server = createServer((_req, res) => {
      res.statusCode = 207;
      res.setHeader('Content-Type', MULTISTATUS_CONTENT_TYPE);
      const writer = new MultistatusWriter(res, { minimal: true });
      void (async () => {
        for (const item of items) await writer.write(item);
        await writer.end({ syncToken: 'http://h/t/1' });
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const reply = await fetch(`http://127.0.0.1:${port}/`);
      const body = await reply.text();
      expect(reply.status).toBe(207);
      expect(reply.headers.get('content-type')).toBe(MULTISTATUS_CONTENT_TYPE);
      const root = parseXml(body, { maxElements: 1_000_000, maxBytes: 10 * 1024 * 1024 });
      expect(root.children.filter((c) => c.local === 'response')).toHaveLength(2_000);
      expect(root.children.at(-1)?.text).toBe('http://h/t/1');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('writes an empty multistatus when ended without responses', async () => {
    const chunks: string[] = [];
    const writer = new MultistatusWriter({ write: (c) => { chunks.push(c); } });
    await writer.end();
    expect(chunks.join('')).toBe(renderMultistatus([]));
  });

  it('refuses writes after end (a handler bug, not client input)', async () => {
    const writer = new MultistatusWriter({ write: () => true });
    await writer.end();
    await expect(writer.write({ href: '/a', status: 404 })).rejects.toThrow('write after end');
  });
});
