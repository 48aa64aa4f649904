/**
 * Issue 12, tests and figures: a locale loads on demand. Only the English texts are bundled; German
 * and Japanese reach a page through @forge/bridge i18n (`__LOCALES__/<locale>.json`), never through
 * an import, so a reader pays for one language. The Product page's entry stays ≤ 300 KB gzipped.
 *
 * The built-bundle checks read static/<resource>/build (`node scripts/build-ui.mjs`; `npm test`
 * builds before it runs the guards).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryFiles, gzipKb } from '../bench/bundle-entry';
import { parseMessage, type MessageNode } from '../../src/i18n/message-format';

const root = fileURLToPath(new URL('../..', import.meta.url));
const staticDir = join(root, 'static');
const otherLocales = ['de-DE', 'ja-JP'] as const;
const productEntryLimitKb = 300;

type Texts = { [key: string]: string | Texts };

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'build' ? [] : filesUnder(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

const readTexts = (path: string): Texts => JSON.parse(readFileSync(path, 'utf8')) as Texts;

function textParts(nodes: readonly MessageNode[]): string[] {
  return nodes.flatMap((node) =>
    node.kind === 'text' ? [node.text] : node.kind === 'plural' || node.kind === 'select' ? [...node.branches.values()].flatMap(textParts) : [],
  );
}

/**
 * Texts that exist only in `locale` (differ from English, long enough not to occur by chance),
 * from every UI catalog and the deployed locale file.
 */
function textsOnlyIn(locale: (typeof otherLocales)[number]): string[] {
  const sources = filesUnder(join(staticDir, 'shared', 'messages'), (name) => name.endsWith(`.${locale}.json`)).map((path) => ({
    translated: flatten(readTexts(path)),
    english: flatten(readTexts(path.replace(`.${locale}.json`, '.en-US.json'))),
  }));
  const deployed = join(root, 'locales', `${locale}.json`);
  if (existsSync(deployed)) sources.push({ translated: flatten(readTexts(deployed)), english: flatten(readTexts(join(root, 'locales', 'en-US.json'))) });
  const found = new Set<string>();
  for (const { translated, english } of sources) {
    for (const [key, text] of translated) {
      // The longest text part of the message (its placeholders and plural syntax are the same in every locale).
      const run = textParts(parseMessage(text)).sort((a, b) => b.length - a.length)[0]?.trim() ?? '';
      if (run.length >= (locale === 'ja-JP' ? 6 : 16) && !english.get(key)?.includes(run)) found.add(run);
    }
  }
  return [...found];
}

/** How a bundler may have written `text` into JS: as is, or with non-ASCII as `\uXXXX` escapes. */
const spellings = (text: string): string[] => [text, text.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)];

const builtResources = existsSync(staticDir) ? readdirSync(staticDir).filter((name) => existsSync(join(staticDir, name, 'index.html'))) : [];
const assetsOf = (resource: string) => join(staticDir, resource, 'build', 'assets');

test('no source under static/ imports German or Japanese texts: they load on demand through @forge/bridge i18n', () => {
  const sources = filesUnder(staticDir, (name) => /\.(ts|tsx|js|mjs|css|html)$/.test(name));
  const imports = /(?:import|from|require\(|import\()\s*['"]([^'"]+)['"]/g;
  const offending = sources.flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(imports)]
      .map((match) => match[1]!)
      .filter((specifier) => otherLocales.some((locale) => specifier.includes(locale)) || /(^|\/)locales\//.test(specifier))
      .map((specifier) => `${relative(root, path)} imports ${specifier}`),
  );
  expect(sources.length).toBeGreaterThan(50);
  expect(offending).toEqual([]);
});

describe('the built bundles (node scripts/build-ui.mjs)', () => {
  test('every resource is built', () => {
    const missing = builtResources.filter((resource) => !existsSync(assetsOf(resource)));
    expect(missing).toEqual([]);
    expect(builtResources).toEqual(expect.arrayContaining(['product', 'epic-panel', 'portfolio', 'admin', 'gadget']));
  });

  test.each(otherLocales)('no built JavaScript holds a %s text', (locale) => {
    const texts = textsOnlyIn(locale);
    // The catalogs have texts of their own in this locale: the check looks for something.
    expect(texts.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const resource of builtResources) {
      if (!existsSync(assetsOf(resource))) continue;
      for (const name of readdirSync(assetsOf(resource)).filter((file) => file.endsWith('.js'))) {
        const js = readFileSync(join(assetsOf(resource), name), 'utf8');
        for (const text of texts) if (spellings(text).some((spelling) => js.includes(spelling))) found.push(`${resource}/${name}: “${text}”`);
      }
    }
    expect(found).toEqual([]);
  });

  test(`the Product page's entry (with the chunks it imports statically) is at most ${productEntryLimitKb} KB gzipped`, () => {
    const assets = assetsOf('product');
    const entry = entryFiles(assets);
    expect(entry.some((name) => name.startsWith('index-'))).toBe(true);
    // The later tabs load on demand (later-tabs.tsx): none of them is part of the entry.
    expect(entry.filter((name) => /^(roadmap|alignment|overview|feed)-tab-/.test(name))).toEqual([]);
    expect(gzipKb(assets, entry)).toBeLessThanOrEqual(productEntryLimitKb);
  });
});
