/**
 * Evidence on a roadmap item, in Chromium through the sandbox host: the product manager adds a
 * customer note and a saved JQL (checking its live count first) in the item panel, and the card
 * sums them ("N requests · 1 note"). axe finds nothing serious in the panel. Screenshots of the
 * panel and the card in the light and dark themes: test/.artifacts/screenshots/evidence-*.png.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { jest } from '@jest/globals';
import { messages } from '../../static/shared/messages';
import { evidence as m } from '../../static/shared/messages/evidence';
import { valueOf } from '../integration/resolvers/strategy/builders';
import { itemInput, screenshots, useSandboxBrowser } from './kit';

jest.setTimeout(180_000);

const e2e = useSandboxBrowser();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe over what this feature draws (the panel's Evidence section and the cards); other parts have their own checks. */
async function seriousViolations(frame: Frame): Promise<string[]> {
  return (await frame.evaluate(`${axeSource}
    axe.run({ include: [['[data-testid="item-evidence"]'], ['.rm-card']] }, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ') + ')'))`)) as string[];
}

test.each(['light', 'dark'] as const)('in the %s theme: add a note and a JQL evidence in the panel, and the card sums them', async (theme) => {
  const item = valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Guest checkout') }));
  const jql = 'project = OPS';
  const opsCount = valueOf(await e2e.invoke('productManager', 'previewEvidenceJql', { jql })).count;
  expect(opsCount).toBeGreaterThan(0);

  const frame = await e2e.openProjectPage({ user: 'productManager', theme });
  await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
  await frame.getByTestId('roadmap-board').waitFor({ timeout: 30_000 });
  await frame.getByTestId(`roadmap-card-${item.id}`).getByRole('button', { name: 'Guest checkout', exact: true }).click();
  const panel = frame.getByTestId('roadmap-item-panel');
  await panel.getByText(m.emptyEditor).waitFor({ timeout: 30_000 });

  // A note, by keyboard: the form's first field has focus.
  await panel.getByRole('button', { name: m.addNote }).click();
  await e2e.page.keyboard.type('We lose first-time buyers at the account step.');
  await panel.getByLabel(m.noteCustomer).fill('SMB retailers');
  await panel.getByLabel(m.noteSource).fill('Sales call');
  await panel.getByLabel(m.noteDate).fill('2026-11-20');
  await panel.getByRole('button', { name: m.add, exact: true }).click();
  await panel.getByTestId('evidence-note').getByText('We lose first-time buyers at the account step.').waitFor();
  await frame.getByTestId(`card-evidence-${item.id}`).getByText(m.notes(1)).waitFor();

  // A saved search, its count checked before saving.
  await panel.getByRole('button', { name: m.addJql }).click();
  await panel.getByLabel(m.jqlLabel).fill('support requests');
  await panel.getByTestId('evidence-jql-input').fill(jql);
  await panel.getByRole('button', { name: m.preview }).click();
  await panel.getByText(m.previewCount(opsCount)).waitFor();
  await panel.getByRole('button', { name: m.add, exact: true }).click();
  const search = panel.getByTestId('evidence-jql');
  await search.getByText(m.jqlCount(opsCount)).waitFor();
  expect(await search.getByTestId('evidence-search-link').getAttribute('href')).toMatch(/\/issues\/\?jql=project%20%3D%20OPS$/);

  const card = frame.getByTestId(`card-evidence-${item.id}`);
  await card.getByText(m.cardSummary([m.requests(opsCount), m.notes(1)])).waitFor();
  expect(await card.getAttribute('aria-label')).toBe(m.cardLabel([m.requests(opsCount), m.notes(1)]));

  expect(await seriousViolations(frame)).toEqual([]);
  const section = panel.getByTestId('item-evidence');
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: join(screenshots, `evidence-panel-${theme}.png`) });
  await frame.getByTestId(`roadmap-card-${item.id}`).screenshot({ path: join(screenshots, `evidence-card-${theme}.png`) });

  // The label opens Jira's issue search for the JQL (router.navigate; the sandbox host names the page it would open).
  await search.getByTestId('evidence-search-link').click();
  await e2e.page.getByText(/Jira would open .*\/issues\/\?jql=project%20%3D%20OPS/).waitFor();

  // After a reload the board counts the saved search again (one call for the board) and shows the same line.
  await e2e.page.reload();
  const again = await e2e.appFrame();
  await again.getByTestId(`card-evidence-${item.id}`).getByText(m.cardSummary([m.requests(opsCount), m.notes(1)])).waitFor({ timeout: 30_000 });
});

test('a reader sees the evidence and the card line, with no way to change it', async () => {
  const item = valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Read only') }));
  valueOf(await e2e.invoke('productManager', 'addEvidence', { itemId: item.id, evidence: { kind: 'note', note: { text: 'Asked for in every demo.', source: '', customer: 'Enterprise', date: '2026-11-02' } } }));
  const frame = await e2e.openProjectPage({ user: 'developer' });
  await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
  await frame.getByTestId(`card-evidence-${item.id}`).getByText(m.notes(1)).waitFor({ timeout: 30_000 });
  await frame.getByTestId(`roadmap-card-${item.id}`).getByRole('button', { name: 'Read only' }).click();
  const panel = frame.getByTestId('roadmap-item-panel');
  await panel.getByText('Asked for in every demo.').waitFor();
  expect(await panel.getByRole('button', { name: m.addNote }).count()).toBe(0);
  expect(await panel.getByRole('button', { name: m.removeLabel(m.noteName('Asked for in every demo.')) }).count()).toBe(0);
});

test('linked issues as a reader sees them: one they may browse with its key, one of Finance only counted', async () => {
  const item = valueOf(await e2e.invoke('productManager', 'createRoadmapItem', { item: itemInput('Refund requests') }));
  // The Jira admin sees both projects, so may link both; the developer cannot browse FIN.
  valueOf(await e2e.invoke('admin', 'addEvidence', { itemId: item.id, evidence: { kind: 'issue', issueKey: 'OPS-1' } }));
  valueOf(await e2e.invoke('admin', 'addEvidence', { itemId: item.id, evidence: { kind: 'issue', issueKey: 'FIN-1' } }));
  for (const theme of ['light', 'dark'] as const) {
    const frame = await e2e.openProjectPage({ user: 'developer', theme });
    await frame.getByRole('tab', { name: messages.common.tabs.roadmap }).click();
    await frame.getByTestId(`roadmap-card-${item.id}`).getByRole('button', { name: 'Refund requests', exact: true }).click();
    const section = frame.getByTestId('roadmap-item-panel').getByTestId('item-evidence');
    await section.getByText(m.hiddenIssues(1)).waitFor({ timeout: 30_000 });
    await section.getByTestId('issue-link-OPS-1').waitFor();
    expect(await section.textContent()).not.toContain('FIN-1');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: join(screenshots, `evidence-issues-reader-${theme}.png`) });
  }
});
