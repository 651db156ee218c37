/** Structured logging: one JSON object per line, so logs can be searched and shipped as they are. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

/**
 * Writes JSON lines (`{"time","level","msg",…}`), stdout by default. Lines logged in one turn of
 * the event loop go out in one write: stdout to a file or pipe is synchronous in Node, and a
 * write per request line costs a system call per request.
 */
export function jsonLogger(write: (text: string) => void = (text) => process.stdout.write(text)): Logger {
  let pending: string[] = [];
  const flush = () => {
    const text = pending.join('');
    pending = [];
    write(text);
  };
  const log = (level: Level) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, errorReplacer)}\n`);
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** Keeps every line of an in-memory log, for tests. */
export class MemoryLogger implements Logger {
  readonly entries: { level: Level; msg: string; fields: Record<string, unknown> }[] = [];
  info(msg: string, fields: Record<string, unknown> = {}) { this.entries.push({ level: 'info', msg, fields }); }
  warn(msg: string, fields: Record<string, unknown> = {}) { this.entries.push({ level: 'warn', msg, fields }); }
  error(msg: string, fields: Record<string, unknown> = {}) { this.entries.push({ level: 'error', msg, fields }); }
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

// Errors have no enumerable fields; log their message, stack and cause chain.
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack, ...(value.cause !== undefined && { cause: value.cause }) };
  }
  return value;
}
