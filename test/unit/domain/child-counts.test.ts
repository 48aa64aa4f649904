import { countChildrenByParent } from '../../../src/domain/child-counts';
import type { StatusCategory } from '../../../src/domain/model';

const child = (parentId: string, category: StatusCategory) => ({ parentId, category });

describe('countChildrenByParent', () => {
  test('counts each epic’s children by status category', () => {
    const counts = countChildrenByParent(
      ['e1', 'e2'],
      [child('e1', 'done'), child('e1', 'in-progress'), child('e1', 'todo'), child('e1', 'done'), child('e2', 'todo')],
    );
    expect(counts.get('e1')).toEqual({ total: 4, todo: 1, inProgress: 1, done: 2 });
    expect(counts.get('e2')).toEqual({ total: 1, todo: 1, inProgress: 0, done: 0 });
  });

  test('gives an epic with no children zeros, not a missing entry', () => {
    expect(countChildrenByParent(['empty'], []).get('empty')).toEqual({ total: 0, todo: 0, inProgress: 0, done: 0 });
  });

  test('ignores children of epics it was not asked about', () => {
    const counts = countChildrenByParent(['e1'], [child('other', 'done')]);
    expect([...counts.keys()]).toEqual(['e1']);
    expect(counts.get('e1')?.total).toBe(0);
  });
});
