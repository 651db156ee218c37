import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { convertCalendarData } from '@almanac/codec-jscalendar/icalendar';
import { convertContacts } from '@almanac/codec-jscontact/vcard';

export const CONVERT_USAGE = 'almanac convert --from <ical|jscalendar|vcard|jscontact> --to <…> [--profile rfc|egroupware] [--vcard-version 3.0|4.0] [--strict] [FILE…]';

const FAMILY: Record<string, 'calendar' | 'contacts'> = { ical: 'calendar', jscalendar: 'calendar', vcard: 'contacts', jscontact: 'contacts' };
const JSON_FORMATS = new Set(['jscalendar', 'jscontact']);

export interface ConvertIo {
  readStdin(): Promise<Uint8Array>;
  readFile(path: string): Promise<Uint8Array>;
  out(text: string): void;
  err(text: string): void;
}

export const processIo: ConvertIo = {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  readFile: (path) => readFile(path),
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

type Result = { ok: true; text: string; warnings: string[] } | { ok: false; error: string };

interface Options {
  from: string;
  to: string;
  profile: 'rfc' | 'egroupware';
  vcardVersion: '3.0' | '4.0';
  strict: boolean;
}

function convertOne(input: Uint8Array, o: Options): Result {
  const issueText = (i: { message: string; path?: string; line?: number }) =>
    `${i.message}${i.line !== undefined ? ` (line ${i.line})` : ''}${i.path ? ` at ${i.path}` : ''}`;
  const parsed = FAMILY[o.from] === 'calendar'
    ? convertCalendarData(input, { from: o.from as 'ical', to: o.to as 'ical', profile: o.profile, strict: o.strict })
    : convertContacts(new TextDecoder().decode(input), { from: o.from as 'vcard', to: o.to as 'vcard', profile: o.profile, vcardVersion: o.vcardVersion, strict: o.strict });
  if (!parsed.ok) return { ok: false, error: parsed.errors.map(issueText).join('; ') || 'conversion failed' };
  return { ok: true, text: parsed.value, warnings: parsed.warnings.map(issueText) };
}

/**
 * `almanac convert`: converts stdin or each file between iCalendar and JSCalendar, or vCard and
 * JSContact. One input writes its result as it is; several write one line each in input order
 * (JSON compact, text formats as a JSON string, a failure as `{"error": "…"}`) and exit 1 after the
 * rest when any failed. Returns the exit code.
 */
export async function runConvert(args: string[], io: ConvertIo = processIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let files: string[];
  try {
    ({ values, positionals: files } = parseArgs({
      args, allowPositionals: true, strict: true,
      options: { from: { type: 'string' }, to: { type: 'string' }, profile: { type: 'string' }, 'vcard-version': { type: 'string' }, strict: { type: 'boolean' } },
    }));
  } catch (err) {
    io.err(`almanac convert: ${(err as Error).message}\nusage: ${CONVERT_USAGE}\n`);
    return 2;
  }
  const from = String(values.from ?? '');
  const to = String(values.to ?? '');
  const profile = String(values.profile ?? 'rfc');
  const vcardVersion = String(values['vcard-version'] ?? '4.0');
  const problem = !FAMILY[from] ? `--from must be one of ${Object.keys(FAMILY).join(', ')}`
    : !FAMILY[to] ? `--to must be one of ${Object.keys(FAMILY).join(', ')}`
    : FAMILY[from] !== FAMILY[to] ? `cannot convert ${from} to ${to}: calendars (ical, jscalendar) and contacts (vcard, jscontact) do not mix`
    : profile !== 'rfc' && profile !== 'egroupware' ? '--profile must be rfc or egroupware'
    : vcardVersion !== '3.0' && vcardVersion !== '4.0' ? '--vcard-version must be 3.0 or 4.0'
    : undefined;
  if (problem) {
    io.err(`almanac convert: ${problem}\nusage: ${CONVERT_USAGE}\n`);
    return 2;
  }
  const options: Options = { from, to, profile: profile as Options['profile'], vcardVersion: vcardVersion as Options['vcardVersion'], strict: values.strict === true };

  if (files.length <= 1) {
    let input: Uint8Array;
    try {
      input = files.length ? await io.readFile(files[0]!) : await io.readStdin();
    } catch (err) {
      io.err(`almanac convert: ${(err as Error).message}\n`);
      return 1;
    }
    const result = convertOne(input, options);
    if (!result.ok) {
      io.err(`almanac convert: ${result.error}\n`);
      return 1;
    }
    for (const w of result.warnings) io.err(`warning: ${w}\n`);
    io.out(result.text);
    return 0;
  }

  let failed = false;
  for (const file of files) {
    let line: string;
    try {
      const result = convertOne(await io.readFile(file), options);
      if (result.ok) line = JSON_FORMATS.has(to) ? JSON.stringify(JSON.parse(result.text)) : JSON.stringify(result.text);
      else {
        failed = true;
        line = JSON.stringify({ error: `${file}: ${result.error}` });
      }
    } catch (err) {
      failed = true;
      line = JSON.stringify({ error: `${file}: ${(err as Error).message}` });
    }
    io.out(`${line}\n`);
  }
  return failed ? 1 : 0;
}
