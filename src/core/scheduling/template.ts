/**
 * Filling {placeholders} in a template in one pass: values are never re-scanned, unknown names stay
 * as written.
 */

/** Replaces {name} with values[name]; `{{` and `}}` give literal braces. */
export function renderTemplate(
  template: string,
  values: Pick<ReadonlyMap<string, string>, 'get'>,
): string {
  return template.replace(
    /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9]*)\}/g,
    (whole, name: string | undefined) => {
      if (whole === '{{') return '{';
      if (whole === '}}') return '}';
      const v = values.get(name as string);
      return v === undefined ? whole : v;
    },
  );
}
