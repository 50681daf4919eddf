/**
 * Time zones people almost wrote: typos of zone and city names ("Londn", "Amercia/New_York") and
 * countries that span several zones ("USA", "Australia", "Brazil").
 */

/** Countries with more than one zone: the zones a person there may mean, most populous first. */
const MULTI_ZONE_COUNTRIES: Record<string, readonly string[]> = {
  usa: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
  australia: ['Australia/Sydney', 'Australia/Brisbane', 'Australia/Adelaide', 'Australia/Perth'],
  brazil: ['America/Sao_Paulo', 'America/Manaus', 'America/Recife', 'America/Rio_Branco'],
  canada: ['America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Halifax'],
  mexico: ['America/Mexico_City', 'America/Tijuana', 'America/Cancun', 'America/Chihuahua'],
  russia: ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Asia/Vladivostok'],
};
const COUNTRY_NAMES: Record<string, string> = {
  usa: 'usa',
  us: 'usa',
  'u s': 'usa',
  'u s a': 'usa',
  'united states': 'usa',
  'united states of america': 'usa',
  america: 'usa',
  australia: 'australia',
  brazil: 'brazil',
  brasil: 'brazil',
  canada: 'canada',
  mexico: 'mexico',
  russia: 'russia',
};

/** The zones of a country that has several, or undefined. `key` is folded text. */
export function countryZones(key: string): readonly string[] | undefined {
  const country = COUNTRY_NAMES[key];
  return country && Object.hasOwn(COUNTRY_NAMES, key) ? MULTI_ZONE_COUNTRIES[country] : undefined;
}

/**
 * Optimal-string-alignment distance (a swap of two neighbours counts as one edit), giving up as soon
 * as it must exceed `max`.
 */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The one candidate closest to `text` within a small number of edits (1 for short words, 2 from
 * 8 characters); undefined when none is that close or two are equally close. `candidates` maps
 * the spelling compared to the zone it means.
 */
export function nearestZone(
  text: string,
  candidates: ReadonlyMap<string, string>,
): string | undefined {
  if (text.length < 4) return undefined;
  const max = text.length >= 8 ? 2 : 1;
  let best = max + 1;
  let found = new Set<string>();
  for (const [spelling, zone] of candidates) {
    const d = distance(text, spelling, Math.min(max, best));
    if (d < best) {
      best = d;
      found = new Set([zone]);
    } else if (d === best && d <= max) found.add(zone);
  }
  return best <= max && found.size === 1 ? [...found][0] : undefined;
}
