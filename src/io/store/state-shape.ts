/**
 * The shape every state document must have. A file of the wrong shape (`[]` where a roster is
 * expected, `data: null`, a version from a newer mentor-cli) stops the command with one line: it is
 * never read as empty and then overwritten.
 */

/** The state version this mentor-cli writes and reads. */
export const STATE_VERSION = 1;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a state envelope's head (version, updatedAt); undefined when fine. */
export function envelopeProblem(env: unknown): string | undefined {
  if (!isObject(env)) return 'is not a mentor-cli state document (not a JSON object)';
  const v = env.version;
  if (typeof v === 'number' && Number.isInteger(v) && v > STATE_VERSION)
    return `was written by a newer mentor-cli (state version ${v}; this one reads version ${STATE_VERSION})`;
  if (v !== STATE_VERSION) return `has no valid state version (found ${describe(v)})`;
  if (!('data' in env)) return 'has no "data"';
  return undefined;
}

/** What is wrong with one element of a list state (participants); undefined when fine. */
export function itemProblem(name: string, item: unknown, index: number): string | undefined {
  if (name !== 'participants') return undefined;
  if (!isObject(item) || typeof item.email !== 'string')
    return `entry ${index + 1} of "data" is not a participant (it has no "email")`;
  return undefined;
}

/** What is wrong with a state document's `data` for its name; undefined when fine. */
export function dataProblem(name: string, data: unknown): string | undefined {
  switch (name) {
    case 'participants': {
      if (!Array.isArray(data)) return `"data" is ${describe(data)}, not a list of participants`;
      for (let i = 0; i < data.length; i++) {
        const p = itemProblem(name, data[i], i);
        if (p) return p;
      }
      return undefined;
    }
    case 'matches':
      // A bare list of pairs is what older versions and hand-made files hold (matchesOf reads it).
      if (Array.isArray(data)) data = { matches: data };
      if (!isObject(data)) return `"data" is ${describe(data)}, not the matches document`;
      for (const key of ['matches', 'runs', 'history'])
        if (key in data && !Array.isArray(data[key]))
          return `"data.${key}" is ${describe(data[key])}, not a list`;
      if (!Array.isArray(data.matches)) return '"data.matches" is missing';
      for (const [i, m] of data.matches.entries())
        if (!isObject(m) || typeof m.mentee !== 'string' || typeof m.mentor !== 'string')
          return `entry ${i + 1} of "data.matches" is not a pair (needs "mentee" and "mentor")`;
      return undefined;
    case 'mappings':
      if (!isObject(data)) return `"data" is ${describe(data)}, not the saved column mappings`;
      for (const [form, map] of Object.entries(data))
        if (!isObject(map) || Object.values(map).some((f) => typeof f !== 'string'))
          return `the mapping of form "${form.slice(0, 40)}" is not a set of header=field pairs`;
      return undefined;
    case 'schedule':
      if (!isObject(data)) return `"data" is ${describe(data)}, not the schedule document`;
      if (!isObject(data.events)) return `"data.events" is ${describe(data.events)}, not a map`;
      if (!Array.isArray(data.files)) return `"data.files" is ${describe(data.files)}, not a list`;
      return undefined;
    case 'surveys':
      if (!isObject(data)) return `"data" is ${describe(data)}, not the survey document`;
      if (!Array.isArray(data.headerSets) || !Array.isArray(data.responses))
        return '"data.headerSets" and "data.responses" must be lists';
      return undefined;
    case 'outbox':
      if (!isObject(data) || !Array.isArray(data.entries))
        return `"data" is ${describe(data)}, not the outbox (needs a list "entries")`;
      return undefined;
    case 'attention':
      if (!Array.isArray(data)) return `"data" is ${describe(data)}, not a list of attention items`;
      return undefined;
    case 'outcomes':
      if (!isObject(data) || !Array.isArray(data.records))
        return `"data" is ${describe(data)}, not the HR outcomes document`;
      return undefined;
    case 'fixes':
      if (!isObject(data) || !Array.isArray(data.fields) || !Array.isArray(data.rows))
        return `"data" is ${describe(data)}, not the fixes document (needs lists "fields" and "rows")`;
      return undefined;
    default:
      return undefined;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v === undefined) return 'missing';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v).slice(0, 20)}`;
}
