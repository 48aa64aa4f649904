/**
 * Issue 12, part 3, on the page: with the reader's Jira locale German (as boot sets it from the Forge
 * context), the roadmap's quarter columns, its cards' dates, the heading counts and the Timeline's
 * scale are Intl's German, with no English month left. Texts stay the bundled English here (the
 * catalogs' translations are the locale guard's business); formats follow the locale alone.
 */
import { screen, within } from '@testing-library/react';
import type { RoadmapItemInput } from '../../src/contract';
import { setFormatLocale } from '../../static/shared/format';
import { productPageHarness } from './product-page-harness';

const page = productPageHarness();

beforeEach(() => {
  window.sessionStorage.clear();
  setFormatLocale({ locale: 'de-DE', timeZone: 'Europe/Berlin' });
});
afterEach(() => setFormatLocale({}));

const itemInput = (title: string, extra: Partial<RoadmapItemInput> = {}): RoadmapItemInput => ({
  title, description: '', goalId: null, laneId: null, horizon: 'now', startDate: null, endDate: null, status: 'planned', ...extra,
});

test('German reader: quarter heads, card dates, counts and the Timeline scale in German', async () => {
  const { today } = await page.call('getRoadmap', {});
  const year = Number(today.slice(0, 4)) + 1;
  await page.call('createRoadmapItem', { item: itemInput('Wallets', { horizon: 'next', startDate: `${year}-03-05`, endDate: `${year}-06-30` }) });
  const opened = await page.open('productManager');
  await opened.user.click(screen.getByRole('tab', { name: 'Roadmap' }));
  const board = await screen.findByTestId('roadmap-board', undefined, { timeout: 10_000 });
  await opened.user.click(screen.getByRole('radio', { name: 'Quarters' }));
  const card = await within(board).findByText('Wallets');
  const cardText = card.closest('li')?.textContent ?? '';
  expect(cardText).toContain(`5. März ${year}`);
  expect(cardText).not.toMatch(/\bMar\b/);
  const heads = [...document.querySelectorAll('.rm-column-head span')].map((head) => head.textContent);
  expect(heads).toContain(`Q1 ${year}`);

  await opened.user.click(screen.getByRole('radio', { name: 'Timeline' }));
  await screen.findByTestId('roadmap-timeline');
  const ticks = [...document.querySelectorAll('.tl-band li.tl-tick > span[aria-hidden="true"]')].map((tick) => tick.textContent ?? '');
  expect(ticks.length).toBeGreaterThan(6);
  expect(ticks).toContain(`März ${year}`);
  for (const tick of ticks) expect(tick).not.toMatch(/\b(Mar|May|Oct|Dec)\b/);
  const spoken = [...document.querySelectorAll('.tl-band li.tl-tick .tl-visually-hidden')].map((tick) => tick.textContent);
  expect(spoken).toContain(`Dezember ${year}`);
});
