/**
 * The pseudo-locale: the host's `lang=pseudo` keeps the Forge locale en-US (Forge has no pseudo
 * code) and serves the frames' `__LOCALES__/en-US.json` accented and lengthened, syntax intact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage, placeholdersOf } from '../../../src/i18n/message-format';
import { pseudoMessage, pseudoTexts } from './pseudo-locale';
import { REPO_ROOT, startHost } from './host';
import type { RunningHost } from './host';

describe('pseudoMessage', () => {
  test('accents every letter, lengthens the text by about 40% and brackets the message', () => {
    expect(pseudoMessage('Save')).toBe('[Šååṽéé]');
    const english = 'Someone else changed this while you were editing';
    const pseudo = pseudoMessage(english);
    expect(pseudo).toMatch(/^\[[^A-Za-z]+\]$/);
    expect(pseudo.length / english.length).toBeGreaterThanOrEqual(1.3);
    expect(pseudoMessage('')).toBe('');
  });

  test('keeps placeholders, plural and select syntax: the text still formats with its values', () => {
    const plural = '{count, plural, =0 {No KPIs} one {# KPI for “{goal}”} other {# KPIs for “{goal}”}}';
    const pseudo = pseudoMessage(plural);
    expect(placeholdersOf(pseudo)).toEqual(placeholdersOf(plural));
    expect(formatMessage(pseudo, { count: 1200, goal: 'Checkout' }, 'en-US')).toBe('[1,200 ĶÞÎÎÎš ƒöööŕ “Checkout”]');
    expect(formatMessage(pseudo, { count: 0, goal: 'x' }, 'en-US')).toBe('[Ñöö ĶÞÎÎÎš]');
    const select = '{kind, select, quarter {By quarter} other {By date}}';
    expect(formatMessage(pseudoMessage(select), { kind: 'quarter' }, 'en-US')).toBe('[Ɓýý ǫûûååŕţééŕ]');
  });

  test('rewrites every text of a nested locale file and nothing else', () => {
    expect(pseudoTexts({ a: 'On track', group: { b: 'At risk' }, n: 3 })).toEqual({ a: '[ÖÖñ ţŕåååçķ]', group: { b: '[ÅÅţ ŕîîîšķ]' }, n: 3 });
  });
});

describe('the host’s pseudo-locale', () => {
  let host: RunningHost;
  beforeAll(async () => {
    host = await startHost({ port: 0, rootDir: REPO_ROOT, manifestPath: join(REPO_ROOT, 'manifest.yml') });
  });
  afterAll(async () => {
    await host.close();
  });

  const hostConfig = (html: string) =>
    JSON.parse(
      (/<body data-host="([^"]*)"/.exec(html)?.[1] ?? '{}').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
    ) as { pseudo?: boolean; frame?: { context: { locale: string }; invoke: { locale: string } } };

  test('the switcher offers it; the page and the Forge context stay in en-US, frames load the pseudo build, links keep it', async () => {
    const plain = await (await fetch(`${host.url}/?module=project-page&project=THR`)).text();
    expect(plain).toContain('<option value="pseudo">Pseudo (accented, +40%)</option>');
    expect(hostConfig(plain).pseudo).toBeUndefined();

    const html = await (await fetch(`${host.url}/?module=project-page&project=THR&lang=pseudo`)).text();
    expect(html).toContain('<option value="pseudo" selected>Pseudo (accented, +40%)</option>');
    expect(html).not.toContain('<option value="en-US" selected>');
    expect(html).toContain('<html lang="en-US"');
    const config = hostConfig(html);
    expect(config.pseudo).toBe(true);
    expect(config.frame?.context.locale).toBe('en-US');
    expect(config.frame?.invoke.locale).toBe('en-US');
    // Jira's sidebar names the page from the (pseudo) en-US translations, too.
    expect(html).toMatch(/nav-icon-app" aria-hidden="true"><\/span>\[Þŕöö+ðûû+çţ\]<\/a>/);
    expect(html).toMatch(/href="[^"]*lang=pseudo[^"]*" data-view-link/);
    expect(html).not.toContain('No language');
  });

  test('the pseudo build’s en-US.json is every text rewritten; other locales and the plain build are as deployed', async () => {
    const deployed = JSON.parse(readFileSync(join(REPO_ROOT, 'locales/en-US.json'), 'utf8')) as Record<string, unknown>;
    const served = async (path: string) => {
      const response = await fetch(`${host.url}${path}`);
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };
    expect(await served('/pseudo/resources/product/__LOCALES__/en-US.json')).toEqual(pseudoTexts(deployed));
    expect(await served('/resources/product/__LOCALES__/en-US.json')).toEqual(deployed);
    expect(await served('/pseudo/resources/gadget/__LOCALES__/de-DE.json')).toEqual(JSON.parse(readFileSync(join(REPO_ROOT, 'locales/de-DE.json'), 'utf8')));
    // The resource itself is the same build.
    const index = await fetch(`${host.url}/pseudo/resources/product/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toBe(await (await fetch(`${host.url}/resources/product/`)).text());
    expect((await fetch(`${host.url}/pseudo/resources/nothing/`)).status).toBe(404);
  });
});
