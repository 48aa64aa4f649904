/**
 * Formats follow the reader's Jira locale (issue 12, part 3): no formatter in the UI falls back to
 * the browser's locale, and no code spells month names. A heuristic over the source text.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'build' || name.startsWith('.')) return [];
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function findings(dirs: string[], pattern: RegExp): string[] {
  return dirs.flatMap(sources).flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .flatMap((line, index) => (pattern.test(line) ? [`${file}:${index + 1}`] : [])),
  );
}

// The domain's columns and timeline ticks are data now ({ kind: 'month', year, month }), said by the
// UI with Intl (test/guard/no-hard-coded-formats.test.ts has the wider rules). Nothing may join this list.
const KNOWN_MONTH_NAMES: string[] = [];

describe('locale-aware formats', () => {
  test('no Intl formatter or toLocale…String in the UI is left to the browser’s locale', () => {
    // `Intl.X(undefined, …)` / `Intl.X()` (except to read the browser's time zone) / `n.toLocaleString()`.
    const browserLocale = /Intl\.\w+\(\s*(undefined\b|\)(?!\.resolvedOptions\(\)\.timeZone))|\.toLocale\w*String\(\s*\)/;
    expect(findings(['static'], browserLocale).filter((at) => !at.startsWith('static/shared/format.ts'))).toEqual([]);
  });

  test('no month names are spelled out in the UI, and in the server only where already known', () => {
    const monthNames = /['"`](Jan|January)['"`]\s*,\s*['"`](Feb|February)['"`]/;
    expect(findings(['static'], monthNames)).toEqual([]);
    const inServer = [...new Set(findings(['src'], monthNames).map((at) => at.replace(/:\d+$/, '')))];
    expect(inServer.filter((file) => !KNOWN_MONTH_NAMES.includes(file))).toEqual([]);
  });
});
