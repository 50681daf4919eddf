/** Small statistics used by the KPIs: mean, ratio, Net Promoter Score. */

/** Mean rounded to 2 decimals, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let s = 0;
  for (const v of values) s += v;
  return Math.round((s / values.length) * 100) / 100;
}

/**
 * part / whole rounded to 4 decimals (a fraction, formatted as percent), or null when whole is 0.
 */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null;
}

/**
 * Net Promoter Score from 0-10 answers: % promoters (9-10) minus % detractors (0-6), one decimal;
 * null for none.
 */
export function netPromoterScore(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let promoters = 0;
  let detractors = 0;
  for (const v of values) {
    if (v >= 9) promoters++;
    else if (v <= 6) detractors++;
  }
  return Math.round(((promoters - detractors) / values.length) * 1000) / 10;
}
