/**
 * `report --format html` on the demo program: the figures on the executive page against the JSON
 * report, the two audiences, and a real browser (Debian's chromium through playwright-core):
 * no console errors, no network request, every chart drawn with a size, the executive page on
 * one A4 landscape page, a screenshot and a PDF written.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, tempDir, removeDir, type CliResult } from '../helpers/cli.js';
import { chromiumPath } from '../helpers/browser.js';

const NOW = '2027-06-30';
let root: string;
let dir: string;
let demo: CliResult;
let leadership: string;
let manager: string;
let report: {
  kpis: Array<{ id: string; label: string; value: number | null; met: boolean | null }>;
  waves: Array<{ wave: string; opened: boolean; nps: number | null; responseRate: number | null }>;
  atRiskPairs: Array<{ mentee: string; mentor: string }>;
};
let people: Array<{ email: string; name: string }>;

const cli = (args: string[]) => runCli(['--dir', dir, ...args, '--now', NOW], { cwd: root });

beforeAll(() => {
  root = tempDir();
  dir = join(root, 'demo');
  demo = runCli(['demo', dir], { cwd: root, timeoutMs: 180_000 });
  if (demo.code !== 0) return;
  expect(cli(['report', '--format', 'html']).code).toBe(0);
  expect(cli(['report', '--audience', 'manager', '--out', 'manager.html']).code).toBe(0);
  leadership = readFileSync(join(dir, 'report.html'), 'utf8');
  manager = readFileSync(join(root, 'manager.html'), 'utf8');
  report = JSON.parse(cli(['report', '--format', 'json']).stdout);
  people = JSON.parse(readFileSync(join(dir, '.mentor', 'participants.json'), 'utf8')).data;
}, 300_000);
afterAll(() => removeDir(root));

const text = (html: string) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('report --format html', () => {
  it('writes report.html in the program folder, one self-contained file', () => {
    expect(demo.code).toBe(0);
    expect(leadership.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(leadership).toContain('http-equiv="Content-Security-Policy"');
    expect(leadership).toMatch(/default-src 'none'/);
    // No script, no stylesheet or image from elsewhere: only inline SVG and CSS.
    expect(leadership).not.toMatch(/<script|<link |<img |<iframe|@import|url\(/i);
    expect(leadership.match(/\s(?:src|href)="(?!#)[^"]*"/g) ?? []).toEqual([]);
  });

  it('shows the headline KPIs as the JSON report has them, and counts the targets met', () => {
    const exec = leadership.slice(0, leadership.indexOf('</section>'));
    const tiles = [
      ...exec.matchAll(/<div class="label">([^<]+)<\/div><div class="value[^"]*">([^<]+)</g),
    ];
    expect(tiles.length).toBe(8);
    const byLabel = new Map(report.kpis.map((k) => [k.label, k]));
    const match = byLabel.get('Match rate (mentees matched)')!;
    const tile = tiles.find((t) => t[1] === match.label)!;
    expect(tile[2]).toBe(`${Math.round(match.value! * 1000) / 10}%`);
    const nps = report.kpis.find((k) => k.id === 'nps')!;
    expect(tiles.find((t) => t[1] === nps.label)![2]).toBe(String(Math.round(nps.value!)));
    const withTarget = report.kpis.filter((k) => k.met !== null);
    const met = withTarget.filter((k) => k.met).length;
    expect(text(exec)).toContain(`${met} of ${withTarget.length} KPI targets met`);
  });

  it('states findings in plain words computed from the waves', () => {
    const withNps = report.waves.filter((w) => w.opened && w.nps !== null);
    const [first, last] = [withNps[0], withNps[withNps.length - 1]];
    const verb = last.nps! > first.nps! ? 'rose' : 'fell';
    const findings = [...leadership.matchAll(/<li>([^<]+)<\/li>/g)].map((m) => m[1]);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    expect(findings[0]).toBe(
      `NPS ${verb} from ${Math.round(first.nps!)} at ${first.wave} to ${Math.round(last.nps!)} at ${last.wave}.`,
    );
    const active = people.filter((p) => (p as { status?: string }).status !== 'withdrawn');
    const mentors = active.filter((p) => (p as { role?: string }).role === 'mentor');
    expect(
      findings.some((f) =>
        new RegExp(`^\\d+ of ${mentors.length} mentors had no mentee\\.$`).test(f),
      ),
    ).toBe(true);
  });

  it('leadership sees aggregates only; the manager also sees who needs help', () => {
    expect(report.atRiskPairs.length).toBeGreaterThan(0);
    const names = new Map(people.map((p) => [p.email, p.name]));
    const atRisk = report.atRiskPairs.map((p) => names.get(p.mentee)!);
    for (const person of people) expect(text(leadership)).not.toContain(person.name);
    for (const name of atRisk) expect(text(manager)).toContain(name);
  });

  it('refuses an unknown audience with one line', () => {
    const r = cli(['report', '--format', 'html', '--audience', 'board']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--audience "board" is not leadership or manager');
  });
});

describe.skipIf(!chromiumPath())('report.html in a real browser', () => {
  it('renders every chart, asks the network for nothing, prints the executive page on page 1', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: chromiumPath()!,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (err) => errors.push(err.message));
      const url = pathToFileURL(join(dir, 'report.html')).href;
      page.on('request', (r) => r.url() !== url && requests.push(r.url()));
      await page.goto(url);
      const sizes = await page.$$eval('figure[data-chart] svg', (svgs) =>
        svgs.map((s) => {
          const box = s.getBoundingClientRect();
          return { id: s.closest('figure')!.dataset.chart, w: box.width, h: box.height };
        }),
      );
      expect(sizes.length).toBeGreaterThanOrEqual(5);
      for (const s of sizes) expect(s.w * s.h, s.id).toBeGreaterThan(1000);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      const shot = join(root, 'report.png');
      await page.screenshot({ path: shot, fullPage: false });
      // A4 landscape at 96 dpi less the 10 mm margins: 1047 x 718 CSS pixels.
      await page.setViewportSize({ width: 1047, height: 718 });
      await page.emulateMedia({ media: 'print' });
      const exec = await page.$eval('section.exec', (s) => s.getBoundingClientRect().height);
      expect(exec).toBeLessThanOrEqual(718);
      const pdf = join(root, 'report.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(existsSync(pdf)).toBe(true);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
