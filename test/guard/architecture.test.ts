/**
 * Keeps the layers' directions (see README "Architecture"): the domain is pure, Forge lives at the
 * edges, the UI has one door to the bridge, and tests replace no module.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'build' || name.startsWith('.')) return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|mjs|js)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? '',
  );
}

const srcFiles = sourceFiles('src');
const staticFiles = sourceFiles('static');
const testFiles = sourceFiles('test');

describe('architecture', () => {
  test('the domain imports only the domain', () => {
    const offenders = sourceFiles('src/domain').flatMap((file) =>
      importsOf(file)
        .filter((spec) => !spec.startsWith('./'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  test('the domain does not read the clock: "today" is a parameter', () => {
    const offenders = sourceFiles('src/domain').filter((file) =>
      /Date\.now\(|new Date\(\s*\)|performance\.now\(/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  test('only adapters import @forge/api and @forge/kvs', () => {
    const offenders = [...srcFiles, ...staticFiles].flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^@forge\/(api|kvs)/.test(spec) && !file.startsWith('src/adapters/'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  test('@forge/resolver is imported only by the entry point and the resolvers', () => {
    const offenders = [...srcFiles, ...staticFiles].flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('@forge/resolver') && !(file === 'src/index.ts' || file.startsWith('src/resolvers/')))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  test('one UI file imports @forge/bridge', () => {
    const importers = [...srcFiles, ...staticFiles].filter((file) => importsOf(file).some((spec) => spec.startsWith('@forge/bridge')));
    expect(importers).toEqual(['static/shared/bridge.ts']);
  });

  test('validation is pure like the domain (the UI runs it too): zod, the domain, the contract and itself', () => {
    const offenders = sourceFiles('src/validation').flatMap((file) =>
      importsOf(file)
        .filter((spec) => !(spec === 'zod' || spec.startsWith('./') || /^\.\.\/(contract|domain\/[\w-]+)$/.test(spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  // The message syntax (src/i18n/message-format.ts) is pure and shared: the browser's catalogs and
  // the resolvers' texts format through the same code.
  test('the backend never imports the UI, and the UI takes only the contract, the domain, validation and the message syntax from it', () => {
    const backendOffenders = srcFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /(^|\/)static\//.test(spec) || /react/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    const uiOffenders = staticFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('/src/') && !/\/src\/(contract|domain\/[\w-]+|validation\/[\w-]+|i18n\/message-format)$/.test(spec))
        .filter((spec) => !spec.startsWith('./src/'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect([...backendOffenders, ...uiOffenders]).toEqual([]);
  });

  test('the message syntax is pure: it imports nothing', () => {
    expect(importsOf('src/i18n/message-format.ts')).toEqual([]);
  });

  test('shipped code never imports test code', () => {
    const offenders = [...srcFiles, ...staticFiles].flatMap((file) =>
      importsOf(file)
        .filter((spec) => /(^|\/)test\//.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  test('no test replaces a module: the Jira simulator and the Forge runtime are the only doubles', () => {
    const pattern = ['jest', 'mock'].join('.') + '\\(|' + ['unstable', 'mockModule'].join('_') + '|' + ['jest', 'doMock'].join('.');
    const offenders = testFiles.filter((file) => new RegExp(pattern).test(readFileSync(join(root, file), 'utf8')));
    expect(offenders.map((file) => relative(root, join(root, file)))).toEqual([]);
  });
});
