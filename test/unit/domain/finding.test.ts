import { emptyRoadmapFilter, filterRoadmapItems, isFiltering, matchesQuery, noGoal, roadmapFilterOf } from '../../../src/domain/finding';
import type { FilterableItem, RoadmapFilter } from '../../../src/domain/finding';

describe('matchesQuery', () => {
  test.each([
    ['', ['One-tap payment'], true],
    ['   ', ['anything'], true],
    ['tap', ['One-tap payment'], true],
    ['PAYMENT one', ['One-tap payment'], true],
    ['payment refund', ['One-tap payment'], false],
    ['cafe', ['Café ordering'], true],
    ['thr-12', ['Checkout', 'THR-12'], true],
    ['checkout thr-12', ['Checkout', 'THR-12'], true],
    ['thr-1', ['THR-12'], true],
    ['thr-13', ['THR-12'], false],
  ] as const)('%j in %j: %s', (query, fields, expected) => {
    expect(matchesQuery(query, fields)).toBe(expected);
  });
});

const items: Array<FilterableItem & { id: string }> = [
  { id: 'a', title: 'One-tap payment', goalId: 'g1', status: 'planned', epicIds: ['e1'], atRisk: false },
  { id: 'b', title: 'Refunds in the app', goalId: 'g1', status: 'in-progress', epicIds: ['e2'], atRisk: true },
  { id: 'c', title: 'Dark mode', status: 'idea', epicIds: [], atRisk: false },
  { id: 'd', title: 'Saved cards', goalId: 'g2', status: 'in-progress', epicIds: ['e1', 'e3'], atRisk: true },
];
const epics: Record<string, string[]> = { e1: ['THR-1', 'Payment service'], e2: ['THR-2', 'Refund API'], e3: ['THR-30', 'Card vault'] };
const epicText = (id: string) => epics[id] ?? [];
const f = (over: Partial<RoadmapFilter>): RoadmapFilter => ({ ...emptyRoadmapFilter, ...over });

describe('filterRoadmapItems', () => {
  test.each<[string, Partial<RoadmapFilter>, string[]]>([
    ['no filter: every item, in order', {}, ['a', 'b', 'c', 'd']],
    ['text in a title', { text: 'refund' }, ['b']],
    ['text in a linked epic’s key', { text: 'thr-30' }, ['d']],
    ['text in a linked epic’s summary', { text: 'payment service' }, ['a', 'd']],
    ['one goal', { goal: 'g1' }, ['a', 'b']],
    ['items serving no goal', { goal: noGoal }, ['c']],
    ['a goal no item serves', { goal: 'g9' }, []],
    ['one status', { status: 'in-progress' }, ['b', 'd']],
    ['at risk only', { atRisk: true }, ['b', 'd']],
    ['all together narrow', { goal: 'g1', status: 'in-progress', atRisk: true, text: 'refunds' }, ['b']],
    ['conditions that exclude each other: empty', { goal: noGoal, atRisk: true }, []],
  ])('%s', (_name, filter, expected) => {
    expect(filterRoadmapItems(items, f(filter), epicText).map((item) => item.id)).toEqual(expected);
  });

  // Issue 10.5: horizon and "has no epics" join the filter.
  const placed: Array<FilterableItem & { id: string }> = [
    { ...items[0]!, horizon: 'now' },
    { ...items[1]!, horizon: 'next' },
    { ...items[2]!, horizon: 'later' },
    { ...items[3]!, horizon: 'now' },
    { id: 'e', title: 'Gift cards', status: 'planned', horizon: 'next', epicIds: [], atRisk: false },
  ];
  test.each<[string, Partial<RoadmapFilter>, string[]]>([
    ['one horizon', { horizon: 'now' }, ['a', 'd']],
    ['a horizon no item is on', { horizon: 'later', goal: 'g1' }, []],
    ['items no epic delivers', { noEpics: true }, ['c', 'e']],
    ['no epics on one horizon', { noEpics: true, horizon: 'next' }, ['e']],
    ['no epics, by text: an epic key cannot match an item without epics', { noEpics: true, text: 'thr-1' }, []],
    ['horizon with status and risk', { horizon: 'now', status: 'in-progress', atRisk: true }, ['d']],
  ])('%s', (_name, filter, expected) => {
    expect(filterRoadmapItems(placed, f(filter), epicText).map((item) => item.id)).toEqual(expected);
  });

  test('a horizon or "no epics" alone is filtering', () => {
    expect(isFiltering(f({ horizon: 'later' }))).toBe(true);
    expect(isFiltering(f({ noEpics: true }))).toBe(true);
    expect(isFiltering(f({ noEpics: false }))).toBe(false);
  });

  test('isFiltering is false for the empty filter and blank text, true for any condition', () => {
    expect(isFiltering(emptyRoadmapFilter)).toBe(false);
    expect(isFiltering(f({ text: '  ' }))).toBe(false);
    expect(isFiltering(f({ text: 'x' }))).toBe(true);
    expect(isFiltering(f({ atRisk: true }))).toBe(true);
    expect(isFiltering(f({ goal: noGoal }))).toBe(true);
  });
});

describe('roadmapFilterOf (untrusted parts)', () => {
  test.each<[string, Record<string, unknown>, RoadmapFilter]>([
    ['nothing', {}, emptyRoadmapFilter],
    ['valid parts', { text: 'pay', goal: 'goal-1', status: 'done', atRisk: true }, { text: 'pay', goal: 'goal-1', status: 'done', atRisk: true }],
    ['an unknown status and a goal id with a slash', { status: 'shipped', goal: '../x' }, emptyRoadmapFilter],
    ['wrong types', { text: 3, goal: {}, atRisk: 'yes' }, emptyRoadmapFilter],
    ['text cut at 100 characters', { text: 'x'.repeat(150) }, f({ text: 'x'.repeat(100) })],
    ['a horizon and no epics', { horizon: 'next', noEpics: true }, f({ horizon: 'next', noEpics: true })],
    ['an unknown horizon and a truthy non-boolean', { horizon: 'someday', noEpics: 1 }, emptyRoadmapFilter],
  ])('%s', (_name, parts, expected) => {
    expect(roadmapFilterOf(parts)).toEqual(expected);
  });
});
