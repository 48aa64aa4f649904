import type { TimelineSprint } from '../../../src/domain/delivery';
import { rollupOf } from '../../../src/domain/epic-rollup';
import { forecastOf } from '../../../src/domain/forecast';
import type { Velocity } from '../../../src/domain/velocity';
import { cadence, done, inProgress, todo } from './delivery-builders';
import { sayCoded } from '../../../src/i18n/server-texts';

/** Sprints of two weeks from Mon 7 Sep 2026: 1–4 closed, 5 active (2 Nov–16 Nov), 6 (16–30 Nov) and 7 (undated) future. */
const sprints = cadence({ closed: 4, future: 2 });
const velocity = (mean: number, median = mean): Velocity => ({ ok: true, mean, median, sprints: [] });
/** The first day of the active sprint: all of its capacity is ahead. */
const activeStart = '2026-11-02T09:00:00.000Z';

describe('forecastOf', () => {
  test('dates the finish sprint on the viewer’s days, and the item is late only by their calendar', () => {
    // A Sydney board: the active sprint ends at 09:00 on 25 Nov there, which is 24 Nov in UTC.
    const sydney: TimelineSprint[] = [
      { id: 1, name: 'S1', state: 'closed', startDate: '2026-10-28T09:00:00.000+11:00', endDate: '2026-11-11T09:00:00.000+11:00', completeDate: '2026-11-11T09:00:00.000+11:00' },
      { id: 2, name: 'S2', state: 'active', startDate: '2026-11-11T09:00:00.000+11:00', endDate: '2026-11-25T09:00:00.000+11:00' },
    ];
    const input = { rollup: rollupOf([todo(10), done(5, [1])]), velocity: velocity(20), sprints: sydney, today: '2026-11-11T00:00:00.000Z', endDate: '2026-11-24' };
    expect(forecastOf({ ...input, timeZone: 'Australia/Sydney' })).toMatchObject({
      kind: 'forecast',
      finish: { sprintId: 2, startDate: '2026-11-11', endDate: '2026-11-25' },
      finishDate: '2026-11-25',
      atRisk: true,
      daysLate: 1,
    });
    expect(forecastOf({ ...input, timeZone: 'UTC' })).toMatchObject({ finishDate: '2026-11-24', atRisk: false });
  });

  test.each([
    { name: 'fits in what is left of the active sprint', remaining: 10, today: activeStart, sprint: 5, offset: 0, finishDate: '2026-11-16' },
    { name: 'exactly one velocity fits the active sprint', remaining: 20, today: activeStart, sprint: 5, offset: 0, finishDate: '2026-11-16' },
    { name: 'spills into the next planned sprint', remaining: 30, today: activeStart, sprint: 6, offset: 1, finishDate: '2026-11-30' },
    { name: 'the undated planned sprint starts when the one before ends', remaining: 60, today: activeStart, sprint: 7, offset: 2, finishDate: '2026-12-14' },
    { name: 'half the active sprint gone: half its capacity', remaining: 15, today: '2026-11-09T09:00:00.000Z', sprint: 6, offset: 1, finishDate: '2026-11-30' },
  ])('$name', ({ remaining, today, sprint, offset, finishDate }) => {
    const forecast = forecastOf({ rollup: rollupOf([todo(remaining), done(5, [1])]), velocity: velocity(20), sprints, today });
    expect(forecast).toMatchObject({ kind: 'forecast', finish: { sprintId: sprint, planned: true, offset }, finishDate });
  });

  test('past the last planned sprint, projects sprints of the usual length', () => {
    const forecast = forecastOf({ rollup: rollupOf([todo(100), done(5, [1])]), velocity: velocity(20), sprints, today: activeStart });
    // 20 (active) + 20 + 20 planned, then 40 more = two projected sprints after 14 Dec.
    expect(forecast).toMatchObject({
      kind: 'forecast',
      remainingPoints: 100,
      sprintsOfWork: 5,
      finish: { planned: false, offset: 4, startDate: '2026-12-28', endDate: '2027-01-11' },
      finishDate: '2027-01-11',
    });
    expect(forecast.kind === 'forecast' && forecast.finish.sprintId).toBeUndefined();
  });

  test('assumes the item’s average estimate for remaining unestimated issues, and says so', () => {
    // Estimated: 4 + 8 + 6 (done) → average 6; two unestimated remaining → 12 assumed.
    const forecast = forecastOf({ rollup: rollupOf([todo(4), inProgress(8), done(6, [1]), todo(), inProgress()]), velocity: velocity(20), sprints, today: activeStart });
    expect(forecast).toMatchObject({ kind: 'forecast', remainingPoints: 24, assumedPoints: 12, unestimatedRemaining: 2, finish: { sprintId: 6 } });
  });

  test('uses the median when asked', () => {
    const forecast = forecastOf({ rollup: rollupOf([todo(30)]), velocity: velocity(10, 30), sprints, today: activeStart, basis: 'median' });
    expect(forecast).toMatchObject({ kind: 'forecast', velocity: 30, basis: 'median', finish: { sprintId: 5 } });
  });

  test.each([
    { name: 'finishes after the end date', endDate: '2026-11-20', atRisk: true, daysLate: 10 },
    { name: 'finishes on the end date', endDate: '2026-11-30', atRisk: false, daysLate: undefined },
    { name: 'finishes before the end date', endDate: '2026-12-31', atRisk: false, daysLate: undefined },
    { name: 'has no end date', endDate: undefined, atRisk: false, daysLate: undefined },
  ])('flags an item at risk when it $name', ({ endDate, atRisk, daysLate }) => {
    const forecast = forecastOf({ rollup: rollupOf([todo(30)]), velocity: velocity(20), sprints, today: activeStart, ...(endDate ? { endDate } : {}) });
    expect(forecast).toMatchObject({ kind: 'forecast', finishDate: '2026-11-30', atRisk });
    expect(forecast.kind === 'forecast' ? forecast.daysLate : 'none').toBe(daysLate);
  });

  test('with no active sprint, starts from the next planned one', () => {
    const noActive = cadence({ closed: 4, active: false, future: 2 });
    const forecast = forecastOf({ rollup: rollupOf([todo(30)]), velocity: velocity(20), sprints: noActive, today: '2026-11-02T10:00:00.000Z' });
    expect(forecast).toMatchObject({ kind: 'forecast', finish: { sprintId: 6, offset: 1 } });
  });

  test('with only closed sprints, projects from today', () => {
    const closedOnly = cadence({ closed: 4, active: false });
    const forecast = forecastOf({ rollup: rollupOf([todo(30)]), velocity: velocity(20), sprints: closedOnly, today: '2026-11-02T09:00:00.000Z' });
    expect(forecast).toMatchObject({ kind: 'forecast', finish: { planned: false, offset: 1, endDate: '2026-11-30' } });
  });

  test('a finished item is done, not forecast', () => {
    expect(forecastOf({ rollup: rollupOf([done(3, [1]), done()]), velocity: velocity(20), sprints, today: activeStart })).toEqual({ kind: 'done', atRisk: false });
  });

  const noVelocity: Velocity = { ok: false, reason: 'too-few-closed-sprints', message: 'Only 2 sprints have been completed; a velocity needs at least 3.', sprints: [] };
  test.each([
    { name: 'an empty item (no child issues)', children: [], sprints, velocity: velocity(20), field: true, reason: 'no-work', message: /No child issues yet/ },
    { name: 'a kanban-only project (no sprints)', children: [todo(3)], sprints: [] as TimelineSprint[], velocity: velocity(20), field: true, reason: 'kanban-only', message: /no sprints/ },
    { name: 'no story point field on the site', children: [todo(3)], sprints, velocity: velocity(20), field: false, reason: 'no-estimate-field', message: /No story point field/ },
    { name: 'no child issue estimated', children: [todo(), done()], sprints, velocity: velocity(20), field: true, reason: 'no-estimates', message: /None of the 2 child issues has story points/ },
    { name: 'every remaining issue unestimated', children: [todo(), inProgress(), done(5)], sprints, velocity: velocity(20), field: true, reason: 'all-unestimated', message: /The 2 remaining issues have no story points/ },
    { name: 'no velocity', children: [todo(3)], sprints, velocity: noVelocity, field: true, reason: 'no-velocity', message: /Only 2 sprints/ },
    { name: 'a velocity of zero', children: [todo(3)], sprints, velocity: velocity(5, 0), field: true, reason: 'no-velocity', message: /no estimated work/ },
  ])('gives no forecast, with the reason, for $name', ({ children, sprints: timeline, velocity: v, field, reason, message }) => {
    const forecast = forecastOf({ rollup: rollupOf(children), velocity: v, sprints: timeline, today: activeStart, hasEstimateField: field, basis: 'median' });
    expect(forecast).toMatchObject({ kind: 'none', reason, atRisk: false });
    // The message is coded for the reader's language; said outside a call, in English.
    expect(forecast.kind === 'none' && sayCoded(forecast.message)).toMatch(message);
  });

  test('refuses an unreadable today (a bug, not a case)', () => {
    expect(() => forecastOf({ rollup: rollupOf([todo(1)]), velocity: velocity(1), sprints, today: 'soon' })).toThrow(RangeError);
  });
});
