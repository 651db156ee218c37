/**
 * Converts a vCalendar 1.0 recurrence rule (vCalendar 1.0 §3.6.21 / §3.9.17,
 * e.g. `W2 MO TH #10`, `MP1 1+ FR #0`, `MD1 7 LD 19971224T000000Z`) into a
 * jCal recur value (RFC 7265 §3.6.10). Returns undefined when the rule
 * does not follow the grammar; the caller then keeps the raw text.
 */
export function vcalRecurToJCal(rule: string): Record<string, unknown> | undefined {
  const tokens = rule.trim().split(/\s+/);
  const head = /^(D|W|MP|MD|YM|YD)(\d+)$/i.exec(tokens[0] ?? '');
  if (!head) return undefined;
  const kind = head[1]!.toUpperCase();
  const freq = { D: 'DAILY', W: 'WEEKLY', MP: 'MONTHLY', MD: 'MONTHLY', YM: 'YEARLY', YD: 'YEARLY' }[kind]!;
  const out: Record<string, unknown> = { freq };
  const interval = Number(head[2]);
  if (interval > 1) out.interval = interval;
  const byday: string[] = [];
  const numbers: number[] = [];
  let pendingOrdinal: number[] = [];
  for (const raw of tokens.slice(1)) {
    const tok = raw.replace(/\$$/, '').toUpperCase();
    if (/^#\d+$/.test(tok)) {
      const count = Number(tok.slice(1));
      if (count > 0) out.count = count;
      continue;
    }
    const until = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(tok);
    if (until) {
      out.until = until[4] ? `${until[1]}-${until[2]}-${until[3]}T${until[4]}:${until[5]}:${until[6]}${until[7]}` : `${until[1]}-${until[2]}-${until[3]}`;
      continue;
    }
    if (/^(SU|MO|TU|WE|TH|FR|SA)$/.test(tok)) {
      if (pendingOrdinal.length > 0) for (const n of pendingOrdinal) byday.push(`${n}${tok}`);
      else byday.push(tok);
      continue;
    }
    const ord = /^(\d+)([+-]?)$/.exec(tok);
    if (ord) {
      const n = Number(ord[1]) * (ord[2] === '-' ? -1 : 1);
      if (kind === 'MP') pendingOrdinal = pendingOrdinal.concat(n);
      else numbers.push(n);
      continue;
    }
    if (tok === 'LD') {
      numbers.push(-1);
      continue;
    }
    return undefined;
  }
  if (byday.length > 0) out.byday = byday.length === 1 ? byday[0] : byday;
  if (numbers.length > 0) {
    const key = kind === 'MD' ? 'bymonthday' : kind === 'YM' ? 'bymonth' : kind === 'YD' ? 'byyearday' : undefined;
    if (!key) return undefined;
    out[key] = numbers.length === 1 ? numbers[0] : numbers;
  }
  return out;
}
