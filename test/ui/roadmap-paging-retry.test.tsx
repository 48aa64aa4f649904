/**
 * A further page of a big roadmap refused because the installation spent Forge's storage read
 * quota for the minute (test/sandbox/forge/kvs/quotas.ts: 429 RATE_LIMIT_EXCEEDED, which the
 * resolver answers as `storage-unavailable`): the page asks again (items-paging.tsx
 * `fetchItemsPage`) and completes once the sliding minute has moved on, the cards already drawn
 * staying meanwhile. Time is the test's: jest's fake clock drives both the page's waits and the
 * quota's minute, so nothing here waits 15 real seconds or asserts a duration.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KVS_QUOTAS } from '../sandbox/forge/kvs/quotas';
import { createSandbox } from '../integration/harness';
import { seedRoadmapItems } from '../integration/roadmap-seed';
import { installBridgeDouble } from './forge-bridge-double';

jest.setTimeout(120_000);

const sandbox = createSandbox();
const itemsAnswers: string[] = [];
/** Set just before the page asks for its second page: the quota is spent for the minute from then on. */
let spendQuotaBeforePage = false;
/** While set, every further page meets a quota someone else keeps spending (only while that page is asked). */
let quotaKeptSpent = false;
let lastRefusal = '';
const browserSide: typeof sandbox = {
  ...sandbox,
  project: (key) => sandbox.project(key),
  setEditRule: (rule) => sandbox.setEditRule(rule),
  call: async (functionKey, options) => {
    if (functionKey === 'getRoadmapItems' && spendQuotaBeforePage) {
      spendQuotaBeforePage = false;
      // Someone else's loads spent the minute's reads: the limit is what this minute already read.
      const spent = sandbox.forge.kvs.quotaStats.peakReadUnitsPerMinute;
      sandbox.forge.kvs.setQuotas({ ...KVS_QUOTAS, readUnitsPerMinute: spent });
    }
    const spent = functionKey === 'getRoadmapItems' && quotaKeptSpent;
    if (spent) sandbox.forge.kvs.setQuotas({ ...KVS_QUOTAS, readUnitsPerMinute: 0 });
    const answer = await sandbox.call(functionKey, options);
    if (spent) sandbox.forge.kvs.setQuotas(undefined);
    if (functionKey === 'getRoadmapItems') itemsAnswers.push(answer.ok ? 'ok' : answer.error.code);
    if (!answer.ok) lastRefusal = answer.error.message;
    return answer;
  },
};
installBridgeDouble(browserSide, { as: 'productManager' });
const count = 2_700;

beforeAll(() => seedRoadmapItems(sandbox, 'THR', count));

beforeEach(() => {
  itemsAnswers.length = 0;
  sandbox.forge.kvs.resetStats();
});

afterEach(() => {
  quotaKeptSpent = false;
  sandbox.forge.kvs.setQuotas(undefined);
  jest.useRealTimers();
});

test('fetchItemsPage: refused for the quota, it waits, asks again and gets the page once the minute moved on', async () => {
  // Only the clock is the test's: the waits below move it on.
  jest.useFakeTimers({
    doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'],
  });
  const { fetchItemsPage, pageRetry } = await import('../../static/product/src/roadmap/items-paging');
  const first = await sandbox.call('getRoadmap', { as: 'productManager', payload: {} });
  if (!first.ok || !first.value.itemsPage) throw new Error('Expected a board in pages');
  spendQuotaBeforePage = true;
  const waited: number[] = [];
  const page = await fetchItemsPage(first.value.itemsPage.cursor, {
    wait: async (ms) => {
      waited.push(ms);
      jest.setSystemTime(Date.now() + ms);
    },
  });
  if (!page.ok) throw new Error(JSON.stringify(page.error));
  expect(page.value.items.map((item) => item.id)).toEqual(Array.from({ length: count - first.value.items.length }, (_, i) => `seeded-${first.value.items.length + i}`));
  // Refused while the minute lasted, then answered: every refusal was a quota's, none the board's.
  expect(itemsAnswers[0]).toBe('storage-unavailable');
  expect(itemsAnswers.at(-1)).toBe('ok');
  expect(new Set(itemsAnswers.slice(0, -1))).toEqual(new Set(['storage-unavailable']));
  expect(waited.length).toBe(itemsAnswers.length - 1);
  expect(waited.length).toBeLessThanOrEqual(pageRetry.attempts);
  expect(sandbox.forge.kvs.quotaStats.refused).toBeGreaterThan(0);
});

