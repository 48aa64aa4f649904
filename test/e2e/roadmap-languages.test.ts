/**
 * Issue 12 in Chromium through the sandbox host: the roadmap (every layout), an item's panel with
 * evidence, releases and dependencies, the create-epic form and What changed, in German and in
 * Japanese (German light, Japanese dark). No English text of their catalogs shows; screenshots of
 * each (test/.artifacts/screenshots/languages-<locale>-<theme>-roadmap-*.png) and axe: nothing serious.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { messages } from '../../static/shared/messages';
import { createEpic } from '../../static/shared/messages/create-epic';
import { evidence } from '../../static/shared/messages/evidence';
import { feed } from '../../static/shared/messages/feed';
import { releases } from '../../static/shared/messages/releases';
import { setLoadedTexts } from '../../static/shared/messages/runtime';
import { valueOf } from '../integration/resolvers/strategy/builders';
import { buildDemoSite } from '../sandbox/demo';
import { REPO_ROOT } from '../sandbox/host/host';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(300_000);

const e2e = useSandboxBrowser({ viewport: { width: 1400, height: 1000 } });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const demo = buildDemoSite();
const epic = (summary: string) => demo.issues.find((issue) => issue.summary === summary && issue.parentId === undefined)!;

type Texts = { [key: string]: string | Texts };
const readJson = (path: string): Texts => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as Texts;
const catalogs = ['roadmap', 'timeline', 'releases', 'create-epic', 'evidence', 'feed'];
const flat = (texts: Texts, prefix = ''): Array<[string, string]> =>
  Object.entries(texts).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flat(value, `${prefix}${key}.`)));

/**
 * English sentences of these catalogs that a German or Japanese page must not show: whole texts
 * without values, long enough to be a sentence (a word such as "JQL" or "Epics" is the same in German).
 */
function englishLeftovers(locale: string): string[] {
  return catalogs.flatMap((name) => {
    const translated = new Map(flat(readJson(`static/shared/messages/${name}.${locale}.json`)));
    return flat(readJson(`static/shared/messages/${name}.en-US.json`))
      .filter(([key, text]) => !text.includes('{') && text.length >= 12 && translated.get(key) !== text)
      .map(([, text]) => text);
  });
}

async function seriousViolations(frame: Frame): Promise<string[]> {
  return (await frame.evaluate(`${axeSource}
    axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 120)).join(' | ') + ')'))`)) as string[];
}

/** A product whose roadmap has lanes, dated items, an at-risk item in a release, evidence, a dependency and some history. */
async function seed() {
  const { invoke } = e2e;
  const goal = valueOf(await invoke('productManager', 'createGoal', { goal: { title: 'Faster checkout', description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } }));
  const loyalty = valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('Loyalty relaunch', { goalId: goal.id, startDate: '2026-11-02', endDate: '2026-12-18', status: 'in-progress' }) }));
  const pricing = valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('Multi-currency', { goalId: goal.id, horizon: 'next', startDate: '2027-01-04', endDate: '2027-03-12' }) }));
  valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('Promotions', { horizon: 'next', startDate: '2027-03-01', endDate: '2027-04-30', dependsOn: [pricing.id] }) }));
  valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('Wallet support', { horizon: 'later', status: 'idea' }) }));
  valueOf(await invoke('productManager', 'linkEpics', { target: { kind: 'item', id: loyalty.id }, link: [{ epicId: epic('Loyalty points').id, linksVersion: 0 }], unlink: [] }));
  valueOf(await invoke('productManager', 'linkEpics', { target: { kind: 'item', id: pricing.id }, link: [{ epicId: epic('Multi-currency pricing').id, linksVersion: 0 }], unlink: [] }));
  valueOf(await invoke('productManager', 'addEvidence', { itemId: loyalty.id, evidence: { kind: 'note', note: { text: 'Members ask why points expire.', source: 'Support call', customer: 'Retail', date: '2026-11-12' } } }));
  valueOf(await invoke('productManager', 'addEvidence', { itemId: loyalty.id, evidence: { kind: 'jql', label: 'Support tickets', jql: 'project = OPS' } }));
  valueOf(
    await invoke('productManager', 'moveRoadmapItem', {
      move: { itemId: pricing.id, lane: goal.id, column: { kind: 'horizon', horizon: 'now' }, afterId: null, beforeId: null },
      baseVersion: pricing.version,
    }),
  );
  return { goal, loyalty, pricing };
}

