/**
 * Where Debian's chromium is, for the browser tests (playwright-core drives it; its own browser
 * download cannot work here). `.ci/run` installs the package when it is missing, so CI never
 * skips; on a developer machine without it the browser tests skip, and `npm run setup:browser`
 * installs it.
 */

import { existsSync } from 'node:fs';

/** The chromium binary, or undefined when there is none (then the browser tests skip). */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
  if (!found && process.env.CI === 'true')
    throw new Error('chromium is missing on CI: .ci/run installs the Debian package chromium');
  return found;
}
