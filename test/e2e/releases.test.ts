/**
 * Releases and dependencies in the item panel, in Chromium through the sandbox host: an item whose
 * epic's issues are in the overdue release 2.3 shows it, with why it is at risk; the product
 * manager accepts Jira's suggested dependency (a Blocks link between the items' epics) and sees
 * the late-blocker warning. axe finds nothing serious. Screenshots in the light and dark themes:
 * test/.artifacts/screenshots/releases-*.png.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { jest } from '@jest/globals';
import { messages } from '../../static/shared/messages';
import { releases as r } from '../../static/shared/messages/releases';
import { valueOf } from '../integration/resolvers/strategy/builders';
import { buildDemoSite } from '../sandbox/demo';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(180_000);

const e2e = useSandboxBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const demo = buildDemoSite();
const epic = (summary: string) => demo.issues.find((issue) => issue.summary === summary && issue.parentId === undefined)!;

/** axe on this work's parts of the page (the panel's other sections are their owners' tests'). */
async function seriousViolations(frame: Frame): Promise<string[]> {
  return (await frame.evaluate(`${axeSource}
    axe.run({ include: [['[data-testid="item-releases"]'], ['[data-testid="item-dependencies"]'], ['[data-testid^="roadmap-card-"]']] }, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') + ')'))`)) as string[];
}

async function link(itemId: string, summary: string) {
  valueOf(await e2e.invoke('productManager', 'linkEpics', { target: { kind: 'item', id: itemId }, link: [{ epicId: epic(summary).id, linksVersion: 0 }], unlink: [] }));
}

test.each(['light', 'dark'] as const)('in the %s theme: an item shows its releases and why it is at risk; a suggested dependency is added with one click', async (theme) => {
  const loyalty = valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Loyalty relaunch') }));
  const pricing = valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Multi-currency', { startDate: '2027-01-04', endDate: '2027-03-12' }) }));
  const promos = valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Promotions', { startDate: '2027-03-01', endDate: '2027-04-30' }) }));
  await link(loyalty.id, 'Loyalty points');
  await link(pricing.id, 'Multi-currency pricing');
  await link(promos.id, 'Promo code engine');

  const frame = await e2e.openProjectPage({ user: 'productManager', theme });
  await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
  await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });

  // Releases: the overdue 2.3, and the forecast passing it, on the card and in the panel.
  const card = frame.getByTestId(`roadmap-card-${loyalty.id}`);
  await card.getByText(/passes release 2\.3/).waitFor({ timeout: 30_000 });
  await card.getByRole('button', { name: 'Loyalty relaunch', exact: true }).click();
  const panel = frame.getByTestId('roadmap-item-panel');
  const releases = panel.getByTestId('item-releases');
  await releases.getByRole('list', { name: r.releasesHeading }).getByText('2.3', { exact: true }).waitFor();
  await releases.getByText(r.releaseState.overdue, { exact: true }).waitFor();
  expect(await releases.textContent()).toMatch(/Forecast .+ passes release 2\.3 on Nov 13\./);
  await releases.scrollIntoViewIfNeeded();
  await releases.screenshot({ path: join(screenshots, `releases-panel-${theme}.png`) });
  await card.screenshot({ path: join(screenshots, `releases-card-${theme}.png`) });
  expect(await seriousViolations(frame)).toEqual([]);

  // Dependencies: Jira's Blocks link between the epics, accepted with one click.
  await frame.getByTestId(`roadmap-card-${promos.id}`).getByRole('button', { name: 'Promotions', exact: true }).click();
  const dependencies = panel.getByTestId('item-dependencies');
  const keys = `${epic('Multi-currency pricing').key} ${r.blocks} ${epic('Promo code engine').key}`;
  await dependencies.getByRole('button', { name: r.acceptLabel('Multi-currency', keys) }).click();
  await dependencies.getByRole('list', { name: r.dependenciesHeading }).getByText('Multi-currency', { exact: true }).waitFor();
  await dependencies.getByRole('list', { name: r.warningsLabel }).getByText(r.lateWarning('Multi-currency', 'Mar 12, 2027', 'Mar 1, 2027')).waitFor();
  const stored = valueOf(await e2e.invoke('developer', 'getRoadmap', {})).items.find((item) => item.id === promos.id);
  expect(stored?.dependsOn).toEqual([pricing.id]);
  await dependencies.scrollIntoViewIfNeeded();
  await dependencies.screenshot({ path: join(screenshots, `releases-dependencies-${theme}.png`) });
  expect(await seriousViolations(frame)).toEqual([]);
});