const visibleText = (frame: Frame) => frame.evaluate(() => document.body.innerText);

describe.each([
  ['de-DE', 'light'],
  ['ja-JP', 'dark'],
] as const)('%s, %s theme', (locale, theme) => {
  afterEach(() => setLoadedTexts(undefined));

  test('the roadmap in every layout, an item’s panel, the create-epic form and What changed: in the reader’s language', async () => {
    const { loyalty } = await seed();
    // The test reads the catalogs in the page's language, as the page does after boot.
    setLoadedTexts({ locale, texts: readJson(`locales/${locale}.json`) });
    const leftovers = englishLeftovers(locale);
    const shot = (name: string) => join(screenshots, `languages-${locale}-${theme}-roadmap-${name}.png`);
    const noEnglish = async (frame: Frame, where: string) => {
      const text = await visibleText(frame);
      expect({ where, english: leftovers.filter((sentence) => text.includes(sentence)) }).toEqual({ where, english: [] });
    };

    await e2e.page.goto(`${e2e.host.url}/?project=THR&user=productManager&lang=${locale}${theme === 'dark' ? '&theme=dark' : ''}`);
    const frame = await e2e.appFrame();
    await frame.waitForFunction((lang) => document.documentElement.lang === lang, locale);
    await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
    await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });
    await frame.getByRole('heading', { name: `${messages.roadmap.heading} (4)` }).waitFor();

    for (const layout of ['horizons', 'quarters', 'timeline', 'gantt'] as const) {
      await frame.getByRole('radio', { name: messages.roadmap.layouts[layout], exact: true }).check();
      if (layout === 'gantt') await frame.getByRole('region', { name: messages.timeline.regionLabel }).waitFor({ timeout: 30_000 });
      else await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });
      await e2e.page.waitForTimeout(300);
      await e2e.page.screenshot({ path: shot(layout), fullPage: true });
      await noEnglish(frame, layout);
    }
    await frame.getByRole('radio', { name: messages.priority.priorityView, exact: true }).check();
    await e2e.page.waitForTimeout(500);
    await e2e.page.screenshot({ path: shot('priority'), fullPage: true });
    await noEnglish(frame, 'priority');

    // An item's panel: delivery, releases, evidence, dependencies.
    await frame.getByRole('radio', { name: messages.roadmap.layouts.horizons, exact: true }).check();
    await frame.getByTestId(`roadmap-card-${loyalty.id}`).getByRole('button', { name: 'Loyalty relaunch', exact: true }).click();
    const panel = frame.getByTestId('roadmap-item-panel');
    await panel.getByTestId('item-releases').getByRole('list', { name: releases.releasesHeading }).waitFor({ timeout: 30_000 });
    await panel.getByTestId('evidence-jql').waitFor({ timeout: 30_000 });
    await panel.getByTestId('item-evidence').getByText(evidence.heading, { exact: true }).first().waitFor();
    await e2e.page.screenshot({ path: shot('panel'), fullPage: true });
    for (const part of ['item-releases', 'item-evidence', 'item-dependencies']) {
      const section = panel.getByTestId(part);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: shot(part) });
    }
    await noEnglish(frame, 'panel');
    expect(await seriousViolations(frame)).toEqual([]);

    // The create-epic form.
    await panel.getByRole('button', { name: createEpic.openLabel('Loyalty relaunch') }).click();
    const form = panel.getByTestId('create-epic-form');
    await form.waitFor();
    await form.scrollIntoViewIfNeeded();
    await form.screenshot({ path: shot('create-epic') });
    await noEnglish(frame, 'create-epic');

    // What changed.
    await frame.getByRole('tab', { name: feed.tab }).click();
    await frame.getByTestId('feed-tab').waitFor();
    await frame.getByTestId('feed-entry').first().waitFor({ timeout: 30_000 });
    await e2e.page.screenshot({ path: shot('feed'), fullPage: true });
    await noEnglish(frame, 'feed');
    const entries = (await frame.getByTestId('feed-entry').allTextContents()).join('\n');
    expect(entries).toContain(feed.sentence({ kind: 'goal-added', title: 'Faster checkout', status: 'on-track' }));
    expect(await seriousViolations(frame)).toEqual([]);
  });
});
