// RFC 8984 §1.4.6 Duration (the ISO 8601 subset JSCalendar uses), e.g. P1DT2H30M, PT90M, P1W.
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Minutes of an ISO 8601 duration, or undefined when it is not one (or is empty, `P`/`PT`). */
export function isoDurationMinutes(text: string): number | undefined {
  const m = DURATION.exec(text.trim().toUpperCase());
  if (!m || text.trim().toUpperCase() === 'P' || text.trim().toUpperCase().endsWith('T')) return undefined;
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  return Math.round(((w * 7 + d) * 24 + h) * 60 + min + s / 60);
}

/**
 * Minutes from an input value: an integer number of minutes (or its string), or an ISO duration
 * such as `PT1H30M` (behaviour §5.5). Undefined for anything else.
 */
export function readMinutes(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return isoDurationMinutes(value);
}
