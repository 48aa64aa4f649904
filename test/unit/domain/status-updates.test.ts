import {
  asCheckInStatus,
  effectiveStatus,
  isWithinEditWindow,
  nextDueDay,
  statusDisagreements,
  timeFrameEnd,
  updateDue,
} from '../../../src/domain/status-updates';
import { sayRef } from '../../../src/i18n/server-texts';
import type { CheckInCadence, StatusFacts } from '../../../src/domain/status-updates';

describe('update due', () => {
  // [case, lastCheckInAt, createdAt, cadence, now, timeZone, settled, due, dueOn]
  const table: Array<[string, string | undefined, string, CheckInCadence, string, string | undefined, boolean, boolean, string | undefined]> = [
    ['weekly, six days after the last check-in', '2026-12-01T10:00:00Z', '2026-11-01T00:00:00Z', 'weekly', '2026-12-07T23:59:00Z', undefined, false, false, '2026-12-08'],
    ['weekly, on the seventh day', '2026-12-01T10:00:00Z', '2026-11-01T00:00:00Z', 'weekly', '2026-12-08T00:00:00Z', undefined, false, true, '2026-12-08'],
    ['fortnightly, ten days on', '2026-12-01T10:00:00Z', '2026-11-01T00:00:00Z', 'fortnightly', '2026-12-11T12:00:00Z', undefined, false, false, '2026-12-15'],
    ['fortnightly, fourteen days on', '2026-12-01T10:00:00Z', '2026-11-01T00:00:00Z', 'fortnightly', '2026-12-15T12:00:00Z', undefined, false, true, '2026-12-15'],
    ['monthly, the same day next month', '2026-11-15T10:00:00Z', '2026-11-01T00:00:00Z', 'monthly', '2026-12-15T00:00:00Z', undefined, false, true, '2026-12-15'],
    ['monthly from 31 January: the last day of February', '2027-01-31T10:00:00Z', '2027-01-01T00:00:00Z', 'monthly', '2027-02-27T12:00:00Z', undefined, false, false, '2027-02-28'],
    ['monthly across the year end', '2026-12-20T10:00:00Z', '2026-01-01T00:00:00Z', 'monthly', '2027-01-20T10:00:00Z', undefined, false, true, '2027-01-20'],
    ['never checked in: the clock starts at creation', undefined, '2026-11-20T09:00:00Z', 'weekly', '2026-11-27T09:00:00Z', undefined, false, true, '2026-11-27'],
    ['never checked in, created yesterday', undefined, '2026-12-06T09:00:00Z', 'weekly', '2026-12-07T09:00:00Z', undefined, false, false, '2026-12-13'],
    // 2026-12-01T20:00Z is already 2 December in Sydney: a week later is due on 9 December there.
    ['the viewer’s calendar: Sydney', '2026-12-01T20:00:00Z', '2026-11-01T00:00:00Z', 'weekly', '2026-12-08T12:00:00Z', 'Australia/Sydney', false, false, '2026-12-09'],
    ['the viewer’s calendar: Sydney, next morning', '2026-12-01T20:00:00Z', '2026-11-01T00:00:00Z', 'weekly', '2026-12-08T13:30:00Z', 'Australia/Sydney', false, true, '2026-12-09'],
    // 2026-12-02T03:00Z is still 1 December in Los Angeles.
    ['the viewer’s calendar: Los Angeles', '2026-12-02T03:00:00Z', '2026-11-01T00:00:00Z', 'weekly', '2026-12-08T09:00:00Z', 'America/Los_Angeles', false, true, '2026-12-08'],
    ['settled: never due', '2026-01-01T10:00:00Z', '2025-01-01T00:00:00Z', 'weekly', '2026-12-07T10:00:00Z', undefined, true, false, undefined],
  ];
  test.each(table)('%s', (_case, lastCheckInAt, createdAt, cadence, now, timeZone, settled, due, dueOn) => {
    const result = updateDue({ ...(lastCheckInAt ? { lastCheckInAt } : {}), createdAt, cadence, now, ...(timeZone ? { timeZone } : {}), settled });
    expect(result.due).toBe(due);
    expect(result.dueOn).toBe(dueOn);
  });

  test('next due day across a leap February', () => {
    expect(nextDueDay('2028-01-30', 'monthly')).toBe('2028-02-29');
    expect(nextDueDay('2028-02-25', 'weekly')).toBe('2028-03-03');
  });
});

