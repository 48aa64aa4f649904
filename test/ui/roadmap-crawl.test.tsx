/**
 * Issue 13 in the page: a big project's first visit shows the board at once with "Counting work:
 * n of N issues" (a progressbar screen readers can read), cards whose progress is still counted keep
 * the room their progress will take, and as the queue's consumers count, the page (polling the cheap
 * `getRoadmapCrawl`) fills the cards in without a reload, then drops the line.
 */
import axe from 'axe-core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Defs } from '../../src/contract';
import { rollupCrawl } from '../../src/index';
import { buildLargeSite, loadEntityPropertyIndexes } from '../sandbox/demo';
import type { ConsumerHandler } from '../sandbox/forge/sandbox';
import { createSandbox, manifestPath } from '../integration/harness';
import { installBridgeDouble } from './forge-bridge-double';

jest.setTimeout(60_000);

// THR: 112 epics of 3 children: more than a call crawls itself, so the queue counts them.
const sandbox = createSandbox({ site: buildLargeSite({ epics: 320, childrenPerEpic: 3, sprints: 12, entityPropertyIndexes: loadEntityPropertyIndexes(manifestPath) }) });
sandbox.forge.registerConsumer('rollup-crawl', rollupCrawl as unknown as ConsumerHandler);
installBridgeDouble(sandbox, { as: 'productManager' });
let Page: typeof import('../../static/product/src/product-page').ProductPage;

beforeAll(async () => {
  ({ ProductPage: Page } = await import('../../static/product/src/product-page'));
});

async function call<K extends keyof Defs>(functionKey: K, payload: unknown): Promise<Extract<ReturnType<Defs[K]>, { ok: true }>['value']> {
  const result = await sandbox.call(functionKey, { as: 'productManager', payload: payload as never });
  if (!result.ok) throw new Error(`${functionKey}: ${JSON.stringify(result.error)}`);
  return result.value as never;
}

test('counting a big project: progress line, reserved card room, cards filled in as epics are done, no reload', async () => {
  const item = await call('createRoadmapItem', { item: { title: 'Checkout at scale', description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned' } });
  // The first load starts the count (this call is the first visit); the item gets the first epic counted.
  const first = await call('getRoadmap', {});
  const epic = first.epics[0]!;
  await call('linkEpics', { target: { kind: 'item', id: item.id }, link: [{ epicId: epic.id, linksVersion: epic.linksVersion }], unlink: [] });
  const total = first.crawl!.total!;

  const user = userEvent.setup({ delay: null });
  render(<Page />);
  await user.click(await screen.findByRole('tab', { name: 'Roadmap' }, { timeout: 10_000 }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });

  const bar = await screen.findByRole('progressbar', { name: 'Counting work in this project' });
  expect(screen.getByTestId('roadmap-crawl').textContent).toContain(`Counting work: 0 of ${total.toLocaleString('en')} issues`);
  expect(bar.getAttribute('aria-valuenow')).toBe('0');
  expect(bar.getAttribute('aria-valuemax')).toBe(String(total));
  const card = screen.getByRole('button', { name: 'Checkout at scale' }).closest('li')!;
  // The room the progress will take: a bar and three lines, as a counted card has.
  expect(card.querySelectorAll('.rm-bar')).toHaveLength(1);
  expect(card.querySelectorAll('.rm-line')).toHaveLength(3);
  expect(within(card).getByText('Progress loading…')).toBeTruthy();

  // The first work items are counted: the page polls, sees more epics done and loads them in.
  await sandbox.forge.drainQueue({ maxDeliveries: 3 });
  // What the crawl has counted so far, as the server says it (the work items' size is the crawl's own).
  const counted = (await call('getRoadmapCrawl', {})).crawl!.done;
  expect(counted).toBeGreaterThan(0);
  expect(counted).toBeLessThan(total);
  await waitFor(() => expect(screen.getByTestId('roadmap-crawl').textContent).toContain(`Counting work: ${counted.toLocaleString('en')} of ${total.toLocaleString('en')} issues`), { timeout: 8_000 });
  await waitFor(() => expect(within(card).queryByText('Progress loading…')).toBeNull(), { timeout: 8_000 });
  expect(card.isConnected).toBe(true); // the same card, filled in: no reload
  expect(card.querySelector('.rm-bar[role="img"]')).not.toBeNull();

  await sandbox.forge.drainQueue();
  await waitFor(() => expect(screen.queryByTestId('roadmap-crawl')).toBeNull(), { timeout: 8_000 });
  expect(screen.queryByRole('progressbar')).toBeNull();

  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('the epics table of a big project: a page of rows at a time, counting shown where children are not counted yet', async () => {
  cleanup();
  sandbox.forge.kvs.clear();
  sandbox.forge.queue.clear();
  const user = userEvent.setup({ delay: null });
  render(<Page />);
  await user.click(await screen.findByRole('tab', { name: 'Epics & sprints' }, { timeout: 10_000 }));
  const table = await screen.findByTestId('epic-table', undefined, { timeout: 10_000 });
  const epics = (await call('getProjectOverview', undefined)).epics.length;
  expect(epics).toBeGreaterThan(100);
  // Bounded: the first page of rows, and the way to the next.
  expect(table.querySelectorAll('tbody tr')).toHaveLength(100);
  expect(screen.getByText(`Showing 100 of ${epics} epics`)).toBeTruthy();
  expect(within(table).getAllByText('Counting work…')).toHaveLength(100);
  expect(screen.getByRole('progressbar', { name: 'Counting work in this project' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: `Show ${epics - 100} more` }));
  expect(screen.queryByText(/^Showing /)).toBeNull();
  // All of them shown, in a scroll box that draws a window of rows (static/shared/windowed-list.tsx):
  // the table tells assistive technology how many rows there are and where each drawn one sits.
  // (the table is drawn anew inside that box: found again)
  const windowedTable = screen.getByTestId('epic-table');
  expect(windowedTable.getAttribute('aria-rowcount')).toBe(String(epics + 1));
  const drawn = [...windowedTable.querySelectorAll('tbody tr[data-row-index]')];
  // jsdom lays nothing out, so how few rows are drawn is Chromium's to show (test/e2e/windowing.test.ts).
  expect(drawn.length).toBeGreaterThan(0);
  for (const row of drawn) expect(row.getAttribute('aria-rowindex')).toBe(String(Number(row.getAttribute('data-row-index')) + 2));
});
