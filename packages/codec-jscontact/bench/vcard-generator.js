// Deterministic, realistic vCards for the benchmark: half vCard 3.0 (Apple/EGroupware style,
// with item groups and X-ABLabel), half 4.0; names with prefixes and middle names, 1–3 emails,
// 1–3 phones, 1–2 addresses, an organization and title, birthday, categories, a note, a URL for
// a third, a nickname for a quarter and a photo (≈ 600 bytes, base64) for every tenth.

const GIVEN = ['Anna', 'Bernd', 'Chloé', 'David', 'Émile', 'Fatima', 'Günther', 'Hana', 'Ivan', 'Jürgen', 'Kenji', 'Lena', 'María', 'Noah', 'Olga', 'Pierre', 'Ralf', 'Sophie'];
const MIDDLE = ['', '', '', 'Maria', 'J.', 'Peter', 'Lou'];
const FAMILY = ['Müller', 'Schmidt', 'Dubois', 'García', 'Rossi', 'Nowak', 'Tanaka', 'Smith', "O'Brien", 'van der Berg', 'Kowalski', 'Øster', 'Becker'];
const PREFIX = ['', '', 'Dr.', 'Prof.', 'Mr.', 'Ms.'];
const CITIES = [
  ['Berlin', '10115', 'Germany'],
  ['Paris', '75001', 'France'],
  ['Madrid', '28001', 'Spain'],
  ['Kaiserslautern', '67655', 'Germany'],
  ['Amsterdam', '1012', 'Netherlands'],
  ['London', 'SW1A 1AA', 'United Kingdom'],
];
const STREETS = ['Hauptstraße', 'Rue de Rivoli', 'Calle Mayor', 'Kerkstraat', 'Baker Street'];
const ORGS = ['ACME Inc.', 'Example GmbH', 'Stadtwerke Nord', 'Blue Sky, Ltd.', 'Müller & Söhne KG'];
const UNITS = ['Sales', 'Research', 'IT', 'Accounting'];
const TITLES = ['Account Manager', 'Engineer', 'Head of IT', 'Consultant'];
const CATEGORIES = ['Friends', 'Work', 'Family', 'VIP', 'Newsletter', 'Golf'];
const NOTES = [
  'Met at the conference in Lisbon, talked about projects.\nFollow up in spring; bring samples.',
  'Prefers phone calls in the morning.',
  'Allergic to nuts — remember for the dinner.\nAssistant: Carla (ext. 12)',
];

function escape(text) {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');
}

/** Folds at 75 octets (RFC 6350 §3.2), never inside a UTF-8 sequence. */
function fold(line) {
  if (Buffer.byteLength(line) <= 75) return line;
  const out = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (size + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function generateVCards(count, seed = 42) {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const cards = [];
  for (let i = 0; i < count; i++) {
    const v4 = i % 2 === 0;
    const given = pick(GIVEN);
    const middle = pick(MIDDLE);
    const family = pick(FAMILY);
    const prefix = pick(PREFIX);
    const lines = ['BEGIN:VCARD', v4 ? 'VERSION:4.0' : 'VERSION:3.0'];
    lines.push(`UID:urn:uuid:${(0x10000000 + i).toString(16)}-7dec-11d0-a765-${(0x100000000000 + i * 7919).toString(16)}`);
    lines.push(`FN:${escape([prefix, given, middle, family].filter(Boolean).join(' '))}`);
    lines.push(`N:${escape(family)};${escape(given)};${escape(middle)};${escape(prefix)};`);
    if (i % 4 === 1) lines.push(`NICKNAME:${escape(given.slice(0, 3))}`);
    lines.push(`ORG:${escape(pick(ORGS))};${pick(UNITS)}`, `TITLE:${pick(TITLES)}`);
    const login = given.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
    const emails = 1 + Math.floor(random() * 3);
    for (let e = 0; e < emails; e++) {
      const address = `${login}.${family.length}${e}@example${e}.org`;
      if (v4) lines.push(`EMAIL;TYPE=${e === 0 ? 'work;PREF=1' : 'home'}:${address}`);
      else if (e === 2) lines.push(`item${e}.EMAIL;TYPE=INTERNET:${address}`, `item${e}.X-ABLabel:_$!<Other>!$_`);
      else lines.push(`EMAIL;TYPE=INTERNET,${e === 0 ? 'WORK,pref' : 'HOME'}:${address}`);
    }
    const phones = 1 + Math.floor(random() * 3);
    for (let p = 0; p < phones; p++) {
      const number = `+49 631 ${1000 + p}${String(i).padStart(5, '0')}`;
      const type = pick([['work', 'voice'], ['cell'], ['home', 'voice'], ['work', 'fax']]);
      if (v4) lines.push(`TEL;VALUE=uri;TYPE="${type.join(',')}":tel:${number.replace(/ /g, '-')}`);
      else lines.push(`TEL;TYPE=${type.map((t) => t.toUpperCase()).join(',')}:${number}`);
    }
    const addresses = 1 + Math.floor(random() * 2);
    for (let a = 0; a < addresses; a++) {
      const [city, code, country] = pick(CITIES);
      lines.push(`ADR;TYPE=${a === 0 ? 'work' : 'home'}:;;${escape(`${pick(STREETS)} ${1 + ((i * 7 + a) % 180)}`)};${city};;${code};${country}`);
    }
    if (i % 3 === 0) {
      const url = `https://www.example.org/~${login}`;
      lines.push(v4 ? `URL;TYPE=home:${url}` : `item9.URL:${url}`, ...(v4 ? [] : ['item9.X-ABLabel:_$!<HomePage>!$_']));
    }
    const year = 1950 + (i % 50);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`BDAY:${v4 ? `${year}${month}${day}` : `${year}-${month}-${day}`}`);
    const first = pick(CATEGORIES);
    const second = pick(CATEGORIES);
    lines.push(`CATEGORIES:${first === second ? first : `${first},${second}`}`);
    lines.push(`NOTE:${escape(pick(NOTES))}`);
    if (i % 10 === 0) {
      const photo = Buffer.from(Array.from({ length: 600 }, (_, k) => (k * 7 + i) % 256)).toString('base64');
      lines.push(v4 ? `PHOTO:data:image/jpeg;base64,${photo}` : `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`);
    }
    lines.push(`REV:${v4 ? '20240101T120000Z' : '2024-01-01T12:00:00Z'}`, 'END:VCARD');
    cards.push(lines.map(fold).join('\r\n') + '\r\n');
  }
  return cards;
}
