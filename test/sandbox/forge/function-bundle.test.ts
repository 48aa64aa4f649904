/**
 * The function bundle's `__LOCALES__/`, as `forge deploy` writes it from manifest.yml
 * `translations`: the real @forge/api `i18n` reads it inside an invocation, follows the manifest's
 * fallback, and reads each file once per process.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { i18n } from '@forge/api';
import { JiraSimulator } from '../jira/simulator';
import { buildDemoSite } from '../demo';
import { localeBundleFiles } from './function-bundle';
import { loadManifest } from './manifest';
import { ForgeSandbox } from './sandbox';

const manifest = loadManifest(resolve(process.cwd(), 'manifest.yml'));
// A text of this test's own makes its bundle folder its own (folders are named by content).
const translations = {
  ...manifest.translations!,
  resources: { ...manifest.translations!.resources, 'de-DE': { ...manifest.translations!.resources['de-DE'], bundleTest: { marker: String(process.pid) } } },
};
const sandbox = new ForgeSandbox({ jira: new JiraSimulator(buildDemoSite()), manifest: { ...manifest, translations } });
sandbox.install();

const appCodeDir = () => sandbox.run(async () => (globalThis as unknown as { __forge_runtime__: { container: { appCodeDir: string } } }).__forge_runtime__.container.appCodeDir);

test('manifest.yml declares the translations the bundle carries: i18n-info.json and one file per locale', async () => {
  const dir = await appCodeDir();
  const info = JSON.parse(readFileSync(join(dir, '__LOCALES__', 'i18n-info.json'), 'utf8')) as { config: { locales: string[]; fallback: { default: string } } };
  expect(info.config).toEqual({ locales: ['en-US', 'de-DE', 'ja-JP'], fallback: { default: 'en-US' } });
  for (const locale of info.config.locales) expect(existsSync(join(dir, '__LOCALES__', `${locale}.json`))).toBe(true);
  expect(Object.keys(localeBundleFiles(translations)).sort()).toEqual(['de-DE.json', 'en-US.json', 'i18n-info.json', 'ja-JP.json']);
});

test('the real @forge/api i18n reads the caller’s locale from it, and falls back to en-US for one the app lacks', async () => {
  const german = await sandbox.run(() => i18n.getTranslations('de-DE'));
  expect(german.locale).toBe('de-DE');
  expect((german.translations as { server: { access: { notAdmin: string } } }).server.access.notAdmin).toMatch(/Jira-Administratoren/);
  const french = await sandbox.run(() => i18n.getTranslations('fr-FR'));
  expect(french.locale).toBe('en-US');
  const t = await sandbox.run(() => i18n.createTranslationFunction('ja-JP'));
  expect(t('server.access.notAdmin')).toMatch(/Jira 管理者/);
});

test('each locale file is read once per process: gone from disk, it is still served', async () => {
  await sandbox.run(() => i18n.getTranslations('de-DE'));
  const dir = await appCodeDir();
  rmSync(join(dir, '__LOCALES__', 'de-DE.json'));
  const again = await sandbox.run(() => i18n.getTranslations('de-DE'));
  expect((again.translations as { bundleTest: { marker: string } }).bundleTest.marker).toBe(String(process.pid));
  rmSync(dir, { recursive: true, force: true });
});

