import { itemDelivery } from '../../../src/domain/item-delivery';
import { velocityOf } from '../../../src/domain/velocity';
import { cadence, done, inProgress, todo } from './delivery-builders';

describe('itemDelivery', () => {
  const sprints = cadence({ closed: 4, future: 2 });
  const shared = todo(5, [6]);
  const epics = [
    { epicId: 'A', children: [done(10, [1]), done(10, [2]), inProgress(5, [5]), shared] },
    { epicId: 'B', children: [done(10, [3]), done(10, [4]), shared, todo()] },
  ];
  const velocity = velocityOf({ sprints, children: epics.flatMap((e) => e.children) });

  test('rolls up the item’s epics, places the work in sprints and forecasts it', () => {
    const delivery = itemDelivery({ epics, velocity, sprints, today: '2026-11-02T09:00:00.000Z', endDate: '2026-11-10', hasEstimateField: true });
    expect(delivery.rollup).toMatchObject({ counts: { total: 7, done: 4 }, duplicates: 1, epics: 2 });
    expect(delivery.sprints.active.map((w) => w.sprintId)).toEqual([5]);
    expect(delivery.sprints.unscheduled.issues).toBe(1);
    // 10 estimated remaining + 1 unestimated × average 50/6 → ~18.33 points at 10 a sprint.
    expect(delivery.forecast).toMatchObject({ kind: 'forecast', velocity: 10, atRisk: true, finish: { sprintId: 6 } });
  });

  test('forecasts on the viewer’s days: a sprint ending at 09:00 UTC on the 30th ends on the 29th in Pago Pago (UTC−11)', () => {
    const base = { epics, velocity, sprints, today: '2026-11-02T09:00:00.000Z', endDate: '2026-11-29', hasEstimateField: true };
    expect(itemDelivery(base).forecast).toMatchObject({ finishDate: '2026-11-30', atRisk: true, daysLate: 1 });
    expect(itemDelivery({ ...base, timeZone: 'Pacific/Pago_Pago' }).forecast).toMatchObject({ finishDate: '2026-11-29', atRisk: false });
  });

  test.each([[true], [false]])('an item marked done or parked is never at risk (settled: %s), while the forecast still says when the work ends', (settled) => {
    const delivery = itemDelivery({ epics, velocity, sprints, today: '2026-11-02T09:00:00.000Z', endDate: '2026-11-10', hasEstimateField: true, settled });
    expect(delivery.forecast).toMatchObject({ kind: 'forecast', finish: { sprintId: 6 }, atRisk: !settled });
    if (settled) expect(delivery.forecast).not.toHaveProperty('daysLate');
  });
});