test('the Roadmap tab: a page refused for the quota is asked again, the first page stays drawn, and every item arrives', async () => {
  jest.useFakeTimers({ advanceTimers: true, doNotFake: ['setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask'] });
  const { ProductPage } = await import('../../static/product/src/product-page');
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  spendQuotaBeforePage = true;
  render(<ProductPage />);
  await user.click(await screen.findByRole('tab', { name: 'Roadmap' }, { timeout: 20_000 }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 20_000 });
  expect(screen.getByTestId('roadmap-items-paging').textContent).toBe('Loading items: 2,500 of 2,700');
  await waitFor(() => expect(itemsAnswers).toContain('storage-unavailable'), { timeout: 20_000 });
  // The first page stays on the board while the page waits.
  expect(screen.getByText('Item 1')).toBeTruthy();
  expect(screen.getByTestId('roadmap-items-paging').textContent).toBe('Loading items: 2,500 of 2,700');
  // Time passes: the page's waits run out one after another until the quota's minute has moved on.
  for (let step = 0; step < 12 && !itemsAnswers.includes('ok'); step += 1) {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(15_000);
    });
    await waitFor(() => expect(itemsAnswers.length).toBeGreaterThan(step + 1), { timeout: 20_000 }).catch(() => undefined);
  }
  expect(itemsAnswers.at(-1)).toBe('ok');
  await waitFor(() => expect(screen.queryByTestId('roadmap-items-paging')).toBeNull(), { timeout: 20_000 });
  expect(screen.getByTestId('announcer').textContent).toBe('All 2,700 items loaded.');
});

test('a page still refused after its retries: the line says how many items are shown and why, and "Load the rest" brings them', async () => {
  jest.useFakeTimers({ advanceTimers: true, doNotFake: ['setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask'] });
  const { ProductPage } = await import('../../static/product/src/product-page');
  const { pageRetry } = await import('../../static/product/src/roadmap/items-paging');
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  quotaKeptSpent = true;
  render(<ProductPage />);
  await user.click(await screen.findByRole('tab', { name: 'Roadmap' }, { timeout: 20_000 }));
  await screen.findByTestId('roadmap-board', undefined, { timeout: 20_000 });
  // (Text, not role: role queries over a few thousand cards take jsdom minutes.)
  const loadRest = () => screen.queryByText('Load the rest')?.closest('button') ?? null;
  for (let step = 0; step < 12 && !loadRest(); step += 1) {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(15_000);
    });
    await waitFor(() => expect(itemsAnswers.length).toBeGreaterThan(Math.min(step + 1, pageRetry.attempts)), { timeout: 20_000 }).catch(() => undefined);
  }
  // Asked once and then as often as the retries allow, each time refused for the quota; then it says so.
  expect(itemsAnswers).toEqual(Array.from({ length: 1 + pageRetry.attempts }, () => 'storage-unavailable'));
  const line = await screen.findByTestId('roadmap-items-paging');
  expect(line.textContent).toContain(`2,500 of 2,700 items shown. ${lastRefusal}`);
  await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe(`2,500 of 2,700 items shown. ${lastRefusal}`));
  expect(screen.getByText('Item 1')).toBeTruthy();

  // The quota's minute is over: the rest comes on request.
  quotaKeptSpent = false;
  await user.click(loadRest()!);
  await waitFor(() => expect(screen.queryByTestId('roadmap-items-paging')).toBeNull(), { timeout: 20_000 });
  expect(itemsAnswers.at(-1)).toBe('ok');
  expect(screen.getByTestId('announcer').textContent).toBe('All 2,700 items loaded.');
});
