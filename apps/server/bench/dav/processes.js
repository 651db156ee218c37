// Child processes of the benchmark: free ports, waiting for a server to answer, peak memory from
// /proc, and stopping exactly the process that was started (by its pid, never by name).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** Resolves once `url` answers any HTTP status; rejects after `seconds` or when `child` exits. */
export async function waitForHttp(url, child, seconds = 120) {
  let exited;
  child.once('exit', (code, signal) => { exited = `exited with ${code ?? signal}`; });
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${url}: server ${exited}`);
    try {
      const res = await fetch(url, { method: 'OPTIONS' });
      await res.arrayBuffer();
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`${url}: no answer within ${seconds} s`);
}

/** Resident and peak resident memory of a process in MB (VmRSS, VmHWM of /proc/<pid>/status). */
export function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
    return { rss: mb('VmRSS'), peak: mb('VmHWM') };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** Stops a child with SIGTERM (SIGKILL after `seconds`) and resolves when it is gone. */
export async function stopChild(child, seconds = 10) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), seconds * 1000);
  await gone;
  clearTimeout(timer);
}
