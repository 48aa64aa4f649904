/**
 * The page loads a roadmap bigger than one answer whole: `getRoadmap`'s first page, then
 * `getRoadmapItems` page by page through the bridge (src/resolvers/roadmap/roadmap-pages.ts),
 * starting over when the board changed between pages instead of showing a mix of two boards. The
 * first page is drawn at once, "Loading items: n of N" shows (and is announced) while the rest comes.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createSandbox } from '../integration/harness';
import { seedRoadmapItems } from '../integration/roadmap-seed';
import { installBridgeDouble } from './forge-bridge-double';

jest.setTimeout(120_000);

const sandbox = createSandbox();
/** Run once, just before the page asks for its second page: another user's edit at that moment. */
let beforeSecondPage: (() => Promise<void>) | undefined;
const itemsAnswers: string[] = [];
const browserSide: typeof sandbox = {
  ...sandbox,
  project: (key) => sandbox.project(key),
  setEditRule: (rule) => sandbox.setEditRule(rule),
  call: async (functionKey, options) => {
    if (functionKey === 'getRoadmapItems' && beforeSecondPage) {
      const edit = beforeSecondPage;
      beforeSecondPage = undefined;
      await edit();
    }
    const answer = await sandbox.call(functionKey, options);
    if (functionKey === 'getRoadmapItems') itemsAnswers.push(answer.ok ? 'ok' : answer.error.code);
    return answer;
  },
};
const bridge = installBridgeDouble(browserSide, { as: 'productManager' });
const count = 3_000;

beforeAll(() => seedRoadmapItems(sandbox, 'THR', count));

test('a board past one page is loaded whole, in rank order, with no cursor left', async () => {
  const { loadWholeRoadmap } = await import('../../static/product/src/roadmap/use-roadmap');
  const first = await sandbox.call('getRoadmap', { as: 'productManager', payload: {} });
  expect(first.ok && first.value.items.length).toBe(2_500);
  const whole = await loadWholeRoadmap();
  if (!whole.ok) throw new Error(JSON.stringify(whole.error));
  expect(whole.value.items.map((item) => item.id)).toEqual(Array.from({ length: count }, (_, i) => `seeded-${i}`));
  expect(whole.value.itemsPage).toBeUndefined();
});

async function openRoadmap() {
  const { ProductPage } = await import('../../static/product/src/product-page');
  const user = userEvent.setup({ delay: null });
  render(<ProductPage />);
  await user.click(await screen.findByRole('tab', { name: 'Roadmap' }, { timeout: 10_000 }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 20_000 });
}

test('the first page is drawn at once, the rest follows with "Loading items: n of N", announced', async () => {
  await openRoadmap();
  expect(screen.getByTestId('roadmap-items-paging').textContent).toBe('Loading items: 2,500 of 3,000');
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Loading items: 2,500 of 3,000'));
  await waitFor(() => expect(screen.queryByTestId('roadmap-items-paging')).toBeNull(), { timeout: 20_000 });
  expect(screen.getByTestId('announcer').textContent).toBe('All 3,000 items loaded.');
});

test('an edit between pages: the page loads the whole new board, never a page of it on the old one', async () => {
  const before = await sandbox.call('getRoadmap', { as: 'productManager', payload: {} });
  if (!before.ok) throw new Error('roadmap');
  const pagesBefore = bridge.calls.length;
  itemsAnswers.length = 0;
  beforeSecondPage = async () => {
    // Another user adds an item at the top while the first page is shown.
    const added = await sandbox.call('createRoadmapItem', {
      as: 'productManager',
      payload: { item: { title: 'Added meanwhile', description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned' } },
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
  };
  await openRoadmap();
  await waitFor(() => expect(screen.queryByTestId('roadmap-items-paging')).toBeNull(), { timeout: 30_000 });
  expect(beforeSecondPage).toBeUndefined();
  // The stale page was refused, then the whole new board came in pages of its own.
  expect(itemsAnswers[0]).toBe('conflict');
  expect(itemsAnswers.slice(1)).toEqual(['ok']);
  expect(bridge.calls.length).toBeGreaterThan(pagesBefore);
  // The board was loaded again whole: the new item is on it.
  // (Text, not role: role queries over a few thousand cards take jsdom minutes.)
  expect(await screen.findByText('Added meanwhile', undefined, { timeout: 10_000 })).toBeTruthy();
});
