import fc from 'fast-check';
import type { ChildFact } from '../../../src/domain/delivery';
import { groupChildren } from '../../../src/domain/child-groups';
import { rollupOf } from '../../../src/domain/epic-rollup';
import { velocityOf } from '../../../src/domain/velocity';
import { workBySprint } from '../../../src/domain/work-sprints';
import { itemReleases } from '../../../src/domain/releases';
import { itemDelivery } from '../../../src/domain/item-delivery';
import { rollupOfEpics, distinctChildren } from '../../../src/domain/rollup-merge';
import { sprintInvestment } from '../../../src/domain/sprint-investment';
import type { Release } from '../../../src/domain/releases';
import { cadence } from './delivery-builders';

// Sprints 1–5 closed, 6 active, 7–8 future; 9 is another team's (not on this timeline).
const sprints = cadence({ closed: 5, future: 2 });
const releases: Release[] = [
  { id: 'v1', name: '1.0', released: true, archived: false, releaseDate: '2026-10-01' },
  { id: 'v2', name: '2.0', released: false, archived: false, releaseDate: '2027-01-15' },
  { id: 'v3', name: '3.0', released: false, archived: false },
];
const today = '2026-12-07';

// Jira's story points as teams give them: whole numbers, halves and a few decimals (two at most).
const points = fc.option(fc.constantFrom(0, 0.5, 1, 2, 3, 5, 8, 13, 0.1, 0.3, 2.25), { nil: undefined });
const child = fc.record({
  category: fc.constantFrom<ChildFact['category']>('todo', 'in-progress', 'done'),
  points,
  sprintIds: fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 3 }),
  fixVersionIds: fc.array(fc.constantFrom('v1', 'v2', 'v3', 'gone'), { maxLength: 2 }),
});
const epicsArbitrary = fc.array(fc.array(child, { maxLength: 30 }), { minLength: 1, maxLength: 5 }).map((epics) => {
  let next = 0;
  return epics.map((children, e) => ({
    epicId: `E${e}`,
    children: children.map((c): ChildFact => {
      next += 1;
      return {
        id: `c${next}`,
        category: c.category,
        sprintIds: c.sprintIds,
        ...(c.points === undefined ? {} : { points: c.points }),
        ...(c.fixVersionIds.length ? { fixVersionIds: c.fixVersionIds } : {}),
      };
    }),
  }));
});
const asGroups = (epics: ReadonlyArray<{ epicId: string; children: readonly ChildFact[] }>) =>
  epics.map((epic) => ({ epicId: epic.epicId, children: groupChildren(epic.epicId, epic.children) }));

describe('groupChildren: every domain result from groups equals the result from the children one by one', () => {
  test('roll-up, velocity, sprint placement, releases, item delivery and investment', () => {
    fc.assert(
      fc.property(epicsArbitrary, (epics) => {
        const grouped = asGroups(epics);
        for (const [i, epic] of epics.entries()) {
          expect(rollupOf(grouped[i]!.children)).toEqual(rollupOf(epic.children));
          expect(workBySprint(grouped[i]!.children, sprints)).toEqual(workBySprint(epic.children, sprints));
        }
        const all = distinctChildren(epics);
        const allGroups = distinctChildren(grouped);
        expect(velocityOf({ children: allGroups, sprints })).toEqual(velocityOf({ children: all, sprints }));
        expect(itemReleases(allGroups, releases, today)).toEqual(itemReleases(all, releases, today));
        expect(rollupOfEpics(grouped)).toEqual(rollupOfEpics(epics));
        const velocity = velocityOf({ children: all, sprints });
        const delivery = (input: typeof epics) =>
          itemDelivery({ epics: input, velocity, sprints, today, endDate: '2027-01-10', hasEstimateField: true, releases });
        expect(delivery(grouped)).toEqual(delivery(epics));
        const invested = (input: typeof epics) =>
          sprintInvestment({ sprints, goalIds: ['g1', 'g2'], epics: input.map((epic, e) => ({ ...epic, goalIds: e % 2 ? ['g1', 'g2'] : e % 3 ? ['g2'] : [] })) });
        expect(invested(grouped)).toEqual(invested(epics));
      }),
      { numRuns: 300 },
    );
  });

  test('a hundred children alike in category, sprints and versions are one group', () => {
    const children: ChildFact[] = Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, category: 'done', sprintIds: [3, 4], fixVersionIds: ['v2'], ...(i % 4 ? { points: 2 } : {}) }));
    expect(groupChildren('E1', children)).toEqual([{ id: 'E1#0', category: 'done', sprintIds: [3, 4], fixVersionIds: ['v2'], issues: 100, unestimated: 25, points: 150 }]);
  });

  test('groups of groups merge: grouping again changes no result', () => {
    fc.assert(
      fc.property(epicsArbitrary, (epics) => {
        const once = groupChildren('E0', epics[0]!.children);
        const twice = groupChildren('E0', once);
        expect(twice).toEqual(once);
      }),
    );
  });
});
