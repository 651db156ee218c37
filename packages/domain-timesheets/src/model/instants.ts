/**
 * Reads a date-time input into UTC `YYYY-MM-DDTHH:MM:SSZ`. A value without zone or offset is taken
 * as UTC (Almanac keeps no per-user time zone yet). Undefined for unparseable input.
 */
export function readUtcDateTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  // ISO 8601 extended or basic (20240206T100000Z), optionally with seconds, fraction and zone.
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[T ](\d{2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', , zone = 'Z'] = m;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2024-02-30 over into March; refuse dates that do not exist.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return undefined;
  return formatUtc(new Date(ms));
}

export const formatUtc = (date: Date): string => `${date.toISOString().slice(0, 19)}Z`;
