import { byProductName, hasProductData, healthCounts, roadmapSummary } from '../../../src/domain/portfolio';
import type { SummaryItem } from '../../../src/domain/portfolio';

const today = '2026-05-15';
const item = (overrides: Partial<SummaryItem> = {}): SummaryItem => ({ horizon: 'now', status: 'planned', ...overrides });

describe('roadmapSummary', () => {
  test('of no items is all zeros, every horizon and status present', () => {
    expect(roadmapSummary([], today)).toEqual({
      items: 0,
      byHorizon: { now: 0, next: 0, later: 0 },
      byStatus: { idea: 0, planned: 0, 'in-progress': 0, done: 0, parked: 0 },
      pastEndDate: 0,
    });
  });

  test('counts items per horizon and per status', () => {
    const summary = roadmapSummary([item(), item({ horizon: 'next', status: 'idea' }), item({ horizon: 'next', status: 'done' }), item({ horizon: 'later', status: 'parked' })], today);
    expect(summary.byHorizon).toEqual({ now: 1, next: 2, later: 1 });
    expect(summary.byStatus).toEqual({ idea: 1, planned: 1, 'in-progress': 0, done: 1, parked: 1 });
    expect(summary.items).toBe(4);
  });

  test.each([
    ['an open item that ended yesterday', item({ status: 'in-progress', endDate: '2026-05-14' }), 1],
    ['an open item that ends today', item({ status: 'in-progress', endDate: today }), 0],
    ['an open item without an end date', item({ status: 'idea' }), 0],
    ['a done item that ended long ago', item({ status: 'done', endDate: '2025-01-01' }), 0],
    ['a parked item that ended long ago', item({ status: 'parked', endDate: '2025-01-01' }), 0],
    ['a planned item that ended last year', item({ status: 'planned', endDate: '2025-12-31' }), 1],
  ])('counts %s as past its end date: %d', (_name, one, expected) => {
    expect(roadmapSummary([one], today).pastEndDate).toBe(expected);
  });
});

describe('healthCounts', () => {
  test('count each health, zeros included', () => {
    expect(healthCounts(['on-track', 'no-data', 'on-track'])).toEqual({ 'on-track': 2, 'at-risk': 0, 'off-track': 0, 'no-data': 1 });
  });
});

describe('hasProductData', () => {
  test.each([
    [{ visionVersion: 0, goals: 0, items: 0 }, false],
    [{ visionVersion: 1, goals: 0, items: 0 }, true],
    [{ visionVersion: 0, goals: 1, items: 0 }, true],
    [{ visionVersion: 0, goals: 0, items: 1 }, true],
  ])('%o → %s', (product, expected) => {
    expect(hasProductData(product)).toBe(expected);
  });
});

describe('byProductName', () => {
  const product = (productName: string, name: string, key: string) => ({ vision: { productName }, project: { name, key } });

  test('orders by the product name, the project name standing in for a product without one', () => {
    const sorted = [product('Zeta', 'Alpha project', 'A'), product('', 'Beta project', 'B'), product('  ', 'Aardvark', 'C')].sort(byProductName);
    expect(sorted.map((p) => p.project.key)).toEqual(['C', 'B', 'A']);
  });

  test('keeps equal names in project key order', () => {
    expect([product('Same', 'x', 'MOB'), product('Same', 'y', 'FIN')].sort(byProductName).map((p) => p.project.key)).toEqual(['FIN', 'MOB']);
  });
});
