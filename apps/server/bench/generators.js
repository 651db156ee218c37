// Realistic entries per app for the REST benchmark.
const pick = (xs, i) => xs[i % xs.length];
const words = ['Review', 'Planning', 'Support', 'Workshop', 'Design', 'Budget', 'Meeting', 'Travel', 'Documentation', 'Release'];

export const GENERATORS = {
  timesheet: {
    path: '/bench/timesheet/',
    make: (i) => ({
      '@type': 'timesheet', title: `${pick(words, i)} ${pick(words, i * 7)} #${i}`,
      description: `Worked on ${pick(words, i * 3).toLowerCase()} for customer ${i % 97}.\nFollow-up needed.`,
      start: new Date(Date.UTC(2024, 0, 1, 8) + i * 3_600_000).toISOString(), duration: 15 + (i % 16) * 15,
      project: `P-${i % 40}`, unitprice: 80 + (i % 5) * 10, category: { [pick(['dev', 'ops', 'sales'], i)]: true },
    }),
    patch: (i) => ({ title: `patched ${i}` }),
  },
};

const first = ['Anna', 'Ben', 'Clara', 'David', 'Eva', 'Felix', 'Greta', 'Hugo', 'Ida', 'Jonas', 'Karla', 'Lukas'];
const last = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann'];
const cities = ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt', 'Leipzig'];

GENERATORS.addressbook = {
  path: '/bench/addressbook/',
  make: (i) => {
    const given = pick(first, i);
    const surname = pick(last, i * 7 + 3);
    return {
      name: [{ '@type': 'NameComponent', type: 'personal', value: given }, { '@type': 'NameComponent', type: 'surname', value: surname }],
      fullName: `${given} ${surname}`,
      organizations: { org: { '@type': 'Organization', name: `Company ${i % 50} GmbH`, units: { org_unit: 'Sales' } } },
      emails: { work: { '@type': 'EmailAddress', email: `${given}.${surname}.${i}@example.org`.toLowerCase() }, ...(i % 3 === 0 && { private: { '@type': 'EmailAddress', email: `${given}${i}@mail.example` } }) },
      phones: { tel_work: { '@type': 'Phone', phone: `+49 30 ${1000000 + i}` }, ...(i % 2 === 0 && { tel_cell: { '@type': 'Phone', phone: `+49 170 ${2000000 + i}` } }) },
      addresses: { work: { '@type': 'Address', street: [{ '@type': 'StreetComponent', type: 'name', value: `Hauptstraße ${i % 200}` }], locality: pick(cities, i), postcode: `${10000 + (i % 89999)}`, countryCode: 'DE' } },
      notes: [`Met at conference ${2015 + (i % 10)}.`],
      categories: { [pick(['customer', 'supplier', 'friend'], i)]: true },
    };
  },
  patch: (i) => ({ 'organizations/org/name': `Patched ${i} AG` }),
};

GENERATORS.calendar = {
  path: '/bench/calendar/',
  make: (i) => {
    const start = new Date(Date.UTC(2026, 0, 1, 8) + (i % 700) * 86_400_000 + (i % 9) * 3_600_000);
    const local = start.toISOString().slice(0, 19);
    return {
      title: `${pick(words, i)} with ${pick(first, i * 3)}`,
      description: `Agenda item ${i}: ${pick(words, i * 5).toLowerCase()}.`,
      start: local, timeZone: pick(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo'], i), duration: pick(['PT30M', 'PT1H', 'PT1H30M'], i),
      locations: { 1: { '@type': 'Location', name: `Room ${i % 12}` } },
      alerts: { a1: { '@type': 'Alert', trigger: { '@type': 'OffsetTrigger', offset: '-PT15M' } } },
      participants: { p1: { '@type': 'Participant', name: `Guest ${i}`, email: `guest${i}@example.net`, roles: { attendee: true } } },
      ...(i % 10 === 0 && { recurrenceRules: [{ '@type': 'RecurrenceRule', frequency: 'weekly', count: 20 }] }),
    };
  },
  patch: (i) => ({ title: `patched ${i}` }),
};
