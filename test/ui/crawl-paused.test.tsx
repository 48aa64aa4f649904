/**
 * Issue 13: when Jira's hourly quota is spent, the crawl waits for Jira's reset (`pausedUntil`,
 * test/integration/delivery/rollup-crawl-quota.test.ts) and the progress line says until when, in
 * the reader's language and time zone (the texts as locales/<locale>.json carries them to the page).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { setFormatLocale } from '../../static/shared/format';
import { setLoadedTexts } from '../../static/shared/messages/runtime';
import { CrawlProgress } from '../../static/product/src/roadmap/crawl-progress';

const localeTexts = (locale: string) => JSON.parse(readFileSync(join(__dirname, '../../locales', `${locale}.json`), 'utf8'));
const paused = { done: 40_000, total: 100_000, startedAt: '2026-12-07T14:00:00Z', pausedUntil: '2026-12-07T15:00:00Z' };

afterEach(() => {
  cleanup();
  setLoadedTexts(undefined);
  setFormatLocale({});
});

test('en-US in New York: the line says counting resumes at Jira’s reset, in the reader’s zone', () => {
  setFormatLocale({ locale: 'en-US', timeZone: 'America/New_York' });
  render(<CrawlProgress crawl={paused} />);
  const status = screen.getByRole('status');
  expect(status.textContent).toContain('hourly request limit');
  expect(status.textContent).toContain('10:00');
  expect(screen.getByTestId('roadmap-crawl').textContent).toContain('Counting work: 40,000 of 100,000 issues');
});

test('de-DE in Berlin: German text, German grouping, 16:00', () => {
  setLoadedTexts({ locale: 'de-DE', texts: localeTexts('de-DE') });
  setFormatLocale({ locale: 'de-DE', timeZone: 'Europe/Berlin' });
  render(<CrawlProgress crawl={paused} />);
  expect(screen.getByRole('status').textContent).toMatch(/Anfragelimit.*16:00/);
  expect(screen.getByTestId('roadmap-crawl').textContent).toContain('40.000');
});

test('no pause, no sentence', () => {
  render(<CrawlProgress crawl={{ done: 5, total: 10, startedAt: '2026-12-07T14:00:00Z' }} />);
  expect(screen.queryByRole('status')).toBeNull();
});
