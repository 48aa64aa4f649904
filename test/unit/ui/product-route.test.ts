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
    expect(parseRoute('/roadmap/gantt/item-1')).toEqual({ tab: 'roadmap' });
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
});
