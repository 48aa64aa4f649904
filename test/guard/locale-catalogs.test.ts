/**
 * Issue 12, part 7: every text exists in every locale, says the same values, and parses; the
 * committed `locales/<locale>.json` files (what Forge deploys) are exactly what their sources build.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localesOf, sourceFolders, staleLocaleFiles } from '../../scripts/build-locales.mjs';
import { parseMessage, placeholdersOf, type MessageNode } from '../../src/i18n/message-format';

const root = fileURLToPath(new URL('../..', import.meta.url));
type Texts = { [key: string]: string | Texts };

const locales = localesOf(root);
const readJson = (path: string): Texts => JSON.parse(readFileSync(join(root, path), 'utf8')) as Texts;

/** Every catalog: its English source and the same file for each other locale. */
const catalogs = sourceFolders.flatMap(({ folder }) =>
  existsSync(join(root, folder))
    ? readdirSync(join(root, folder))
        .map((name) => /^([a-z0-9-]+)\.en-US\.json$/.exec(name)?.[1])
        .filter((name): name is string => name !== undefined)
        .map((name) => ({ folder, name }))
    : [],
).concat([{ folder: 'locales', name: 'modules' }]);

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

function pluralKeys(nodes: readonly MessageNode[]): string[] {
  return nodes.flatMap((node) =>
    node.kind === 'plural'
      ? [...node.branches.keys(), ...[...node.branches.values()].flatMap(pluralKeys)]
      : node.kind === 'select'
        ? [...node.branches.values()].flatMap(pluralKeys)
        : [],
  );
}

test('the locales are en-US, de-DE and ja-JP, and the manifest names each', () => {
  expect(locales).toEqual(['en-US', 'de-DE', 'ja-JP']);
  const manifest = readFileSync(join(root, 'manifest.yml'), 'utf8');
  for (const locale of locales) expect(manifest).toContain(`path: locales/${locale}.json`);
});

test('locales/<locale>.json are built from their sources (node scripts/build-locales.mjs)', () => {
  expect(staleLocaleFiles(root)).toEqual([]);
});

describe.each(catalogs)('$folder/$name', ({ folder, name }) => {
  const english = flatten(readJson(join(folder, `${name}.en-US.json`)));

  test.each(locales)('%s has every text English has, and no other', (locale) => {
    const path = join(folder, `${name}.${locale}.json`);
    expect(existsSync(join(root, path))).toBe(true);
    const texts = flatten(readJson(path));
    expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of texts) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  test.each(locales)('%s: every text parses and names the same values as English, with the locale’s plural forms', (locale) => {
    const texts = flatten(readJson(join(folder, `${name}.${locale}.json`)));
    const categories = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
    for (const [key, text] of texts) {
      const source = english.get(key) ?? '';
      expect({ key, values: [...placeholdersOf(text)].sort() }).toEqual({ key, values: [...placeholdersOf(source)].sort() });
      const unknown = pluralKeys(parseMessage(text)).filter((branch) => !branch.startsWith('=') && !categories.has(branch));
      expect({ key, unknownPluralForms: unknown }).toEqual({ key, unknownPluralForms: [] });
    }
  });
});

test('each catalog module reads its own texts under its own name', () => {
  for (const { folder, name } of catalogs.filter((c) => c.folder === 'static/shared/messages')) {
    const module = join(root, folder, `${name}.ts`);
    expect({ name, module: existsSync(module) }).toEqual({ name, module: true });
    const camel = name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    expect(readFileSync(module, 'utf8')).toContain(`catalog('${camel}', english)`);
  }
});
