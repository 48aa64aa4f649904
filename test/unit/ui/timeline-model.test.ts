import type { ReleaseView, RoadmapItemView } from '../../../src/contract';
import { noLane } from '../../../src/domain/roadmap';
import fc from 'fast-check';
import { timelineScale } from '../../../src/domain/timeline';
import { laneHeadHeight, laneGap, linkInBand, rowHeight, rowsInBand, sharedTimelineLayout, timelineLayout, timelineModel, timelinePlacement } from '../../../static/product/src/roadmap/timeline/timeline-model';

const item = (id: string, extra: Partial<RoadmapItemView> = {}): RoadmapItemView =>
  ({ id, title: `Item ${id}`, description: '', horizon: 'now', status: 'planned', rank: id, version: 1, epicIds: [], updated: { at: '2027-01-01T00:00:00Z' }, ...extra }) as RoadmapItemView;
const release = (id: string, releaseDate: string | undefined, extra: Partial<ReleaseView> = {}): ReleaseView => ({
  id,
  name: `R${id}`,
  state: 'unreleased',
  archived: false,
  ...(releaseDate ? { releaseDate } : {}),
  ...extra,
});
const board = {
  lanes: [
    { id: 'goal-a', name: 'Goal A' },
    { id: 'goal-b', name: 'Goal B' },
    { id: noLane, name: 'No goal' },
  ],
  context: { mode: 'goals' as const, laneIds: new Set(['goal-a', 'goal-b']) },
};
const model = (items: RoadmapItemView[], extra: { releases?: ReleaseView[]; suggested?: Array<{ itemId: string; blockedById: string }>; showArchived?: boolean } = {}) =>
  timelineModel({
    items,
    board,
    view: {
      today: '2027-02-10',
      ...(extra.releases ? { releases: extra.releases } : {}),
      ...(extra.suggested ? { suggestedDependencies: extra.suggested.map((s) => ({ ...s, epicKeys: ['THR-1', 'THR-2'] as [string, string] })) } : {}),
    },
    zoom: 'months',
    showArchived: extra.showArchived ?? false,
  });

describe('timelineModel', () => {
  test('one row per dated item, in rank order within its lane; empty lanes left out; undated items apart', () => {
    const drawn = model([
      item('b', { goalId: 'goal-a', startDate: '2027-03-01', endDate: '2027-03-05' }),
      item('a', { goalId: 'goal-a', startDate: '2027-04-01' }),
      item('c', { startDate: '2027-01-01', endDate: '2027-01-31' }),
      item('d', { goalId: 'goal-b' }),
    ]);
    expect(drawn.lanes.map((lane) => [lane.id, lane.rows.map((row) => row.item.id)])).toEqual([
      ['goal-a', ['a', 'b']],
      [noLane, ['c']],
    ]);
    const [first, second] = drawn.lanes;
    expect(first!.rows.map((row) => row.y)).toEqual([laneHeadHeight, laneHeadHeight + rowHeight]);
    expect(second!.y).toBe(first!.height + laneGap);
    expect(drawn.lanes[0]!.rows[0]!.span).toEqual({ startDate: '2027-04-01', endDate: '2027-04-01' });
    expect(drawn.undated.map((i) => i.id)).toEqual(['d']);
  });

  test('releases: dated ones placed in label rows that do not overlap, archived ones only when asked for', () => {
    const releases = [release('1', '2027-03-01'), release('2', '2027-03-02'), release('3', '2027-03-03'), release('4', '2027-03-04'), release('5', undefined), release('6', '2027-06-01', { archived: true })];
    const drawn = model([], { releases });
    expect(drawn.releases.map((r) => [r.release.id, r.row])).toEqual([
      ['1', 0],
      ['2', 1],
      ['3', 2],
      ['4', undefined],
    ]);
    expect(drawn.releasesUndated).toBe(1);
    expect(model([], { releases, showArchived: true }).releases.map((r) => r.release.id)).toContain('6');
  });

  test('dependencies: a connector per pair, late ones marked, suggested ones apart; blockers listed for the text', () => {
    const drawn = model(
      [
        item('a', { startDate: '2027-03-01', endDate: '2027-03-20' }),
        item('b', { startDate: '2027-03-10', endDate: '2027-03-30', dependsOn: ['a'] }),
        item('c', { startDate: '2027-04-10', endDate: '2027-04-30' }),
        item('d'),
      ],
      { suggested: [{ itemId: 'c', blockedById: 'b' }, { itemId: 'b', blockedById: 'a' }, { itemId: 'd', blockedById: 'a' }] },
    );
    expect(drawn.connectors.map((c) => [c.key, c.suggested, c.late])).toEqual([
      ['a>b', false, true],
      ['b>c', true, false],
    ]);
    expect(drawn.blockers.get('b')).toEqual([{ id: 'a', title: 'Item a', late: true, suggested: false }]);
    // An undated dependent has no bar to draw to, but its panel-side text still names the blocker.
    expect(drawn.blockers.get('d')).toMatchObject([{ id: 'a', suggested: true }]);
  });
});

