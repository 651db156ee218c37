import type { Card } from '@almanac/codec-jscontact';

type Set = Readonly<Record<string, true>>;
const set = (...names: string[]): Set => Object.fromEntries(names.map((n) => [n, true]));

/**
 * The reference's ten phone slots (behaviour §5.1, seed 003) with the features and contexts each
 * stands for, in RFC 9553 spelling (the `egroupware` profile writes `mobile` as `cell`).
 */
export const PHONE_SLOTS: Readonly<Record<string, { readonly features: Set; readonly contexts: Set }>> = {
  tel_work: { features: set('voice'), contexts: set('work') },
  tel_cell: { features: set('mobile'), contexts: set('work') },
  tel_fax: { features: set('fax'), contexts: set('work') },
  tel_assistent: { features: set('voice'), contexts: set('assistant') },
  tel_car: { features: set('voice'), contexts: set('car') },
  tel_pager: { features: set('pager'), contexts: set('work') },
  tel_home: { features: set('voice'), contexts: set('private') },
  tel_fax_home: { features: set('fax'), contexts: set('private') },
  tel_cell_private: { features: set('mobile'), contexts: set('private') },
  tel_other: { features: set('voice'), contexts: set('work') },
};

/** Keys of emails, links and addresses whose context the key already says (behaviour §5.1). */
const CONTEXT_OF_KEY: Readonly<Record<string, Record<string, Set>>> = {
  emails: { work: set('work'), private: set('private'), home: set('private') },
  links: { url: set('work'), url_home: set('private') },
  addresses: { work: set('work'), private: set('private'), home: set('private') },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function withDefaults(map: unknown, defaults: (key: string, entry: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (!isObject(map)) return map;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(map)) {
    const next = isObject(entry) ? defaults(key, entry) : entry;
    changed ||= next !== entry;
    out[key] = next;
  }
  return changed ? out : map;
}

const hasPref = (map: unknown) => isObject(map) && Object.values(map).some((e) => isObject(e) && e.pref !== undefined);

/**
 * Fills in what the reference's well-known keys imply, where the entry does not say otherwise
 * (behaviour §5.1, §8 check 3): `phones.tel_work` is a work voice phone, `emails.work` a work
 * address with `pref: 1` (when no address is preferred), `emails.private`/`home` a private one,
 * `links.url`/`url_home` (the `online` map) work/private, and `addresses.work` (preferred) and
 * `addresses.private`/`home` likewise. Keys and everything the client sent are kept as they are.
 */
export function withWellKnownKeys(card: Card): Card {
  const out: Record<string, unknown> = { ...card };
  out.phones = withDefaults(card.phones, (key, phone) => {
    const slot = PHONE_SLOTS[key];
    if (!slot || (phone.features !== undefined && phone.contexts !== undefined)) return phone;
    return { ...phone, ...(phone.features === undefined && { features: { ...slot.features } }), ...(phone.contexts === undefined && { contexts: { ...slot.contexts } }) };
  });
  for (const member of ['emails', 'links', 'addresses'] as const) {
    const preferred = hasPref(card[member]);
    out[member] = withDefaults(card[member], (key, entry) => {
      const contexts = CONTEXT_OF_KEY[member]![key];
      const addPref = member !== 'links' && key === 'work' && !preferred;
      if ((!contexts || entry.contexts !== undefined) && !addPref) return entry;
      return { ...entry, ...(contexts && entry.contexts === undefined && { contexts: { ...contexts } }), ...(addPref && { pref: 1 }) };
    });
  }
  for (const key of ['phones', 'emails', 'links', 'addresses']) if (out[key] === undefined) delete out[key];
  return out as Card;
}
