import { applyMove, cellItems, columnOf, laneOf, noLane, quarterColumns, targetOf, timelineRoadmapColumns, unscheduled } from '../../../src/domain/roadmap';
import type { MoveContext, Placement, RoadmapMove } from '../../../src/domain/roadmap';
import { timelineColumns } from '../../../src/domain/sprint-columns';

const placement = (overrides: Partial<Placement> = {}): Placement => ({ horizon: 'now', rank: 'm', ...overrides });
const goals: MoveContext = { mode: 'goals', laneIds: new Set(['goal-a', 'goal-b']) };
const custom: MoveContext = { mode: 'custom', laneIds: new Set(['lane-x']) };
const move = (overrides: Partial<RoadmapMove> = {}): RoadmapMove => ({
  itemId: 'item-1',
  lane: 'goal-a',
  column: { kind: 'horizon', horizon: 'now' },
  afterId: null,
  beforeId: null,
  ...overrides,
});

describe('laneOf', () => {
  test.each([
    ['its goal, in goal lanes', placement({ goalId: 'goal-a' }), goals, 'goal-a'],
    ['no lane when it has no goal', placement(), goals, noLane],
    ['no lane when its goal is gone', placement({ goalId: 'goal-deleted' }), goals, noLane],
    ['its custom lane, in custom lanes', placement({ goalId: 'goal-a', laneId: 'lane-x' }), custom, 'lane-x'],
    ['no lane when its custom lane was deleted', placement({ laneId: 'lane-gone' }), custom, noLane],
  ])('an item sits in %s', (_, item, context, lane) => {
    expect(laneOf(item, context.mode, context.laneIds)).toBe(lane);
  });
});

describe('columnOf', () => {
  const quarters = quarterColumns({ items: [], today: '2027-02-10' });
  test.each([
    ['its horizon in Now / Next / Later', placement({ horizon: 'later' }), 'horizons', 'later'],
    ['the quarter of its start date', placement({ startDate: '2027-05-01', endDate: '2027-09-01' }), 'quarters', '2027-Q2'],
    ['the quarter of its end date when it has no start', placement({ endDate: '2027-08-15' }), 'quarters', '2027-Q3'],
    ['unscheduled without dates', placement(), 'quarters', unscheduled],
    ['the first quarter when it started long before', placement({ startDate: '2020-01-01' }), 'quarters', '2026-Q4'],
    ['the last quarter when it starts far ahead', placement({ startDate: '2031-01-01' }), 'quarters', '2027-Q4'],
  ] as const)('an item shows in %s', (_, item, layout, column) => {
    expect(columnOf(item, layout, quarters)).toBe(column);
  });
});

