/**
 * The Priority view's pure parts: the one-sentence explanation (Intl, pinned to en-US), facts for
 * live inputs, priority order, owner lanes, and the route keeping the view, Mine, min score and
 * owner lanes.
 */
import type { RoadmapItemView } from '../../../src/contract';
import { emptyRoadmapFilter, filterRoadmapItems, isFiltering, roadmapFilterOf } from '../../../src/domain/finding';
import { scoreItem } from '../../../src/domain/scoring';
import { formatRoute, parseRoute } from '../../../static/shared/product-route';
import { formatScore, scoreSentence } from '../../../static/shared/messages/score-explanation';
import { factsOf, itemsReadingJql, ownerBoard, priorityList, scoresOf } from '../../../static/product/src/roadmap/priority-model';
import { boardOf } from '../../../static/product/src/roadmap/board-model';

const live = { source: 'live' } as const;

describe('scoreSentence', () => {
  test('the issue’s example, word for word', () => {
    const score = scoreItem('rice', { reach: live, impact: 2, confidence: 80, effort: live }, { evidence: { count: 380, label: 'support requests' }, remainingPoints: 14.5 });
    expect(scoreSentence(score, 'en-US')).toBe('RICE 42: reach 380 (support requests) × impact 2 × 80% ÷ effort 14.5 pts remaining');
  });

  test.each<[string, ReturnType<typeof scoreItem>, string]>([
    ['entered inputs say no source', scoreItem('rice', { reach: { source: 'entered', value: 1200 }, impact: 0.5, confidence: 50, effort: { source: 'entered', value: 3 } }, {}), 'RICE 100: reach 1,200 × impact 0.5 × 50% ÷ effort 3 pts'],
    ['value ÷ effort', scoreItem('value-effort', { value: 8, effort: live }, { remainingPoints: 3.5 }), 'Value ÷ effort 2.3: value 8 ÷ effort 3.5 pts remaining'],
    ['missing inputs', scoreItem('rice', { impact: 1 }, {}), 'No RICE score yet: reach, confidence, and effort are missing.'],
    ['one missing input', scoreItem('value-effort', { effort: live }, { remainingPoints: 2 }), 'No Value ÷ effort score yet: value is missing.'],
    ['no effort left', scoreItem('value-effort', { value: 3, effort: live }, { remainingPoints: 0 }), 'No Value ÷ effort score: value 3 ÷ effort 0 pts remaining, and nothing divides by 0 effort.'],
    ['off', scoreItem('none', {}, {}), 'This product scores nothing yet.'],
  ])('%s', (_name, score, expected) => {
    expect(scoreSentence(score, 'en-US')).toBe(expected);
  });

  test('numbers follow the reader’s locale', () => {
    const score = scoreItem('rice', { reach: { source: 'entered', value: 1200 }, impact: 1, confidence: 75, effort: { source: 'entered', value: 2.5 } }, {});
    expect(scoreSentence(score, 'de-DE').replace(/\u00a0|\u202f/g, ' ')).toBe('RICE 360: reach 1.200 × impact 1 × 75 % ÷ effort 2,5 pts');
    expect([formatScore(41.93, 'en-US'), formatScore(4.193, 'en-US'), formatScore(0.4193, 'en-US')]).toEqual(['42', '4.2', '0.42']);
  });
});

const item = (id: string, rank: string, over: Partial<RoadmapItemView> = {}): RoadmapItemView => ({
  id,
  title: id,
  description: '',
  horizon: 'now',
  status: 'planned',
  rank,
  version: 1,
  epicIds: [],
  updated: { at: '2026-12-01T00:00:00Z', by: { accountId: 'x', displayName: 'X' } },
  ...over,
});
const rollup = (remaining: number) => ({ rollup: { points: { remaining } } }) as unknown as RoadmapItemView['delivery'];

describe('facts and order', () => {
  test('reach reads the evidence requests (a single JQL’s label names them); effort reads the epics’ remaining points once rolled up', () => {
    expect(factsOf(item('a', '1', { evidence: { notes: 2, issues: 0, jql: [{ id: 'j', label: 'support requests', count: 38 }], requests: 38 }, epicIds: ['1'], delivery: rollup(5) }))).toEqual({
      evidence: { count: 38, label: 'support requests' },
      remainingPoints: 5,
    });
    expect(factsOf(item('b', '1', { evidence: { notes: 0, issues: 3, jql: [{ id: 'j', label: 'bugs' }], requests: 3 } }))).toEqual({ evidence: { count: 3, label: 'requests' } });
    // Epics still loading, or none at all: effort is not known (never 0).
    expect(factsOf(item('c', '1', { epicIds: ['1'] }))).toEqual({});
    expect(factsOf(item('d', '1', { delivery: rollup(0) }))).toEqual({});
  });

  test('live JQL counts (counted after the roadmap loaded) replace the ones it arrived with; only RICE items with live reach and saved searches ask', () => {
    const evidence = { notes: 1, issues: 2, jql: [{ id: 'j1', label: 'support requests' }, { id: 'j2', label: 'bugs', count: 5 }], requests: 7 };
    const live = { source: 'live' } as const;
    const rice = { scoring: { method: 'rice' as const, version: 1 }, items: [item('a', '1', { evidence, scoreInputs: { reach: live, impact: 1, confidence: 100, effort: { source: 'entered', value: 1 } } }), item('b', '2', { evidence, scoreInputs: { reach: { source: 'entered', value: 3 } } }), item('c', '3', { scoreInputs: { reach: live } })] };
    expect(scoresOf(rice).get('a')).toMatchObject({ kind: 'scored', score: 7 });
    expect(scoresOf(rice, new Map([['a', { j1: 380, j2: 6 }]])).get('a')).toMatchObject({ kind: 'scored', score: 388 });
    expect(scoresOf(rice, new Map([['a', { j1: 380 }]])).get('a')).toMatchObject({ kind: 'scored', score: 387 });
    expect(itemsReadingJql(rice)).toEqual(['a']);
    expect(itemsReadingJql({ ...rice, scoring: { method: 'value-effort', version: 2 } })).toEqual([]);
  });

  test('the Priority list ranks by score, unscored after in roadmap order, and a minimum cuts it', () => {
    const inputs = (reach: number) => ({ reach: { source: 'entered' as const, value: reach }, impact: 1, confidence: 100, effort: { source: 'entered' as const, value: 1 } });
    const view = { scoring: { method: 'rice' as const, version: 1 }, items: [item('low', '1', { scoreInputs: inputs(2) }), item('none', '0'), item('high', '2', { scoreInputs: inputs(50) })] };
    const scores = scoresOf(view);
    expect(priorityList(view.items, scores).map((entry) => entry.item.id)).toEqual(['high', 'low', 'none']);
    expect(priorityList(view.items, scores, 10).map((entry) => entry.item.id)).toEqual(['high']);
  });
});

