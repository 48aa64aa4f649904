import { orderSprints } from '../../../src/domain/sprint-order';
import type { SprintState } from '../../../src/domain/model';

const sprint = (id: number, state: SprintState, startDate?: string) => ({ id, state, ...(startDate ? { startDate } : {}) });

describe('orderSprints', () => {
  test('reads like a timeline: closed, active, future', () => {
    const ordered = orderSprints([sprint(3, 'future'), sprint(2, 'active', '2026-11-10'), sprint(1, 'closed', '2026-10-27')]);
    expect(ordered.map((s) => s.id)).toEqual([1, 2, 3]);
  });

  test('orders sprints of one state by start date', () => {
    const ordered = orderSprints([sprint(5, 'closed', '2026-10-13'), sprint(4, 'closed', '2026-09-29'), sprint(6, 'closed', '2026-10-27')]);
    expect(ordered.map((s) => s.id)).toEqual([4, 5, 6]);
  });

  test('puts undated future sprints after dated ones, by creation order', () => {
    const ordered = orderSprints([sprint(9, 'future'), sprint(8, 'future'), sprint(7, 'future', '2026-11-24')]);
    expect(ordered.map((s) => s.id)).toEqual([7, 8, 9]);
  });

  test('does not change the list it was given', () => {
    const input = [sprint(2, 'future'), sprint(1, 'closed', '2026-01-01')];
    orderSprints(input);
    expect(input.map((s) => s.id)).toEqual([2, 1]);
  });
});
