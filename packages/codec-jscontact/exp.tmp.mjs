import { parseVCards } from '@almanac/codec-vcard';
import { vcardToJSContact } from './dist/vcard/index.js';
const mk = (extra) => parseVCards(`BEGIN:VCARD\r\nVERSION:4.0\r\nUID:x\r\nFN:Jane\r\n${extra}END:VCARD\r\n`).value[0];
const cases = {
  minimal: mk(''),
  email: mk('EMAIL;TYPE=work:a@b.c\r\n'),
  email5: mk('EMAIL;TYPE=work:a@b.c\r\n'.repeat(5)),
  tel5: mk('TEL;VALUE=uri;TYPE="work,voice":tel:+49-1\r\n'.repeat(5)),
  adr: mk('ADR;TYPE=work:;;Street 1;City;;12345;Germany\r\n'),
  n: mk('N:Doe;Jane;;Dr.;\r\n'),
  bday: mk('BDAY:19800101\r\n'),
  rev: mk('REV:20240101T120000Z\r\n'),
  cat: mk('CATEGORIES:a,b\r\n'),
  note: mk('NOTE:hello\r\n'),
  org: mk('ORG:ACME;Sales\r\nTITLE:Boss\r\n'),
};
for (const [k, card] of Object.entries(cases)) {
  for (let w = 0; w < 3; w++) for (let i = 0; i < 20000; i++) vcardToJSContact(card);
  const t0 = process.cpuUsage();
  for (let i = 0; i < 100000; i++) vcardToJSContact(card);
  const u = process.cpuUsage(t0);
  console.log(k.padEnd(8), ((u.user + u.system) / 100000).toFixed(2), 'µs/card');
}
