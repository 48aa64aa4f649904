import { defaultRoute, formatRoute, itemRoute, parseRoute, productTabs } from '../../../static/shared/product-route';
import { roadmapLayouts } from '../../../src/domain/roadmap';

const itemId = 'item-2f1c6a9e-58c4-4b7e-9a51-0d3c1e7b9f20';

describe('the product page route', () => {
  test('every tab, layout and item survives format then parse', () => {
    for (const tab of productTabs) expect(parseRoute(formatRoute({ tab }))).toEqual({ tab });
    for (const layout of roadmapLayouts) {
      expect(parseRoute(formatRoute({ tab: 'roadmap', layout }))).toEqual({ tab: 'roadmap', layout });
      expect(parseRoute(formatRoute({ tab: 'roadmap', layout, item: itemId }))).toEqual({ tab: 'roadmap', layout, item: itemId });
    }
  });

  test('is path segments a Jira page URL can carry', () => {
    expect(formatRoute({ tab: 'goals' })).toBe('/goals');
    expect(formatRoute({ tab: 'roadmap' })).toBe('/roadmap');
    expect(formatRoute({ tab: 'roadmap', layout: 'quarters', item: itemId })).toBe(`/roadmap/quarters/${itemId}`);
    expect(itemRoute(itemId)).toBe(`/roadmap/horizons/${itemId}`);
  });

  test('the root and an empty path open the vision', () => {
    expect(parseRoute('/')).toEqual(defaultRoute);
    expect(parseRoute('')).toEqual(defaultRoute);
    expect(defaultRoute).toEqual({ tab: 'vision' });
  });

  test('tolerates trailing slashes, a query and a hash', () => {
    expect(parseRoute('/roadmap/timeline/')).toEqual({ tab: 'roadmap', layout: 'timeline' });
    expect(parseRoute(`/roadmap/quarters/${itemId}?x=1#top`)).toEqual({ tab: 'roadmap', layout: 'quarters', item: itemId });
    expect(parseRoute('//alignment//')).toEqual({ tab: 'alignment' });
  });

  test('unknown tabs and layouts fall back; an item only counts on a known layout', () => {
    expect(parseRoute('/settings')).toEqual(defaultRoute);
    expect(parseRoute('/Roadmap')).toEqual(defaultRoute);
    expect(parseRoute('/roadmap/kanban/item-1')).toEqual({ tab: 'roadmap' });
    // `gantt` is the Timeline layout; `timeline`, the sprint columns' key from before it, keeps opening them.
    expect(parseRoute('/roadmap/gantt/item-1')).toEqual({ tab: 'roadmap', layout: 'gantt', item: 'item-1' });
    expect(parseRoute('/roadmap/timeline')).toEqual({ tab: 'roadmap', layout: 'timeline' });
    expect(parseRoute('/goals/quarters/item-1')).toEqual({ tab: 'goals' });
  });

  test('hostile input never throws and never becomes an item id', () => {
    const hostile: unknown[] = [
      undefined,
      null,
      42,
      {},
      ['/roadmap'],
      '/roadmap/horizons/%E0%A4%A',
      '/roadmap/horizons/<script>alert(1)</script>',
      '/roadmap/horizons/item-1"onmouseover="x',
      '/roadmap/horizons/..%2F..%2Fadmin',
      `/roadmap/horizons/${'a'.repeat(101)}`,
      '/roadmap/horizons/__proto__x y',
      '/\u0000/\uffff',
    ];
    for (const input of hostile) {
      const route = parseRoute(input);
      expect(productTabs).toContain(route.tab);
      expect(route.item).toBeUndefined();
    }
  });

  test('formatting never writes an item id that is not one', () => {
    expect(formatRoute({ tab: 'roadmap', layout: 'horizons', item: '../admin' })).toBe('/roadmap/horizons');
    expect(formatRoute({ tab: 'vision', layout: 'horizons', item: itemId })).toBe('/vision');
  });

  describe('the roadmap filter segment', () => {
    const full = { text: 'one-tap / pay; a=b', goal: 'goal-1', status: 'in-progress' as const, atRisk: true };
    test.each([
      ['text only', { text: 'checkout', goal: '', status: '' as const, atRisk: false }, '/roadmap/horizons/q=checkout'],
      ['goal and risk', { text: '', goal: 'none', status: '' as const, atRisk: true }, '/roadmap/horizons/goal=none;risk=1'],
      ['everything, text with / ; =', full, '/roadmap/horizons/q=one-tap%20%2F%20pay%3B%20a%3Db;goal=goal-1;status=in-progress;risk=1'],
    ['a horizon and no epics', { text: '', goal: '', status: '' as const, atRisk: false, horizon: 'later' as const, noEpics: true }, '/roadmap/horizons/horizon=later;noepics=1'],
    ])('%s survives format then parse', (_name, filter, path) => {
      expect(formatRoute({ tab: 'roadmap', layout: 'horizons', filter })).toBe(path);
      expect(parseRoute(path)).toEqual({ tab: 'roadmap', layout: 'horizons', filter });
    });

    test('sits after the open item, and either order parses', () => {
      const filter = { text: '', goal: '', status: 'done' as const, atRisk: false };
      expect(formatRoute({ tab: 'roadmap', layout: 'quarters', item: itemId, filter })).toBe(`/roadmap/quarters/${itemId}/status=done`);
      expect(parseRoute(`/roadmap/quarters/status=done/${itemId}`)).toEqual({ tab: 'roadmap', layout: 'quarters', item: itemId, filter });
    });

    test('a pathname handed back decoded (history’s decodeURI) still parses', () => {
      expect(parseRoute('/roadmap/horizons/q=one tap')).toEqual({ tab: 'roadmap', layout: 'horizons', filter: { text: 'one tap', goal: '', status: '', atRisk: false } });
    });

    test('an empty filter writes no segment; junk in one is dropped, never thrown on', () => {
      expect(formatRoute({ tab: 'roadmap', layout: 'horizons', filter: { text: '  ', goal: '', status: '', atRisk: false } })).toBe('/roadmap/horizons');
      expect(parseRoute('/roadmap/horizons/status=shipped;goal=..;risk=yes')).toEqual({ tab: 'roadmap', layout: 'horizons' });
      expect(parseRoute('/roadmap/horizons/q=%E0%A4%A')).toEqual({ tab: 'roadmap', layout: 'horizons', filter: { text: '%E0%A4%A', goal: '', status: '', atRisk: false } });
      expect(parseRoute('/goals/q=x')).toEqual({ tab: 'goals' });
      expect(parseRoute('/roadmap/horizons/horizon=someday;noepics=yes')).toEqual({ tab: 'roadmap', layout: 'horizons' });
    });
  });
});
