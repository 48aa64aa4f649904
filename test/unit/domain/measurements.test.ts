import { inTimeOrder, latestMeasurement, recentMeasurements } from '../../../src/domain/measurements';

const m = (id: string, date: string, recordedAt = `${date}T12:00:00.000Z`) => ({ id, date, recordedAt });

describe('measurements in time order', () => {
  test.each([
    ['by the day they describe', [m('b', '2026-02-01'), m('a', '2026-01-01')], ['a', 'b']],
    ['one day: by when they were recorded', [m('late', '2026-01-01', '2026-01-03T00:00:00Z'), m('early', '2026-01-01', '2026-01-02T00:00:00Z')], ['early', 'late']],
    ['a back-dated entry goes where its day is', [m('x', '2026-03-01', '2026-03-01T00:00:00Z'), m('y', '2026-01-15', '2026-03-02T00:00:00Z')], ['y', 'x']],
  ])('%s', (_, measurements, ids) => {
    expect(inTimeOrder(measurements).map((x) => x.id)).toEqual(ids);
  });

  test('latest and recent', () => {
    const all = [m('c', '2026-03-01'), m('a', '2026-01-01'), m('b', '2026-02-01')];
    expect(latestMeasurement(all)?.id).toBe('c');
    expect(latestMeasurement([])).toBeUndefined();
    expect(recentMeasurements(all, 2).map((x) => x.id)).toEqual(['b', 'c']);
    expect(recentMeasurements(all, 0)).toEqual([]);
  });
});
