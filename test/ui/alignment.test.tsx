import axe from 'axe-core';
import { screen, waitFor, within } from '@testing-library/react';
import { epicLinksPropertyKey } from '../../src/domain/epic-links';
import type { SimIssue } from '../sandbox/jira/model';
import { alignmentCsv, roadmapCsv } from '../../static/product/src/alignment/exports';
import { announcement, productPageHarness } from './product-page-harness';

const page = productPageHarness();

beforeEach(() => {
  for (const issue of page.sandbox.site.issues) delete issue.properties?.[epicLinksPropertyKey];
});

const seedGoal = (title: string) => page.call('createGoal', { goal: { title, description: '', ownerAccountId: null, status: 'on-track', timeFrame: { kind: 'none' } } });

async function openAlignment(as: 'productManager' | 'developer' = 'productManager') {
  const opened = await page.open(as);
  await opened.user.click(screen.getByRole('tab', { name: 'Alignment' }));
  await screen.findByTestId('alignment-tab', undefined, { timeout: 10_000 });
  return opened;
}

describe('the Alignment tab', () => {
  test('lists unaligned epics, goals with no work and the sprint investment as a chart and a table', async () => {
    await seedGoal('Faster checkout');
    const view = await page.call('getAlignment', undefined);
    const firstUnaligned = view.epics.find((epic) => epic.id === view.unalignedEpicIds[0])!;
    await openAlignment();
    expect(within(screen.getByTestId('unaligned-epics')).getByText(firstUnaligned.summary)).toBeTruthy();
    expect(within(screen.getByTestId('goals-without-work')).getByText('Faster checkout')).toBeTruthy();
    const chart = screen.getByRole('img', { name: /Bar chart of story points committed and completed/ });
    expect(chart.getAttribute('aria-describedby')).toBe(screen.getByTestId('investment-table').id);
    expect(screen.getByText(/split evenly between them/)).toBeTruthy();
    const firstSprint = view.investment[0]!;
    expect(within(screen.getByTestId('investment-table')).getAllByText(firstSprint.name).length).toBeGreaterThan(0);
  });

  test('sorting by recent activity puts the most recently updated epic first', async () => {
    const view = await page.call('getAlignment', undefined);
    const newest = view.unalignedEpicIds.map((id) => view.epics.find((epic) => epic.id === id)!).sort((a, b) => Date.parse(b.updated!) - Date.parse(a.updated!))[0]!;
    const { user } = await openAlignment();
    await user.selectOptions(screen.getByLabelText('Sort by'), 'activity');
    const firstRow = within(screen.getByTestId('unaligned-epics')).getAllByRole('row')[1]!;
    expect(within(firstRow).getByText(newest.key)).toBeTruthy();
  });

  test('an editor links an unaligned epic to a goal in one step, and it leaves the list', async () => {
    const goal = await seedGoal('Keep customers');
    const view = await page.call('getAlignment', undefined);
    const epic = view.epics.find((e) => e.id === view.unalignedEpicIds[0])!;
    const { user } = await openAlignment();
    await user.selectOptions(screen.getByLabelText(`Goal for ${epic.key}`), goal.id);
    await user.click(screen.getByRole('button', { name: `Link ${epic.key} to the chosen goal` }));
    await waitFor(() => expect(screen.queryByTestId(`unaligned-${epic.key}`)).toBeNull());
    expect(announcement()).toBe(`${epic.key} now serves “Keep customers”.`);
    expect(within(screen.getByTestId('alignment-matrix')).getByText(epic.summary)).toBeTruthy();
    expect(screen.getByText('Every goal has at least one epic serving it.')).toBeTruthy();
  });

  test('an epic key is a link to the issue in Jira: its href for a new tab, a click navigates Jira there', async () => {
    const view = await page.call('getAlignment', undefined);
    const epic = view.epics.find((e) => e.id === view.unalignedEpicIds[0])!;
    const { user } = await openAlignment();
    const link = within(screen.getByTestId(`unaligned-${epic.key}`)).getByRole('link', { name: epic.key });
    await waitFor(() => expect(link.getAttribute('href')).toBe(`${page.sandbox.site.baseUrl}/browse/${epic.key}`));
    const before = page.bridge.navigations.length;
    await user.click(link);
    expect(page.bridge.navigations.slice(before)).toEqual([{ target: 'issue', issueKey: epic.key, type: 'same-tab' }]);
  });

  test('the unaligned list draws 25 rows, then more on request, and a filter narrows it by key or summary, saying how many', async () => {
    // The demo site has a dozen unaligned epics; twenty more epics like one of them make a second page.
    const before = await page.call('getAlignment', undefined);
    const template = page.sandbox.site.issues.find((issue) => issue.id === before.unalignedEpicIds[0])!;
    const extra = Array.from({ length: 20 }, (_, i): SimIssue => ({ ...structuredClone(template), id: String(990_100 + i), key: `${template.key.split('-')[0]}-${9100 + i}`, summary: `Backlog epic ${i + 1}`, properties: {} }));
    page.sandbox.site.issues.push(...extra);
    try {
      const view = await page.call('getAlignment', undefined);
      const unaligned = view.unalignedEpicIds.map((id) => view.epics.find((epic) => epic.id === id)!);
      expect(unaligned.length).toBeGreaterThan(25);
      const { user } = await openAlignment();
      const rows = () => within(screen.getByTestId('unaligned-epics')).getAllByRole('row').length - 1;
      expect(rows()).toBe(25);
      expect(screen.getByTestId('unaligned-count').textContent).toBe(`Showing 25 of ${unaligned.length} epics`);
      await user.click(screen.getByRole('button', { name: `Show ${Math.min(25, unaligned.length - 25)} more` }));
      expect(rows()).toBe(Math.min(50, unaligned.length));
      await waitFor(() => expect(document.activeElement?.textContent).toBe(within(screen.getByTestId('unaligned-epics')).getAllByRole('row')[26]!.querySelector('a')!.textContent));

      const target = unaligned[unaligned.length - 1]!;
      await user.type(screen.getByRole('searchbox', { name: 'Find an unaligned epic' }), target.key.toLowerCase());
      expect(within(screen.getByTestId('unaligned-epics')).getByRole('link', { name: target.key })).toBeTruthy();
      const matching = unaligned.filter((epic) => epic.key.toLowerCase().includes(target.key.toLowerCase())).length;
      expect(rows()).toBe(matching);
      expect(screen.getByTestId('unaligned-count').textContent).toBe(`Showing ${matching} of ${matching} matching ${matching === 1 ? 'epic' : 'epics'} (${unaligned.length} unaligned)`);
      expect(screen.getByTestId('unaligned-count').getAttribute('aria-live')).toBe('polite');

      await user.clear(screen.getByRole('searchbox', { name: 'Find an unaligned epic' }));
      await user.type(screen.getByRole('searchbox', { name: 'Find an unaligned epic' }), 'zzqx nothing');
      expect(screen.queryByTestId('unaligned-epics')).toBeNull();
      expect(screen.getByTestId('unaligned-count').textContent).toBe('No unaligned epic matches “zzqx nothing”.');
    } finally {
      page.sandbox.site.issues.splice(page.sandbox.site.issues.length - extra.length, extra.length);
    }
  });

  test('a developer who edits issues gets the link controls, as in the epic panel', async () => {
    await seedGoal('Keep customers');
    await openAlignment('developer');
    expect(screen.getByTestId('unaligned-epics')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /to the chosen goal/ }).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Download alignment (CSV)' })).toBeTruthy();
  });

  test('the CSV files carry the page’s figures, quoted, with a byte order mark and CRLF', async () => {
    const goal = await seedGoal('Faster, "cheaper" checkout');
    await page.call('createRoadmapItem', { item: { title: 'One-tap payment', description: '', goalId: goal.id, laneId: null, horizon: 'now', startDate: '2026-01-05', endDate: null, status: 'planned' } });
    const view = await page.call('getAlignment', undefined);
    const alignment = alignmentCsv(view);
    expect(alignment.startsWith('\uFEFFSection,Epic key,Epic summary')).toBe(true);
    expect(alignment).toContain('Goal with no work,,,,"Faster, ""cheaper"" checkout",,,,,,,,,,\r\n');
    // Every record has as many fields as the header (a naive split is enough: no field here holds a line break).
    const fieldCounts = alignment.slice(1).split('\r\n').filter(Boolean).map((line) => line.replace(/"(?:[^"]|"")*"/g, 'x').split(',').length);
    expect(new Set(fieldCounts)).toEqual(new Set([15]));
    expect(alignment.split('\r\n').filter((line) => line.startsWith('Unaligned epic,')).length).toBe(view.unalignedEpicIds.length);
    expect(roadmapCsv(view)).toBe('\uFEFFItem,Goal,Lane,Horizon,Start date,End date,Status,Epic keys,Done issues,Total issues,Done points,Total points\r\nOne-tap payment,"Faster, ""cheaper"" checkout","Faster, ""cheaper"" checkout",Now,2026-01-05,,Planned,,0,0,0,0\r\n');
  });

  test('has no axe violations', async () => {
    const goal = await seedGoal('Keep customers');
    const view = await page.call('getAlignment', undefined);
    await page.call('linkEpics', { target: { kind: 'goal', id: goal.id }, link: [{ epicId: view.unalignedEpicIds[0]!, linksVersion: 0 }], unlink: [] });
    await openAlignment();
    const result = await axe.run(screen.getByTestId('alignment-tab'), { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
