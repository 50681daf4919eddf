import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const headings = readme
  .split('\n')
  .filter((l) => l.startsWith('## '))
  .map((l) => l.slice(3));

describe('README', () => {
  it('keeps a section for every stage of the cycle and the project conventions', () => {
    for (const part of [
      'Quick start',
      'mentor-cli init',
      'mentor-cli import',
      'Seeing and exporting participants',
      'mentor-cli match',
      'mentor-cli schedule',
      'mentor-cli intro',
      'Surveys, status and the KPI report',
      'mentor-cli demo',
      'Configuration',
      'Conventions every command keeps',
      'Speed',
      'For developers',
    ]) {
      expect(
        headings.some((h) => h.includes(part)),
        part,
      ).toBe(true);
    }
  });

  it('shows the two commands a newcomer needs and the exit codes', () => {
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm test');
    expect(readme).toMatch(/### Exit codes[\s\S]*\| 130 \|/);
  });

  it('the Architecture tree names every folder under src/', () => {
    const section = readme.slice(readme.indexOf('### Architecture'), readme.indexOf('### Checks'));
    const folders = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .flatMap((e) => [e.name, ...folders(join(dir, e.name))]);
    const tree = section.split('\n');
    for (const name of folders('src')) {
      expect(
        tree.some((l) => new RegExp(`(^|[\\s/])${name}/`).test(l)),
        `${name}/ in README's Architecture tree`,
      ).toBe(true);
    }
  });
});
