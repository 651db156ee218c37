/**
 * Behaviour §5.4: InfoLog keeps four priorities (low, normal, high, urgent), shown as the RFC 8984
 * §4.4.1 values 9, 5, 3 and 1. Input 7–9 is low, 4–6 and 0 (undefined) normal, 2–3 high, 1 urgent.
 * Returns undefined for anything but an integer 0–9.
 * @example quantiseTaskPriority(8) // 9; quantiseTaskPriority(0) // 5
 */
export function quantiseTaskPriority(value: unknown): 1 | 3 | 5 | 9 | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 9) return undefined;
  if (value === 1) return 1;
  if (value === 2 || value === 3) return 3;
  return value >= 7 ? 9 : 5;
}
