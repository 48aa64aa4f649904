/**
 * Issue 13.4: which rows a windowed list draws (static/shared/windowing.ts). The browser tests
 * (test/e2e/windowing.test.ts) check the lists drawn; these check the arithmetic they rest on:
 * rows near the band drawn, pinned rows drawn wherever they are, spacers exactly as tall as the
 * rows and gaps they stand for.
 */
import { bandOf, entriesKey, windowEntries } from '../../../static/shared/windowing';
import type { WindowEntry } from '../../../static/shared/windowing';

/** The list's height as drawn: rows and spacers, a gap between each two. */
function drawnHeight(entries: readonly WindowEntry[], heightOf: (index: number) => number, gap: number): number {
  const parts = entries.map((entry) => (entry.kind === 'row' ? heightOf(entry.index) : entry.height));
  return parts.reduce((sum, height) => sum + height, 0) + gap * Math.max(0, parts.length - 1);
}

const heightOf = (index: number) => 80 + (index % 3) * 20;
const fullHeight = (count: number, gap: number) => Array.from({ length: count }, (_, i) => heightOf(i)).reduce((a, b) => a + b, 0) + gap * (count - 1);

test('5,000 rows, a band of two screens: a few dozen rows drawn, and the list exactly as tall as all of them', () => {
  const entries = windowEntries(5_000, heightOf, 8, { from: 10_000, to: 11_400 }, new Set());
  const rows = entries.filter((entry) => entry.kind === 'row');
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.length).toBeLessThan(20);
  expect(entries.filter((entry) => entry.kind === 'spacer')).toHaveLength(2);
  expect(drawnHeight(entries, heightOf, 8)).toBe(fullHeight(5_000, 8));
  // The rows drawn are consecutive and cover the band.
  const indexes = rows.map((entry) => (entry.kind === 'row' ? entry.index : -1));
  expect(indexes).toEqual(Array.from({ length: indexes.length }, (_, i) => indexes[0]! + i));
});

test('a pinned row far from the band is drawn at its place, between spacers, and the height still holds', () => {
  const entries = windowEntries(5_000, heightOf, 8, { from: 0, to: 1_400 }, new Set([4_321]));
  const rows = entries.flatMap((entry) => (entry.kind === 'row' ? [entry.index] : []));
  expect(rows).toContain(4_321);
  expect(rows.filter((index) => index > 100)).toEqual([4_321]);
  expect(entries.at(-1)).toMatchObject({ kind: 'spacer', from: 4_322, count: 678 });
  expect(drawnHeight(entries, heightOf, 8)).toBe(fullHeight(5_000, 8));
});

test('nothing laid out (jsdom): every row is drawn, in order', () => {
  const entries = windowEntries(300, heightOf, 8, bandOf('all', 0), new Set());
  expect(entries).toEqual(Array.from({ length: 300 }, (_, index) => ({ kind: 'row', index })));
});

test('the band is the view and a screen either side, in the list’s own coordinates', () => {
  // A list starting 500 px below the top of a 700 px view scrolled to its top.
  expect(bandOf({ scrollTop: 0, height: 700, edge: 0 }, 500)).toEqual({ from: -1_200, to: 900 });
  // The same list scrolled 3,000 px past its start.
  expect(bandOf({ scrollTop: 3_500, height: 700, edge: 0 }, -3_000)).toEqual({ from: 2_300, to: 4_400 });
});

test('the key changes exactly when the drawn rows change', () => {
  const a = windowEntries(1_000, heightOf, 8, { from: 5_000, to: 6_000 }, new Set());
  const b = windowEntries(1_000, heightOf, 8, { from: 5_001, to: 6_001 }, new Set());
  const c = windowEntries(1_000, heightOf, 8, { from: 9_000, to: 10_000 }, new Set());
  expect(entriesKey(a)).toBe(entriesKey(b));
  expect(entriesKey(a)).not.toBe(entriesKey(c));
});
