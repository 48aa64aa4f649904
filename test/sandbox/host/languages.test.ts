/**
 * The host's language switcher: the page, the Forge context (view.getContext and resolvers), the
 * sidebar's module titles and the `__LOCALES__` files @forge/bridge's i18n reads all follow it.
 */
import { join } from 'node:path';
import { TranslationsGetter, Translator } from '@forge/i18n';
import { PROBE_MANIFEST, PROBE_SOURCE_DIR, REPO_ROOT, buildProbe } from './fixtures/build-probe';
import { startHost } from './host';
import type { RunningHost } from './host';

let app: RunningHost;
let probe: RunningHost;

async function page(host: RunningHost, query: string): Promise<{ html: string; config: { frame?: { context: Record<string, unknown>; invoke: Record<string, unknown> } } }> {
  const html = await (await fetch(`${host.url}/${query}`)).text();
  const attribute = /<body data-host="([^"]*)"/.exec(html)?.[1] ?? '{}';
  const decoded = attribute.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  return { html, config: JSON.parse(decoded) as never };
}

/** What @forge/bridge's i18n does in a frame of `resource` (node_modules/@forge/bridge/out/i18n/index.js). */
function bridgeTranslations(resource: string): TranslationsGetter {
  const base = `${app.url}/resources/${resource}/__LOCALES__`;
  return new TranslationsGetter({
    getI18nInfoConfig: async () => {
      const response = await fetch(`${base}/i18n-info.json`);
      if (!response.ok) throw new Error(response.statusText);
      return ((await response.json()) as { config: never }).config;
    },
    getTranslationResource: async (locale) => {
      const response = await fetch(`${base}/${locale}.json`);
      if (!response.ok) throw new Error(`No ${locale}`);
      return response.json();
    },
  });
}

beforeAll(async () => {
  await buildProbe();
  app = await startHost({ port: 0, rootDir: REPO_ROOT, manifestPath: join(REPO_ROOT, 'manifest.yml') });
  probe = await startHost({ port: 0, rootDir: REPO_ROOT, manifestPath: PROBE_MANIFEST, sourceDir: PROBE_SOURCE_DIR });
});

afterAll(async () => {
  await app.close();
  await probe.close();
});

describe('the language switcher', () => {
  test('without a choice the page is in the user’s profile language, and offers German and Japanese', async () => {
    const { html, config } = await page(app, '?module=project-page&project=THR');
    expect(html).toContain('<html lang="en-US"');
    expect(config.frame?.context['locale']).toBe('en-US');
    expect(html).toMatch(/<select name="lang">.*<option value="de-DE">Deutsch<\/option>.*<option value="ja-JP">日本語<\/option>/s);
    expect(html).toMatch(/nav-icon-app" aria-hidden="true"><\/span>Product<\/a>/);
  });

  test('German: the context locale, the invoke locale and the sidebar’s module title follow it, and links keep it', async () => {
    const { html, config } = await page(app, '?module=project-page&project=THR&lang=de-DE');
    expect(html).toContain('<html lang="de-DE"');
    expect(html).toContain('<option value="de-DE" selected>Deutsch</option>');
    expect(config.frame?.context['locale']).toBe('de-DE');
    expect(config.frame?.invoke['locale']).toBe('de-DE');
    expect(html).toMatch(/nav-icon-app" aria-hidden="true"><\/span>Produkt<\/a>/);
    expect(html).toMatch(/href="[^"]*lang=de-DE[^"]*" data-view-link/);
  });

  test('Japanese: the portfolio and the admin page are titled in Japanese', async () => {
    expect((await page(app, '?module=global-page&lang=ja-JP')).html).toContain('</span>プロダクト ポートフォリオ</a>');
    expect((await page(app, '?module=admin-page&user=admin&lang=ja-JP')).html).toContain('</span>Throughline の設定</a>');
  });

  test('a language Jira does not have is corrected to the profile’s', async () => {
    const { html, config } = await page(app, '?module=project-page&project=THR&lang=xx-YY');
    expect(config.frame?.context['locale']).toBe('en-US');
    expect(html).toContain('No language &quot;xx-YY&quot;');
  });

  test('a resolver gets the chosen language as context.locale; an unknown one is refused', async () => {
    const invoke = (body: Record<string, unknown>) =>
      fetch(`${probe.url}/__sandbox/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'developer', project: 'THR', functionKey: 'whoami', ...body }) });
    const plain = (await (await invoke({})).json()) as { locale: string };
    expect(plain).toMatchObject({ locale: 'en-US' });
    expect(((await (await invoke({ locale: 'ja-JP' })).json()) as { locale: string }).locale).toBe('ja-JP');
    expect((await invoke({ locale: 'klingon' })).status).toBe(400);
  });
});

describe('translations for @forge/bridge i18n', () => {
  test('switching the language switches what getTranslations and the translation function give', async () => {
    const getter = bridgeTranslations('product');
    const german = await getter.getTranslations('de-DE');
    expect(german.locale).toBe('de-DE');
    expect((german.translations as { modules: { product: { title: string } } }).modules.product.title).toBe('Produkt');
    const t = new Translator('ja-JP', getter);
    await t.init();
    expect(t.translate('modules.portfolio.title')).toBe('プロダクト ポートフォリオ');
  });

  test('a locale the app lacks falls back to en-US, as Forge does; without fallback it has none', async () => {
    const getter = bridgeTranslations('admin');
    const french = await getter.getTranslations('fr-FR');
    expect(french.locale).toBe('en-US');
    expect((french.translations as { modules: { settings: { title: string } } }).modules.settings.title).toBe('Throughline settings');
    expect((await getter.getTranslations('fr-FR', { fallback: false })).translations).toBeNull();
  });

  test('i18n-info.json carries the locales, the fallback and the manifest’s texts; other names are 404', async () => {
    const info = (await (await fetch(`${app.url}/resources/gadget/__LOCALES__/i18n-info.json`)).json()) as {
      config: { locales: string[]; fallback: { default: string } };
      translations: Record<string, Record<string, string>>;
    };
    expect(info.config).toEqual({ locales: ['en-US', 'de-DE', 'ja-JP'], fallback: { default: 'en-US' } });
    expect(info.translations['modules.goalHealth.title']).toEqual({ 'en-US': 'Goal health', 'de-DE': 'Zielstatus', 'ja-JP': '目標の状態' });
    expect((await fetch(`${app.url}/resources/gadget/__LOCALES__/fr-FR.json`)).status).toBe(404);
    expect((await fetch(`${app.url}/resources/gadget/__LOCALES__/../manifest.yml`)).status).toBe(404);
  });
});

describe('the dashboard in Japanese', () => {
  test('each gadget frame’s context and calls carry the chosen language, and its title is Japanese', async () => {
    const { html } = await page(app, '?module=dashboard&lang=ja-JP');
    const config = JSON.parse(
      (/<body data-host="([^"]*)"/.exec(html)?.[1] ?? '{}').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
    ) as { gadgets: Array<{ title: string; view: { context: { locale: string }; invoke: { locale?: string } } }> };
    expect(config.gadgets.map((gadget) => gadget.title)).toEqual(['目標の状態', 'ロードマップ: 現在', '目標に紐付いていない作業']);
    for (const gadget of config.gadgets) {
      expect(gadget.view.context.locale).toBe('ja-JP');
      expect(gadget.view.invoke.locale).toBe('ja-JP');
    }
  });
});
