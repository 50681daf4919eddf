/** People as the terminal shows them: by name, with the email where names collide or on request. */

interface Named {
  email: string;
  name: string;
}

/**
 * A function from an email to its label: the name, `name <email>` when two people share the name
 * or with `verbose`, and the email itself for someone not in the roster.
 */
export function personLabels(people: readonly Named[], verbose = false): (email: string) => string {
  const key = (s: string) => s.trim().toLowerCase();
  const byEmail = new Map(people.map((p) => [key(p.email), p]));
  const names = new Map<string, number>();
  for (const p of people) names.set(key(p.name), (names.get(key(p.name)) ?? 0) + 1);
  return (email) => {
    const p = byEmail.get(key(email));
    if (!p?.name) return email;
    return verbose || (names.get(key(p.name)) ?? 0) > 1 ? `${p.name} <${p.email}>` : p.name;
  };
}
