/**
 * Issue 12, part 7 (server): no user-facing English sentence stays outside the server catalogs
 * (src/i18n/messages/<area>.<locale>.json). Resolvers say texts with `say('area.key', params)`;
 * schemas carry `coded('validation.key')`; pure code returns `{ key, params }`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A string literal that reads as an English sentence: a capital, words, spaces. */
const sentence = String.raw`(['\`])[A-Z][a-z’']*(?: [^'\`\n]*?)? [a-z][^'\`\n]*\1`;
const patterns: Array<[string, RegExp]> = [
  ['fail(code, literal)', new RegExp(String.raw`\bfail\(\s*'[a-z-]+',\s*` + sentence)],
  ['message: literal', new RegExp(String.raw`\bmessage:\s*` + sentence)],
  ['reason: literal', new RegExp(String.raw`\breason:\s*` + sentence)],
  ['refused: literal', new RegExp(String.raw`\brefused:\s*` + sentence)],
  ['sentence: literal', new RegExp(String.raw`\bsentence:\s*` + sentence)],
  ['zod error: literal', new RegExp(String.raw`\b(?:error|required):\s*` + sentence)],
];

/**
 * Developer-only texts, never shown to a user (each says why). Keep this short: a new entry needs
 * a reason a reviewer accepts.
 */
const allowed: Array<{ file: string; line: RegExp; why: string }> = [
  { file: 'src/adapters/jira/client.ts', line: /detail: 'Jira did not answer within the time left'/, why: 'JiraError detail: logged, the user sees results.jiraOutOfTime' },
];

test('no user-facing English literal in src/ outside the catalogs', () => {
  const found: string[] = [];
  for (const path of sourceFiles(join(root, 'src'))) {
    const file = relative(root, path);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.forEach((line, n) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      for (const [what, pattern] of patterns) {
        if (!pattern.test(line)) continue;
        if (allowed.some((allow) => allow.file === file && allow.line.test(line))) continue;
        found.push(`${file}:${n + 1} ${what}: ${line.trim().slice(0, 140)}`);
      }
    });
  }
  expect(found).toEqual([]);
});

test('the guard sees what it guards against', () => {
  const [, failLiteral] = patterns[0]!;
  const [, messageLiteral] = patterns[1]!;
  expect(failLiteral.test(`return fail('forbidden', 'Sign in to Jira to see this product.');`)).toBe(true);
  expect(failLiteral.test(`return fail('forbidden', say('access.signInProduct'));`)).toBe(false);
  expect(messageLiteral.test(`message: \`Story points come from “\${name}”.\`,`)).toBe(true);
  expect(messageLiteral.test(`message: say('roadmap.boardChanged'),`)).toBe(false);
});

/** Every server text key, from the English sources (`area.key.path`). */
function englishKeys(): Set<string> {
  const keys = new Set<string>();
  const folder = join(root, 'src/i18n/messages');
  const walk = (prefix: string, texts: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(texts)) {
      if (typeof value === 'string') keys.add(`${prefix}.${key}`);
      else walk(`${prefix}.${key}`, value as Record<string, unknown>);
    }
  };
  for (const name of readdirSync(folder)) {
    const area = /^([a-z0-9-]+)\.en-US\.json$/.exec(name)?.[1];
    if (area) walk(area.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()), JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, unknown>);
  }
  return keys;
}

test('every coded text and text reference in src/ names a key the English sources have', () => {
  // `say(...)` keys are checked by the compiler; `coded(...)` and `{ key: ... }` (pure code, schemas) here.
  const known = englishKeys();
  const missing: string[] = [];
  for (const path of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/\bcoded\(\s*'([a-z][\w.-]*)'|\bkey:\s*'([a-z][A-Za-z]*\.[\w.-]+)'/g)) {
      const key = match[1] ?? match[2]!;
      if (!known.has(key)) missing.push(`${relative(root, path)}: ${key}`);
    }
  }
  expect(missing).toEqual([]);
  expect(known.size).toBeGreaterThan(200);
});
