import fc from 'fast-check';
import { hasLinks, noLinks, servedGoalIds } from '../../../src/domain/epic-links';
import { derivedLinks, propertyAgrees } from '../../../src/domain/link-sync';

const ids = fc.uniqueArray(fc.constantFrom('g1', 'g2', 'g3', 'i1', 'i2', 'i3', 'i4'), { maxLength: 5 });

describe('the epic property derived from stored links', () => {
  test('keeps links to goals and items that exist, derives the goals served through items, keeps the stored version', () => {
    const derived = derivedLinks(
      { directGoalIds: ['g2', 'gone'], roadmapItemIds: ['i1', 'i-deleted', 'i2'], version: 7 },
      { goalIds: new Set(['g1', 'g2']), goalOfItem: new Map([['i1', 'g1'], ['i2', undefined]]) },
    );
    expect(derived).toEqual({ directGoalIds: ['g2'], roadmapItemIds: ['i1', 'i2'], goalIds: ['g1', 'g2'], version: 7 });
  });

  test('an epic linked to nothing agrees only with no property at all, whatever the stored version', () => {
    const none = derivedLinks({ directGoalIds: [], roadmapItemIds: ['i-deleted'], version: 4 }, { goalIds: new Set(), goalOfItem: new Map() });
    expect(hasLinks(none)).toBe(false);
    expect(propertyAgrees(noLinks(), none)).toBe(true);
    expect(propertyAgrees({ directGoalIds: [], roadmapItemIds: ['i-deleted'], goalIds: [], version: 4 }, none)).toBe(false);
  });

  test('generated: the derived links always agree with themselves written back, and never with a property missing one of them', () => {
    const seed = Date.now() % 2 ** 31;
    console.log(`derivedLinks seed ${seed}`);
    fc.assert(
      fc.property(ids, ids, fc.integer({ min: 0, max: 1000 }), (direct, items, version) => {
        const targets = { goalIds: new Set(['g1', 'g2']), goalOfItem: new Map<string, string | undefined>([['i1', 'g1'], ['i2', 'g3'], ['i3', undefined]]) };
        const derived = derivedLinks({ directGoalIds: direct, roadmapItemIds: items, version }, targets);
        expect(propertyAgrees(derived, derived)).toBe(true);
        expect(derived.goalIds).toEqual(servedGoalIds(derived, (itemId) => targets.goalOfItem.get(itemId)).filter((id) => targets.goalIds.has(id)));
        expect(derived.goalIds).not.toContain('g3');
        if (derived.roadmapItemIds.length > 0) {
          expect(propertyAgrees({ ...derived, roadmapItemIds: derived.roadmapItemIds.slice(1) }, derived)).toBe(false);
        }
        if (hasLinks(derived)) expect(propertyAgrees({ ...derived, version: version + 1 }, derived)).toBe(false);
      }),
      { seed, numRuns: 500 },
    );
  });
});