describe('status against the facts', () => {
  const today = '2026-12-07';
  // [case, facts, kinds expected, first sentence]
  const table: Array<[string, Omit<StatusFacts, 'today'>, string[], string | undefined]> = [
    ['on track, KPIs on track: agree', { status: 'on-track', kpis: [{ name: 'Activation', health: 'on-track' }] }, [], undefined],
    ['on track beside an off-track KPI', { status: 'on-track', kpis: [{ name: 'Activation', health: 'off-track' }, { name: 'NPS', health: 'at-risk' }] }, ['kpi-off-track'], 'Marked on track, but KPI “Activation” is off track.'],
    [
      'on track beside three off-track KPIs',
      { status: 'on-track', kpis: [{ name: 'A', health: 'off-track' }, { name: 'B', health: 'off-track' }, { name: 'C', health: 'off-track' }] },
      ['kpi-off-track'],
      'Marked on track, but KPIs “A”, “B”, and “C” are off track.',
    ],
    ['at risk beside an off-track KPI: an honest status', { status: 'at-risk', kpis: [{ name: 'Activation', health: 'off-track' }] }, [], undefined],
    ['off track beside an off-track KPI', { status: 'off-track', kpis: [{ name: 'Activation', health: 'off-track' }] }, [], undefined],
    ['on track, KPI without data: nothing to contradict', { status: 'on-track', kpis: [{ name: 'Activation', health: 'no-data' }] }, [], undefined],
    [
      'on track, forecast past the end date',
      { status: 'on-track', forecastFinish: '2027-01-20', endDate: '2026-12-31' },
      ['forecast-past-end'],
      'Marked on track, but the forecast finishes on Jan 20, 2027, after the end date Dec 31, 2026.',
    ],
    ['on track, forecast on the end date', { status: 'on-track', forecastFinish: '2026-12-31', endDate: '2026-12-31' }, [], undefined],
    ['at risk, forecast past the end date: already said', { status: 'at-risk', forecastFinish: '2027-01-20', endDate: '2026-12-31' }, [], undefined],
    ['on track, time frame over', { status: 'on-track', timeFrameEnd: '2026-09-30' }, ['time-frame-over'], 'The time frame ended on Sep 30, 2026, but the status is still “on track”.'],
    ['off track, time frame over', { status: 'off-track', timeFrameEnd: '2026-09-30' }, ['time-frame-over'], 'The time frame ended on Sep 30, 2026, but the status is still “off track”.'],
    ['done, time frame over: agree', { status: 'done', timeFrameEnd: '2026-09-30' }, [], undefined],
    ['paused, time frame over: agree', { status: 'paused', timeFrameEnd: '2026-09-30' }, [], undefined],
    ['time frame ends today: not over yet', { status: 'on-track', timeFrameEnd: today }, [], undefined],
    ['an item never checked in, its end date passed', { status: 'open', timeFrameEnd: '2026-12-01' }, ['time-frame-over'], 'The time frame ended on Dec 1, 2026, but it is not done.'],
    [
      'every disagreement at once, in a fixed order',
      { status: 'on-track', kpis: [{ name: 'Activation', health: 'off-track' }], forecastFinish: '2027-01-20', endDate: '2026-11-30', timeFrameEnd: '2026-11-30' },
      ['kpi-off-track', 'forecast-past-end', 'time-frame-over'],
      'Marked on track, but KPI “Activation” is off track.',
    ],
  ];
  test.each(table)('%s', (_case, facts, kinds, sentence) => {
    const found = statusDisagreements({ ...facts, today });
    expect(found.map((disagreement) => disagreement.kind)).toEqual(kinds);
    // Said outside any call: in English, the dates as English readers write them.
    expect(found[0] && sayRef(found[0].sentence)).toBe(sentence);
  });
});

describe('the status shown', () => {
  test('the latest check-in wins over the manual field; before one, the manual field stands', () => {
    expect(effectiveStatus('on-track', undefined)).toBe('on-track');
    expect(effectiveStatus('on-track', { status: 'off-track' })).toBe('off-track');
  });
  test.each([
    ['on-track', 'on-track'],
    ['archived', 'paused'],
    ['parked', 'paused'],
    ['done', 'done'],
    ['in-progress', 'open'],
    ['idea', 'open'],
  ])('stored status %s reads as %s', (stored, expected) => expect(asCheckInStatus(stored)).toBe(expected));

  test.each([
    [{ kind: 'quarter', year: 2026, quarter: 1 } as const, '2026-03-31'],
    [{ kind: 'quarter', year: 2026, quarter: 4 } as const, '2026-12-31'],
    [{ kind: 'date', date: '2026-07-14' } as const, '2026-07-14'],
    [{ kind: 'none' } as const, undefined],
  ])('time frame %j ends on %s', (timeFrame, end) => expect(timeFrameEnd(timeFrame)).toBe(end));
});

describe('the 24-hour edit window', () => {
  test.each([
    ['a minute after posting', '2026-12-07T10:00:00Z', '2026-12-07T10:01:00Z', true],
    ['23 h 59 min after', '2026-12-07T10:00:00Z', '2026-12-08T09:59:00Z', true],
    ['exactly 24 h after', '2026-12-07T10:00:00Z', '2026-12-08T10:00:00Z', false],
    ['two days after', '2026-12-07T10:00:00Z', '2026-12-09T10:00:00Z', false],
  ])('%s', (_case, postedAt, now, open) => expect(isWithinEditWindow(postedAt, now)).toBe(open));
});