describe('quarterColumns', () => {
  test('span the quarter before today to three after, then unscheduled; widened to hold dated items', () => {
    expect(quarterColumns({ items: [], today: '2027-02-10' }).map((c) => c.key)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4', unscheduled]);
    const wide = quarterColumns({ items: [placement({ startDate: '2028-11-30' })], today: '2027-02-10' });
    expect(wide.at(-2)).toMatchObject({ key: '2028-Q4', startDate: '2028-10-01', endDate: '2028-12-31', when: 'future' });
    expect(wide.find((c) => c.key === '2027-Q1')).toMatchObject({ when: 'current', startDate: '2027-01-01', endDate: '2027-03-31' });
  });

  test('never more than the cap, kept around today', () => {
    const columns = quarterColumns({ items: [placement({ startDate: '2010-01-01' }), placement({ startDate: '2040-01-01' })], today: '2027-02-10', maxQuarters: 8 });
    expect(columns.filter((c) => c.key !== unscheduled)).toHaveLength(8);
    expect(columns.some((c) => c.key === '2027-Q1')).toBe(true);
  });
});

describe('timelineRoadmapColumns', () => {
  test('sprints become columns with inclusive day ranges; a kanban-only project gets date periods', () => {
    const sprints = timelineRoadmapColumns(
      timelineColumns({ sprints: [{ id: 1, name: 'Sprint 1', state: 'active', startDate: '2027-01-04T09:00:00.000Z', endDate: '2027-01-18T09:00:00.000Z' }], today: '2027-01-10' }),
    );
    expect(sprints[0]).toMatchObject({ heading: { kind: 'sprint', name: 'Sprint 1' }, startDate: '2027-01-04', endDate: '2027-01-18', when: 'current' });
    expect(sprints.at(-1)!.key).toBe(unscheduled);
    const periods = timelineRoadmapColumns(timelineColumns({ sprints: [], today: '2027-01-10' }));
    expect(periods.length).toBeGreaterThan(5);
    const [first, second] = periods;
    expect(first!.endDate! < second!.startDate!).toBe(true);
  });
});

describe('applyMove', () => {
  test.each([
    ['a reorder between neighbours keeps the cell', placement({ goalId: 'goal-a', rank: 'z' }), move({ afterId: 'p', beforeId: 'q' }), { rank: 'a' }, { rank: 'c' }, 'reorder', { goalId: 'goal-a', horizon: 'now' }],
    ['a move to another goal lane changes the goal', placement({ goalId: 'goal-a' }), move({ lane: 'goal-b' }), undefined, undefined, 'move', { goalId: 'goal-b' }],
    ['a move to the no-goal lane clears the goal', placement({ goalId: 'goal-a' }), move({ lane: noLane }), undefined, undefined, 'move', { goalId: undefined }],
    ['a move to another horizon changes only the horizon', placement({ goalId: 'goal-a' }), move({ column: { kind: 'horizon', horizon: 'next' } }), undefined, undefined, 'move', { horizon: 'next', goalId: 'goal-a' }],
    [
      'a dated column shifts start and end, keeping the length',
      placement({ goalId: 'goal-a', startDate: '2027-01-10', endDate: '2027-01-20' }),
      move({ column: { kind: 'dates', startDate: '2027-04-01', endDate: '2027-06-30' } }),
      undefined,
      undefined,
      'move',
      { startDate: '2027-04-01', endDate: '2027-04-11' },
    ],
    [
      'a dated column that already holds the item keeps its dates',
      placement({ goalId: 'goal-a', startDate: '2027-05-10' }),
      move({ column: { kind: 'dates', startDate: '2027-04-01', endDate: '2027-06-30' } }),
      undefined,
      undefined,
      'reorder',
      { startDate: '2027-05-10', endDate: undefined },
    ],
    ['an undated item takes the column’s span', placement({ goalId: 'goal-a' }), move({ column: { kind: 'dates', startDate: '2027-04-01', endDate: '2027-06-30' } }), undefined, undefined, 'move', { startDate: '2027-04-01', endDate: '2027-06-30' }],
    ['an end date alone lands on the column’s last day', placement({ goalId: 'goal-a', endDate: '2027-01-15' }), move({ column: { kind: 'dates', startDate: '2027-04-01', endDate: '2027-06-30' } }), undefined, undefined, 'move', { startDate: undefined, endDate: '2027-06-30' }],
    ['unscheduled clears the dates', placement({ goalId: 'goal-a', startDate: '2027-01-10', endDate: '2027-01-20' }), move({ column: { kind: 'unscheduled' } }), undefined, undefined, 'move', { startDate: undefined, endDate: undefined }],
  ] as const)('%s', (_, item, theMove, after, before, kind, expected) => {
    const outcome = applyMove({ item, move: theMove, ...(after ? { after: placement(after) } : {}), ...(before ? { before: placement(before) } : {}), context: goals });
    expect(outcome).toMatchObject({ ok: true, kind });
    if (!outcome.ok) return;
    for (const [field, value] of Object.entries(expected)) expect(outcome.placement[field as keyof Placement]).toBe(value);
    if (after && before) expect(after.rank < outcome.placement.rank && outcome.placement.rank < before.rank).toBe(true);
  });

  test.each([
    ['a lane that does not exist', move({ lane: 'goal-gone' }), undefined, undefined, 'unknown-lane'],
    ['neighbours out of order (the board changed)', move(), placement({ rank: 'q' }), placement({ rank: 'b' }), 'bad-neighbours'],
    ['a column whose dates are not real', move({ column: { kind: 'dates', startDate: '2027-02-30', endDate: '2027-03-01' } }), undefined, undefined, 'bad-dates'],
    ['a column that ends before it starts', move({ column: { kind: 'dates', startDate: '2027-03-01', endDate: '2027-02-01' } }), undefined, undefined, 'bad-dates'],
  ] as const)('refuses %s', (_, theMove, after, before, reason) => {
    expect(applyMove({ item: placement(), move: theMove, ...(after ? { after } : {}), ...(before ? { before } : {}), context: goals })).toEqual({ ok: false, reason });
  });

  test('in custom lanes a move changes the lane and keeps the goal', () => {
    const outcome = applyMove({ item: placement({ goalId: 'goal-a' }), move: move({ lane: 'lane-x' }), context: custom });
    expect(outcome).toMatchObject({ ok: true, placement: { laneId: 'lane-x', goalId: 'goal-a' } });
  });

  test('only placement fields come back, whatever else the item carries', () => {
    const outcome = applyMove({ item: { ...placement(), id: 'item-1', title: 'T' } as Placement, move: move(), context: goals });
    expect(outcome.ok && Object.keys(outcome.placement).sort()).toEqual(['goalId', 'horizon', 'rank']);
  });
});

describe('cellItems and targetOf', () => {
  test('a cell lists its items by rank; a column gives the target a move carries', () => {
    const columns = quarterColumns({ items: [], today: '2027-02-10' });
    const items = [
      { id: 'b', ...placement({ goalId: 'goal-a', rank: 'c', startDate: '2027-02-01' }) },
      { id: 'a', ...placement({ goalId: 'goal-a', rank: 'b', startDate: '2027-03-01' }) },
      { id: 'x', ...placement({ goalId: 'goal-b', rank: 'a', startDate: '2027-03-01' }) },
    ];
    expect(cellItems({ items, lane: 'goal-a', column: '2027-Q1', layout: 'quarters', columns, context: goals }).map((i) => i.id)).toEqual(['a', 'b']);
    expect(targetOf(columns[1]!, 'quarters')).toEqual({ kind: 'dates', startDate: '2027-01-01', endDate: '2027-03-31' });
    expect(targetOf(columns.at(-1)!, 'quarters')).toEqual({ kind: 'unscheduled' });
    expect(targetOf({ key: 'next', heading: { kind: 'horizon', horizon: 'next' }, when: 'future' }, 'horizons')).toEqual({ kind: 'horizon', horizon: 'next' });
  });
});
