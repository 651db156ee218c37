// Runs oracle.py (Debian's python3-recurring-ical-events) on a batch of cases.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OracleCase {
  id: string;
  ics: string;
  from: string;
  to: string;
  floatingZone?: string;
  uid?: string;
}

export type OracleResult = [start: string, end: string][] | { error: string };

/** Debian's interpreter: the pyenv `python3` on PATH may lack the package. */
export const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'oracle.py');
const INSTALL_HINT = 'install it with `apt-get install -y python3-recurring-ical-events` (CI\'s .ci/run does)';

/** Runs the oracle; throws with an install hint when Python or the package is missing. */
export function runOracle(cases: OracleCase[]): Record<string, OracleResult> {
  if (!existsSync(PYTHON)) throw new Error(`the recurrence oracle needs ${PYTHON}; ${INSTALL_HINT}`);
  const run = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify({ cases }), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`oracle.py failed (${run.status}): ${run.stderr}`);
  const out = JSON.parse(run.stdout) as Record<string, OracleResult> & { __missing__?: string };
  if (out.__missing__ !== undefined) throw new Error(`python3-recurring-ical-events is not installed (${out.__missing__}); ${INSTALL_HINT}`);
  return out;
}
