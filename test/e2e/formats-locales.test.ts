/**
 * Issue 12, part 3, where people see it: the roadmap in German and Japanese says its quarters, its
 * Timeline scale and its cards' dates with Intl in the reader's locale (the host's `lang`), and no
 * English month is left on the board. Screenshots: test/.artifacts/screenshots/formats-<lang>-*.png;
 * axe: no serious or critical violation in either view.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { valueOf, goalInput } from '../integration/resolvers/strategy/builders';
import { itemInput, screenshots, seriousViolations, useSandboxBrowser } from './kit';

jest.setTimeout(180_000);

const session = useSandboxBrowser({ viewport: { width: 1400, height: 900 } });


const englishMonths = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\bQuarter\b|\bUnscheduled\b/;

async function seed(): Promise<string> {
  const { invoke } = session;
  const today = valueOf(await invoke('productManager', 'getRoadmap', {})).today;
  const goal = valueOf(await invoke('productManager', 'createGoal', { goal: goalInput({ title: 'Faster checkout' }) }));
  const nextYear = Number(today.slice(0, 4)) + 1;
  valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('Wallets', { goalId: goal.id, horizon: 'next', startDate: `${nextYear}-03-05`, endDate: `${nextYear}-06-30` }) }));
  valueOf(await invoke('productManager', 'createRoadmapItem', { item: itemInput('Guest checkout', { goalId: goal.id, horizon: 'later' }) }));
  return String(nextYear);
}

async function openRoadmap(lang: string, layout: 'quarters' | 'gantt'): Promise<Frame> {
  await session.page.goto(`${session.host.url}/?project=THR&user=productManager&lang=${lang}&path=${encodeURIComponent(`/roadmap/${layout}`)}`);
  const frame = await session.appFrame();
  await frame.waitForFunction((expected) => document.documentElement.lang === expected, lang);
  return frame;
}

test.each([
  // lang, the card's dates, a quarter column, the timeline's month ticks
  ['de-DE', (y: string) => `5. März ${y}`, (y: string) => `Q1 ${y}`, /^(Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}$/],
  ['ja-JP', (y: string) => `${y}年3月5日`, (y: string) => `${y}年第1四半期`, /^\d{4}年\d{1,2}月$/],
])('%s: quarter columns, card dates and the Timeline scale in the reader’s locale', async (lang, cardDate, quarter, monthTick) => {
  const year = await seed();
  let frame = await openRoadmap(lang, 'quarters');
  const board = frame.getByTestId('roadmap-board');
  await board.waitFor({ timeout: 30_000 });
  const card = frame.getByRole('region', { name: 'Wallets' }).or(frame.locator('article, li').filter({ hasText: 'Wallets' })).first();
  await card.waitFor();
  await expect(card.textContent()).resolves.toContain(cardDate(year));
  const heads = await frame.locator('.rm-column-head span').allTextContents();
  expect(heads).toContain(quarter(year));
  expect(heads.join(' | ')).not.toMatch(englishMonths);
  await session.page.screenshot({ path: join(screenshots, `formats-${lang}-quarters.png`) });
  expect(await seriousViolations(frame)).toEqual([]);

  frame = await openRoadmap(lang, 'gantt');
  const ticks = frame.locator('.tl-band li.tl-tick > span[aria-hidden="true"]');
  await ticks.first().waitFor({ timeout: 30_000 });
  const minor = await ticks.allTextContents();
  expect(minor.length).toBeGreaterThan(6);
  for (const tick of minor) expect(tick).toMatch(monthTick);
  const major = await frame.locator('.tl-tick-major > span').allTextContents();
  expect(major.join(' | ')).not.toMatch(englishMonths);
  await session.page.screenshot({ path: join(screenshots, `formats-${lang}-timeline.png`) });
  expect(await seriousViolations(frame)).toEqual([]);
});

test.each([
  ['de-DE', 'Roadmap herunterladen (CSV)', 'THR-Roadmap-', 'Roadmap-Element,Ziel,Bahn,Horizont,Startdatum,Enddatum,Status'],
  ['ja-JP', 'ロードマップをダウンロード (CSV)', 'THR-ロードマップ-', 'ロードマップ項目,目標,スイムレーン,ホライズン,開始日,終了日,ステータス'],
])('%s: the roadmap CSV downloads under a name and headers in the reader’s language, its data locale-neutral', async (lang, button, fileStart, header) => {
  const year = await seed();
  const today = valueOf(await session.invoke('productManager', 'getRoadmap', {})).today;
  await session.page.goto(`${session.host.url}/?project=THR&user=productManager&lang=${lang}&path=${encodeURIComponent('/alignment')}`);
  const frame = await session.appFrame();
  const exportButton = frame.getByRole('button', { name: button });
  await exportButton.waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([session.page.waitForEvent('download'), exportButton.click()]);
  expect(download.suggestedFilename()).toBe(`${fileStart}${today}.csv`);
  const text = readFileSync((await download.path())!, 'utf8');
  const [head, ...rows] = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(head!.startsWith(`${header},`)).toBe(true);
  // ISO days, whatever the reader's locale writes dates as.
  expect(rows.find((row) => row.startsWith('Wallets,'))).toContain(`,${year}-03-05,${year}-06-30,`);
});
