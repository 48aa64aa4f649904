/**
 * Issue 12, part 3: dates, numbers and percentages are Intl's, in the reader's locale and zone.
 * Nothing in src/ or static/ spells a month name, turns a number into text with `toFixed`, pins a
 * formatter to English, or leaves `toLocale…String()` to the browser's locale; the UI reads no
 * calendar field of a local Date (the browser's zone is not the reader's Jira zone).
 *
 * A heuristic over the source text, comments left out. What it allows is listed below with why:
 * only machine formats that are never shown (ISO days, JQL literals, sort keys).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Rule {
  name: string;
  pattern: RegExp;
  /** Where the rule looks (path prefixes). */
  within: readonly string[];
  /** What is taken out of a line before the pattern looks at it. */
  ignore?: RegExp;
}

const months = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December';

export const rules: readonly Rule[] = [
  {
    name: 'month name literal',
    // 'Jan', "March", `Mar 2`, 'Jan 2027': a month spelled in English, alone or before a number.
    pattern: new RegExp(`(['"\`])(?:${months})\\.?(?:\\s+\\d[^'"\`]*)?\\1`),
    within: ['src/', 'static/'],
  },
  {
    name: 'toFixed as text',
    // `Number(x.toFixed(2))` rounds a number and stays one; any other toFixed makes text with a dot.
    pattern: /\.toFixed\(/,
    ignore: /\bNumber\([\w.]+\.toFixed\(/g,
    within: ['src/', 'static/'],
  },
  {
    name: 'formatter pinned to a literal locale',
    pattern: /new Intl\.\w+\(\s*['"][a-z]{2}(?:-[A-Za-z]{2,4})?['"]|\.toLocale\w*String\(\s*['"][a-z]{2}(?:-[A-Za-z]{2,4})?['"]|\.localeCompare\([^,()]+,\s*['"][a-z]{2}/,
    within: ['src/', 'static/'],
  },
  {
    name: 'toLocale…String() in the browser’s locale',
    pattern: /\.toLocale\w*String\(\s*\)/,
    within: ['src/', 'static/'],
  },
  {
    name: 'calendar field of a local Date in the UI',
    pattern: /\.(?:getDay|getDate|getMonth|getFullYear|getHours|getMinutes)\(\s*\)/,
    within: ['static/'],
  },
];

/**
 * Each allowed use: the file, the text that must be on the line, and why it is not a shown format.
 * An entry that no longer matches anything fails the test, so the list only shrinks.
 */
const allowed: ReadonlyArray<{ file: string; text: string; why: string }> = [
  { file: 'static/shared/format.ts', text: "new Intl.DateTimeFormat('en-CA'", why: 'today as YYYY-MM-DD in a zone (a key, never shown)' },
  { file: 'src/domain/calendar.ts', text: "new Intl.DateTimeFormat('en-CA'", why: 'an instant’s day as YYYY-MM-DD in a zone (a key, never shown)' },
  { file: 'static/product/src/feed/feed-model.ts', text: "new Intl.DateTimeFormat('en-CA'", why: 'the feed’s day groups keyed YYYY-MM-DD (headings are formatted apart)' },
  { file: 'src/domain/jql-date.ts', text: "new Intl.DateTimeFormat('en-GB'", why: 'JQL date literals ("2026-11-20 09:45"), which Jira parses, not people' },
  { file: 'src/domain/alignment.ts', text: "localeCompare(b.key, 'en'", why: 'issue keys sorted alike for every reader (THR-2 before THR-10), not shown text' },
  { file: 'src/i18n/server-texts.ts', text: "new Intl.DateTimeFormat('en-US', { timeZone: zone })", why: 'checks that a time zone name is valid; formats nothing' },
];

/** Source without its comments: string contents kept, so URLs and literals stay where they are. */
export function withoutComments(source: string): string {
  let out = '';
  let at = 0;
  let quote: string | undefined;
  while (at < source.length) {
    const ch = source[at]!;
    const next = source[at + 1];
    if (quote) {
      out += ch;
      if (ch === '\\') {
        out += next ?? '';
        at += 2;
        continue;
      }
      if (ch === quote) quote = undefined;
      at += 1;
      continue;
    }
    if (ch === '/' && next === '/') {
      while (at < source.length && source[at] !== '\n') at += 1;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', at + 2);
      const skipped = source.slice(at, end < 0 ? source.length : end + 2);
      out += skipped.replace(/[^\n]/g, ''); // keep line numbers
      at += skipped.length;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    out += ch;
    at += 1;
  }
  return out;
}

export function findingsIn(file: string, source: string): Array<{ rule: string; at: string; line: string }> {
  const lines = withoutComments(source).split('\n');
  return rules
    .filter((rule) => rule.within.some((prefix) => file.startsWith(prefix)))
    .flatMap((rule) =>
      lines.flatMap((line, index) => (rule.pattern.test(rule.ignore ? line.replace(rule.ignore, '') : line) ? [{ rule: rule.name, at: `${file}:${index + 1}`, line: line.trim() }] : [])),
    );
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (name === 'node_modules' || name === 'build' || name.startsWith('.')) return [];
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const found = ['src', 'static'].flatMap(sources).flatMap((file) => findingsIn(file, readFileSync(join(root, file), 'utf8')));
const isAllowed = (finding: { at: string; line: string }) => allowed.some((entry) => finding.at.startsWith(`${entry.file}:`) && finding.line.includes(entry.text));

test.each(rules.map((rule) => rule.name))('no %s in src/ or static/ (outside the allowed machine formats)', (name) => {
  expect(found.filter((finding) => finding.rule === name && !isAllowed(finding)).map(({ at, line }) => `${at}  ${line}`)).toEqual([]);
});

test('every allowed use is still there (the list only shrinks)', () => {
  expect(allowed.filter((entry) => !found.some((finding) => finding.at.startsWith(`${entry.file}:`) && finding.line.includes(entry.text))).map((entry) => entry.file)).toEqual([]);
});

describe('the rules catch what they are for', () => {
  test.each([
    ["const names = ['Jan', 'Feb'];", 'month name literal'],
    ['label: `Mar 2`,', 'month name literal'],
    ["return 'January 2027';", 'month name literal'],
    ['`${value.toFixed(1)} pts`', 'toFixed as text'],
    ["new Intl.NumberFormat('en-US').format(n)", 'formatter pinned to a literal locale'],
    ["n.toLocaleString('en')", 'formatter pinned to a literal locale'],
    ['date.toLocaleDateString()', 'toLocale…String() in the browser’s locale'],
    ['const weekday = new Date().getDay();', 'calendar field of a local Date in the UI'],
  ])('%s', (line, rule) => {
    expect(findingsIn('static/x.ts', line).map((finding) => finding.rule)).toEqual([rule]);
  });

  test.each([
    '// Jan 2027 in a comment',
    '/* \'Mar\' */ const x = 1;',
    'const rounded = Number(value.toFixed(2));',
    "const url = 'https://developer.mozilla.org/en-US/docs';",
    'new Intl.DateTimeFormat(locale, { month: "short" })',
    'const day = new Date(ms).getUTCDay();',
    "const word = 'Mayday';",
  ])('passes %s', (line) => {
    expect(findingsIn('static/x.ts', line)).toEqual([]);
  });
});
