/**
 * Evidence in the roadmap item panel and on the card (issue 15), with the real page, bridge and
 * resolver over the sandbox: an issue added by key links into Jira and the card counts it, an edit
 * from a stale version is reloaded instead of overwriting, a hidden issue is never named, and the
 * board asks for its saved searches' counts once.
 */
import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import type { RoadmapItemInput } from '../../src/contract';
import { evidence as m } from '../../static/shared/messages/evidence';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();
// Counts are kept per item id for a minute; every test makes new items, so none carries over.
beforeEach(() => window.sessionStorage.clear());

const itemInput = (title: string): RoadmapItemInput => ({ title, description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned' });
const keyIn = (projectKey: string) => page.sandbox.site.issues.find((issue) => issue.projectId === page.sandbox.project(projectKey).id)!.key;

async function openItem(title: string, as: 'productManager' | 'developer' = 'productManager') {
  const opened = await page.open(as);
  await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
  await opened.user.click(screen.getByRole('button', { name: title }));
  const panel = screen.getByRole('region', { name: title });
  await within(panel).findByTestId('item-evidence');
  return { ...opened, panel };
}

test('an issue added by key, by keyboard: listed with a link into Jira, counted on the card, announced', async () => {
  const item = await page.call('createRoadmapItem', { item: itemInput('Guest checkout') });
  const key = keyIn('OPS');
  const { user, panel } = await openItem('Guest checkout');
  await within(panel).findByText(m.emptyEditor);
  await user.click(within(panel).getByRole('button', { name: m.addIssue }));
  const field = within(panel).getByRole('textbox', { name: new RegExp(`^${m.issueKey}`) });
  expect(document.activeElement).toBe(field);
  await user.type(field, `${key.toLowerCase()}{Enter}`);
  const link = await within(panel).findByTestId(`issue-link-${key}`);
  expect(link.textContent).toBe(key);
  expect(announcement()).toBe(m.added('issue'));
  await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: m.addIssue })));
  // Escape closes a form and leaves the panel open.
  await user.click(within(panel).getByRole('button', { name: m.addNote }));
  await user.keyboard('{Escape}');
  await waitFor(() => expect(within(panel).queryByTestId('evidence-form')).toBeNull());
  expect(screen.getByRole('region', { name: 'Guest checkout' })).toBeTruthy();
  await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: m.addNote })));
  await waitFor(() => expect(screen.getByTestId(`card-evidence-${item.id}`).textContent).toBe(m.requests(1)));
  const results = await axe.run(within(panel).getByTestId('item-evidence'), { runOnly: ['wcag2a', 'wcag2aa'] });
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('a note edited by someone else meanwhile: the save is a conflict, their text is shown, nothing is overwritten', async () => {
  const item = await page.call('createRoadmapItem', { item: itemInput('Wishlist') });
  const added = await page.call('addEvidence', { itemId: item.id, evidence: { kind: 'note', note: { text: 'Original words', source: '', customer: 'Retail', date: '2026-11-01' } } });
  const { user, panel } = await openItem('Wishlist');
  await within(panel).findByText('Original words');
  const entry = added.entries[0]!;
  await page.call('updateEvidence', { itemId: item.id, id: entry.id, baseVersion: entry.version, evidence: { kind: 'note', note: { text: 'Their words', source: '', customer: 'Retail', date: '2026-11-01' } } }, 'admin');
  await user.click(within(panel).getByRole('button', { name: m.editLabel(m.noteName('Original words')) }));
  const text = within(panel).getByRole('textbox', { name: new RegExp(`^${m.noteText}`) });
  await user.clear(text);
  await user.type(text, 'My words');
  await user.click(within(panel).getByRole('button', { name: m.save }));
  await within(panel).findByText('Their words');
  expect(within(panel).getByRole('status').textContent).toBe(m.conflict);
  const stored = await page.call('listItemEvidence', { itemId: item.id });
  expect(stored.entries[0]).toMatchObject({ note: { text: 'Their words' } });
});

test('a reader sees a linked issue they may not browse only as “an issue you can’t see”, and cannot change anything', async () => {
  const item = await page.call('createRoadmapItem', { item: itemInput('Invoices') });
  const finKey = keyIn('FIN');
  await page.call('addEvidence', { itemId: item.id, evidence: { kind: 'issue', issueKey: finKey } }, 'admin');
  const { panel } = await openItem('Invoices', 'developer');
  await within(panel).findByText(m.hiddenIssue);
  expect(within(panel).getByText(m.hiddenIssues(1))).toBeTruthy();
  expect(panel.textContent).not.toContain(finKey);
  expect(within(panel).queryByRole('button', { name: m.addNote })).toBeNull();
  expect(within(panel).queryByRole('button', { name: m.removeLabel(m.hiddenIssueName) })).toBeNull();
});

test('the board counts every card’s saved searches in one call after it renders', async () => {
  const items = [await page.call('createRoadmapItem', { item: itemInput('First') }), await page.call('createRoadmapItem', { item: itemInput('Second') })];
  for (const item of items) await page.call('addEvidence', { itemId: item.id, evidence: { kind: 'jql', label: 'ops', jql: 'project = OPS' } });
  const opsCount = (await page.call('previewEvidenceJql', { jql: 'project = OPS' })).count;
  page.sandbox.jira.resetStats();
  const opened = await page.open('productManager');
  await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
  for (const item of items) await waitFor(() => expect(screen.getByTestId(`card-evidence-${item.id}`).textContent).toBe(m.requests(opsCount)));
  // Two cards, one query: Jira counted it once.
  expect(page.sandbox.jira.stats.byRoute['POST /rest/api/3/search/approximate-count']).toBe(1);
});

test('at the limit of saved searches, adding one more is off and the panel says why', async () => {
  const item = await page.call('createRoadmapItem', { item: itemInput('Well searched') });
  for (let n = 0; n < 5; n += 1) await page.call('addEvidence', { itemId: item.id, evidence: { kind: 'jql', label: `query ${n}`, jql: `project = OPS AND summary ~ "w${n}"` } });
  const { panel } = await openItem('Well searched');
  await within(panel).findByText(m.limitReached(m.limitWhat.jql!, 5));
  expect((within(panel).getByRole('button', { name: m.addJql }) as HTMLButtonElement).disabled).toBe(true);
  expect((within(panel).getByRole('button', { name: m.addNote }) as HTMLButtonElement).disabled).toBe(false);
});