describe('timeline stages (issue 13.4: O(items) once per board version, px only for what is drawn)', () => {
  const dayOf = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const itemsArb = fc.array(
    fc.record({ start: fc.option(fc.integer({ min: 0, max: 4_000 }), { nil: undefined }), length: fc.integer({ min: 0, max: 90 }), goal: fc.constantFrom('goal-a', 'goal-b', undefined), hasEnd: fc.boolean() }),
    { maxLength: 60 },
  );
  const toItems = (specs: Array<{ start: number | undefined; length: number; goal: string | undefined; hasEnd: boolean }>) =>
    specs.map((spec, index) =>
      item(`i${String(index).padStart(3, '0')}`, {
        ...(spec.goal ? { goalId: spec.goal } : {}),
        ...(spec.start === undefined ? {} : { startDate: dayOf(spec.start), ...(spec.hasEnd ? { endDate: dayOf(spec.start + spec.length) } : {}) }),
      }),
    );

  test('the scale from the layout’s extent is the scale from every item’s dates, at every zoom and width', () => {
    fc.assert(
      fc.property(itemsArb, fc.constantFrom('months', 'quarters', 'year'), fc.integer({ min: 0, max: 5_000 }), (specs, zoom, boxWidth) => {
        const items = toItems(specs);
        const dates = items.flatMap((i) => [i.startDate, i.endDate].filter((d): d is string => d !== undefined));
        const layout = timelineLayout({ items, board, view: {} });
        const placed = timelinePlacement({ layout, view: { today: '2027-02-10' }, zoom, showArchived: false, boxWidth });
        expect(placed.scale).toEqual(timelineScale({ zoom, today: '2027-02-10', dates, minWidth: boxWidth }));
      }),
    );
  });

  test('rowsInBand finds exactly the rows a band overlaps', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: -500, max: 3_000 }), fc.integer({ min: 0, max: 2_000 }), (specs, from, size) => {
        const layout = timelineLayout({ items: toItems(specs), board, view: {} });
        const band = { from, to: from + size };
        for (const lane of layout.lanes) {
          const { start, end } = rowsInBand(lane.rows, band);
          expect(lane.rows.slice(start, end)).toEqual(lane.rows.filter((row) => row.y + rowHeight >= band.from && row.y <= band.to));
        }
      }),
    );
  });

  test('the shared layout is reused for the same items and lanes, and built again when either changes', () => {
    const items = toItems([{ start: 10, length: 5, goal: 'goal-a', hasEnd: true }]);
    const first = sharedTimelineLayout({ items, board, view: {} });
    expect(sharedTimelineLayout({ items, board: { ...board, lanes: [...board.lanes] }, view: {} })).toBe(first);
    const renamed = sharedTimelineLayout({ items, board: { ...board, lanes: board.lanes.map((lane) => ({ ...lane, name: `${lane.name}!` })) }, view: {} });
    expect(renamed).not.toBe(first);
    expect(renamed.lanes[0]!.name).toBe('Goal A!');
    const moved = toItems([{ start: 10, length: 5, goal: 'goal-b', hasEnd: true }]);
    expect(sharedTimelineLayout({ items: moved, board, view: {} }).lanes.map((lane) => lane.id)).toEqual(['goal-b']);
  });

  test('a connector is drawn when it crosses the band, whichever end is in it or neither', () => {
    const layout = timelineLayout({
      items: [item('a', { startDate: '2027-03-01', endDate: '2027-03-02' }), item('b', { startDate: '2027-03-03' }), item('c', { startDate: '2027-03-04', dependsOn: ['a'] })],
      board,
      view: {},
    });
    const [a, c] = [layout.rowOf.get('a')!, layout.rowOf.get('c')!];
    expect(layout.links.map((link) => link.key)).toEqual(['a>c']);
    expect(linkInBand(a, c, { from: a.y + rowHeight + 1, to: c.y - 1 })).toBe(true);
    expect(linkInBand(a, c, { from: c.y + rowHeight + 1, to: c.y + 500 })).toBe(false);
  });
});
