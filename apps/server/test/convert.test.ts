import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, '..', 'dist', 'cli', 'main.js');
const FIXTURES = join(here, '..', '..', '..', '..', 'shared', 'fixtures');

function almanac(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, 'convert', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

const dir = mkdtempSync(join(tmpdir(), 'almanac-convert-'));
const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:conv-1', 'DTSTAMP:20240101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20240105T100000', 'DURATION:PT1H', 'SUMMARY:Convert me', 'X-CUSTOM;X-P=1:kept', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
const vcf = ['BEGIN:VCARD', 'VERSION:4.0', 'UID:urn:uuid:conv-card', 'FN:Jane Doe', 'N:Doe;Jane;;;', 'EMAIL;TYPE=work:jane@example.org', 'END:VCARD', ''].join('\r\n');
writeFileSync(join(dir, 'a.ics'), ics);
writeFileSync(join(dir, 'b.ics'), ics.replace('conv-1', 'conv-2').replace('Convert me', 'Second'));
writeFileSync(join(dir, 'broken.ics'), 'this is not a calendar');
writeFileSync(join(dir, 'c.vcf'), vcf);

describe('almanac convert', () => {
  it('converts one iCalendar file to JSCalendar and back, keeping unknown properties', async () => {
    const json = await almanac(['--from', 'ical', '--to', 'jscalendar', join(dir, 'a.ics')]);
    expect(json.code).toBe(0);
    const group = JSON.parse(json.stdout);
    const event = group['@type'] === 'Group' ? group.entries[0] : group;
    expect(event).toMatchObject({ '@type': 'Event', uid: 'conv-1', title: 'Convert me', start: '2024-01-05T10:00:00', timeZone: 'Europe/Berlin', duration: 'PT1H' });
    writeFileSync(join(dir, 'a.json'), json.stdout);
    const back = await almanac(['--from', 'jscalendar', '--to', 'ical', join(dir, 'a.json')]);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('SUMMARY:Convert me');
    expect(back.stdout).toMatch(/X-CUSTOM;X-P=1:kept/);
  });

  it('reads stdin and writes the egroupware profile when asked', async () => {
    const r = await almanac(['--from', 'vcard', '--to', 'jscontact', '--profile', 'egroupware'], vcf);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout);
    expect(card.fullName).toBe('Jane Doe');
    expect(Array.isArray(card.name)).toBe(true);
    const v3 = await almanac(['--from', 'vcard', '--to', 'vcard', '--vcard-version', '3.0', join(dir, 'c.vcf')]);
    expect(v3.stdout).toContain('VERSION:3.0');
  });

  it('writes one line per file in order, an error line for a failed file, and exits 1 after the rest', async () => {
    const r = await almanac(['--from', 'ical', '--to', 'jscalendar', join(dir, 'a.ics'), join(dir, 'broken.ics'), join(dir, 'b.ics')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(JSON.stringify(lines[0])).toContain('Convert me');
    expect(lines[1]).toEqual({ error: expect.stringContaining('broken.ics') });
    expect(JSON.stringify(lines[2])).toContain('Second');
    const text = await almanac(['--from', 'ical', '--to', 'ical', join(dir, 'a.ics'), join(dir, 'b.ics')]);
    const strings = text.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(strings.every((s: unknown) => typeof s === 'string' && s.startsWith('BEGIN:VCALENDAR'))).toBe(true);
  });

  it('converts every calcard sample calendar without crashing', async () => {
    const files = ['001', '002', '003', '010', '020'].map((n) => join(FIXTURES, 'calcard', 'resources', 'ical', `${n}.ics`));
    const r = await almanac(['--from', 'ical', '--to', 'jscalendar', ...files]);
    expect(r.stdout.trim().split('\n')).toHaveLength(files.length);
  });

  it('refuses bad arguments with exit code 2 and the usage', async () => {
    for (const args of [['--from', 'ical', '--to', 'vcard'], ['--from', 'nope', '--to', 'ical'], ['--from', 'vcard', '--to', 'jscontact', '--profile', 'x'], ['--bogus']]) {
      const r = await almanac(args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toContain('usage: almanac convert');
    }
    const missing = await almanac(['--from', 'ical', '--to', 'jscalendar', join(dir, 'nope.ics')]);
    expect(missing.code).toBe(1);
  });
});
