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

  test('orders by instant, not by text, when the dates carry different offsets', () => {
    // As text these sort 3, 2, 1; as instants 1 (21:00 UTC), 2 (22:00 UTC), 3 (23:00 UTC).
    const ordered = orderSprints([
      sprint(3, 'closed', '2026-11-09T15:00:00.000-08:00'),
      sprint(1, 'closed', '2026-11-10T08:00:00.000+11:00'),
      sprint(2, 'closed', '2026-11-09T22:00:00.000Z'),
    ]);
    expect(ordered.map((s) => s.id)).toEqual([1, 2, 3]);
  });

  test('orders two sprints of one board started in the hour Sydney repeats when DST ends (5 Apr 2026)', () => {
    const ordered = orderSprints([
      sprint(21, 'closed', '2026-04-05T02:15:00.000+10:00'), // 2026-04-04T16:15Z, after the clocks went back
      sprint(20, 'closed', '2026-04-05T02:45:00.000+11:00'), // 2026-04-04T15:45Z, before
    ]);
    expect(ordered.map((s) => s.id)).toEqual([20, 21]);
  });

  test('treats an unreadable start date as no date', () => {
    const ordered = orderSprints([sprint(2, 'future', 'soon'), sprint(1, 'future', '2026-12-01T09:00:00.000+11:00')]);
    expect(ordered.map((s) => s.id)).toEqual([1, 2]);
  });

  test('does not change the list it was given', () => {
    const input = [sprint(2, 'future'), sprint(1, 'closed', '2026-01-01')];
    orderSprints(input);
    expect(input.map((s) => s.id)).toEqual([2, 1]);
  });
});
