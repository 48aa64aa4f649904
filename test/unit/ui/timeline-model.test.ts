import type { ReleaseView, RoadmapItemView } from '../../../src/contract';
import { noLane } from '../../../src/domain/roadmap';
import { laneHeadHeight, laneGap, rowHeight, timelineModel } from '../../../static/product/src/roadmap/timeline/timeline-model';

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
