import { describe, expect, it } from '@jest/globals';
import { jsonLogger } from './logger.js';

describe('jsonLogger', () => {
  it('writes one JSON object per line, batching the lines of one event-loop turn into one write', async () => {
    const writes: string[] = [];
    const log = jsonLogger((text) => writes.push(text));
    log.info('request', { path: '/a', status: 200 });
    log.error('boom', { err: new Error('bad', { cause: new Error('root') }) });
    expect(writes).toEqual([]);
    await new Promise((r) => setImmediate(r));
    expect(writes).toHaveLength(1);
    const lines = writes[0]!.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', path: '/a', status: 200, time: expect.any(String) });
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'boom', err: { name: 'Error', message: 'bad', cause: { message: 'root' } } });
  });
});
