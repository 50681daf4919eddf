/** Time-zone facts from the runtime ICU data (pure: no I/O, usable from core). */

const cache = new Map<string, boolean>();

/** True when `tz` is an IANA zone the runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  let ok = cache.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      ok = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz) || tz === 'UTC';
    } catch {
      ok = false;
    }
    cache.set(tz, ok);
  }
  return ok;
}
