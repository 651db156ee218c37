import type { ConfigFlags } from '../config.js';

const GLOBAL = ['data-dir', 'database-url'] as const;

/**
 * Takes the store flags that every command accepts (`--data-dir`, `--database-url`, as `--x v` or
 * `--x=v`) out of argv, so that each command parses only its own options.
 */
export function extractGlobalFlags(argv: readonly string[]): { flags: ConfigFlags; rest: string[] } {
  const flags: ConfigFlags = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = GLOBAL.find((g) => arg === `--${g}` || arg.startsWith(`--${g}=`));
    if (!name) {
      rest.push(arg);
      continue;
    }
    if (arg.includes('=')) flags[name] = arg.slice(arg.indexOf('=') + 1);
    else if (i + 1 < argv.length) flags[name] = argv[++i]!;
    else throw new Error(`--${name} needs a value`);
  }
  return { flags, rest };
}
