// Regenerates docs/report-executive.png, the screenshot of the HTML report's executive page that
// README shows: runs the demo in a temp folder, writes report.html, and photographs its first
// section in Debian's chromium (npm run setup:browser installs it).
// Usage: npm run build && node scripts/screenshot-report.mjs [out.png]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const out = resolve(process.argv[2] ?? join(root, 'docs', 'report-executive.png'));
const work = mkdtempSync(join(tmpdir(), 'mentor-shot-'));
const cli = (args) => {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'mentor-cli.js'), ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`mentor-cli ${args[0]}: ${r.stderr}`);
};
try {
  cli(['demo', join(work, 'demo')]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(pathToFileURL(join(work, 'demo', 'report.html')).href);
  await page.locator('section.exec').screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