describe('owner lanes', () => {
  test('one lane per owner (the viewer first), No owner last, cells in rank order', () => {
    const maya = { accountId: 'maya', displayName: 'Maya Okafor' };
    const chen = { accountId: 'chen', displayName: 'Chen Wei' };
    const items = [item('a', '3', { owner: maya }), item('b', '1', { owner: chen, goalId: 'g1' }), item('c', '2'), item('d', '0', { owner: maya, goalId: 'g1' })];
    const view = { project: { id: '1', key: 'THR' }, viewer: { canEdit: true, canLink: true, editRule: 'project-admins', licensed: true }, laneMode: 'goals', lanes: [], setupVersion: 0, goals: [{ id: 'g1', title: 'Goal', status: 'on-track' }], items, epics: [], sprints: [], velocity: {}, storyPoints: { message: '' }, pending: [], today: '2026-12-07' } as never;
    const board = ownerBoard(boardOf(view, 'horizons'), items, 'maya');
    expect(board.lanes.map((lane) => lane.name)).toEqual(['Maya Okafor', 'Chen Wei', 'No owner']);
    expect(board.cells.get('maya|now')?.map((i) => i.id)).toEqual(['d', 'a']);
    expect(board.cells.get('none|now')?.map((i) => i.id)).toEqual(['c']);
  });
});

describe('Mine and score filters', () => {
  const items = [
    { id: 'a', title: 'A', status: 'planned' as const, epicIds: [], atRisk: false, mine: true, score: 12 },
    { id: 'b', title: 'B', status: 'planned' as const, epicIds: [], atRisk: false, mine: false, score: 40 },
    { id: 'c', title: 'C', status: 'planned' as const, epicIds: [], atRisk: false },
  ];
  test.each<[string, Partial<typeof emptyRoadmapFilter>, string[]]>([
    ['mine', { mine: true }, ['a']],
    ['score at least 12', { minScore: 12 }, ['a', 'b']],
    ['score at least 13', { minScore: 13 }, ['b']],
    ['mine with at least 13', { mine: true, minScore: 13 }, []],
    ['owner lanes alone filter nothing', { byOwner: true }, ['a', 'b', 'c']],
  ])('%s', (_name, filter, expected) => {
    expect(filterRoadmapItems(items, { ...emptyRoadmapFilter, ...filter }, () => []).map((i) => i.id)).toEqual(expected);
  });

  test('owner lanes are not a filter; mine and a minimum are', () => {
    expect(isFiltering({ ...emptyRoadmapFilter, byOwner: true })).toBe(false);
    expect(isFiltering({ ...emptyRoadmapFilter, mine: true })).toBe(true);
    expect(isFiltering({ ...emptyRoadmapFilter, minScore: 0 })).toBe(true);
  });

  test.each<[Record<string, unknown>, Partial<typeof emptyRoadmapFilter>]>([
    [{ mine: true, minScore: 4.5, byOwner: true }, { mine: true, minScore: 4.5, byOwner: true }],
    [{ mine: 'yes', minScore: Infinity, byOwner: 1 }, {}],
    [{ minScore: Number.NaN }, {}],
    [{ minScore: 1e13 }, {}],
  ])('untrusted parts %j', (parts, expected) => {
    expect(roadmapFilterOf(parts)).toEqual({ ...emptyRoadmapFilter, ...expected });
  });
});

describe('the route keeps the Priority view, Mine, the minimum score and owner lanes', () => {
  const itemId = 'item-2f1c6a9e-58c4-4b7e-9a51-0d3c1e7b9f20';
  test('format then parse', () => {
    const route = { tab: 'roadmap' as const, layout: 'priority' as const, item: itemId, filter: { ...emptyRoadmapFilter, mine: true, minScore: 2.5 } };
    expect(formatRoute(route)).toBe(`/roadmap/priority/${itemId}/mine=1;min=2.5`);
    expect(parseRoute(formatRoute(route))).toEqual(route);
    const lanes = { tab: 'roadmap' as const, layout: 'horizons' as const, filter: { ...emptyRoadmapFilter, byOwner: true } };
    expect(formatRoute(lanes)).toBe('/roadmap/horizons/by=owner');
    expect(parseRoute('/roadmap/horizons/by=owner')).toEqual(lanes);
  });

  test.each(['/roadmap/priority/min=1e400', '/roadmap/priority/min=abc', '/roadmap/priority/by=boss;mine=yes', '/roadmap/priority/min=' + '9'.repeat(40)])('hostile %s falls back to no filter', (path) => {
    expect(parseRoute(path)).toEqual({ tab: 'roadmap', layout: 'priority' });
  });
});
