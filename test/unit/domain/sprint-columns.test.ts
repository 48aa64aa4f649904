import type { TimelineSprint } from '../../../src/domain/delivery';
import { maxPeriodColumns, periodColumns, sprintColumns, timelineColumns } from '../../../src/domain/sprint-columns';
import { cadence } from './delivery-builders';

const sprint = (id: number, state: TimelineSprint['state'], dates?: [string, string], boardIds: number[] = [1]): TimelineSprint => ({
  id,
  name: `S${id}`,
  state,
  boardIds,
  ...(dates ? { startDate: `${dates[0]}T09:00:00.000Z`, endDate: `${dates[1]}T09:00:00.000Z` } : {}),
});

describe('sprintColumns', () => {
  test('shows a sprint on the viewer’s days: dates with offsets, across Sydney’s DST change', () => {
    // A Sydney board starting sprints at 09:00 local time: UTC+10 until 4 Oct 2026, UTC+11 after.
    const sydney: TimelineSprint[] = [
      { id: 1, name: 'S1', state: 'closed', boardIds: [1], startDate: '2026-09-21T09:00:00.000+10:00', endDate: '2026-10-05T09:00:00.000+11:00', completeDate: '2026-10-05T08:30:00.000+11:00' },
      { id: 2, name: 'S2', state: 'active', boardIds: [1], startDate: '2026-10-05T09:00:00.000+11:00', endDate: '2026-10-19T09:00:00.000+11:00' },
    ];
    const inSydney = sprintColumns(sydney, 'Australia/Sydney');
    expect(inSydney.map((c) => [c.startDate, c.endDate, c.completeDate])).toEqual([
      ['2026-09-21', '2026-10-05', '2026-10-05'],
      ['2026-10-05', '2026-10-19', undefined],
    ]);
    // The same sprints for a viewer in Los Angeles begin the evening before.
    expect(sprintColumns(sydney, 'America/Los_Angeles').map((c) => [c.startDate, c.endDate])).toEqual([
      ['2026-09-20', '2026-10-04'],
      ['2026-10-04', '2026-10-18'],
    ]);
  });

  test('projects an undated sprint by instants, so a DST change in between does not shift its day', () => {
    const sydney: TimelineSprint[] = [
      { id: 1, name: 'S1', state: 'active', boardIds: [1], startDate: '2026-09-21T09:00:00.000+10:00', endDate: '2026-10-05T09:00:00.000+11:00' },
      { id: 2, name: 'S2', state: 'future', boardIds: [1] },
    ];
    const columns = sprintColumns(sydney, 'Australia/Sydney');
    expect(columns[1]).toMatchObject({ startDate: '2026-10-05', datesProjected: true });
  });

  test('timelineColumns passes the viewer’s zone on', () => {
    const sprints: TimelineSprint[] = [{ id: 1, name: 'S1', state: 'active', boardIds: [1], startDate: '2026-11-11T09:00:00.000+11:00', endDate: '2026-11-25T09:00:00.000+11:00' }];
    const timeline = timelineColumns({ sprints, today: '2026-11-12', timeZone: 'Australia/Sydney' });
    expect(timeline.kind === 'sprints' && timeline.columns[0]).toMatchObject({ startDate: '2026-11-11', endDate: '2026-11-25' });
  });

  test('orders closed, active, future, by start date within a state', () => {
    const columns = sprintColumns([
      sprint(4, 'future', ['2026-11-16', '2026-11-30']),
      sprint(2, 'closed', ['2026-10-19', '2026-11-02']),
      sprint(3, 'active', ['2026-11-02', '2026-11-16']),
      sprint(1, 'closed', ['2026-10-05', '2026-10-19']),
    ]);
    expect(columns.map((c) => [c.sprintId, c.state])).toEqual([[1, 'closed'], [2, 'closed'], [3, 'active'], [4, 'future']]);
    expect(columns[0]).toMatchObject({ kind: 'sprint', key: 'sprint-1', name: 'S1', startDate: '2026-10-05', endDate: '2026-10-19', datesProjected: false });
  });

  test('shows a sprint on two boards once, with both boards', () => {
    const columns = sprintColumns([sprint(7, 'active', ['2026-11-02', '2026-11-16'], [2]), sprint(7, 'active', ['2026-11-02', '2026-11-16'], [1])]);
    expect(columns).toHaveLength(1);
    expect(columns[0]?.boardIds).toEqual([1, 2]);
  });

  test('projects dates for undated future sprints from the sprint before and the usual length', () => {
    const columns = sprintColumns(cadence({ closed: 2, future: 3 }));
    const future = columns.filter((c) => c.state === 'future');
    expect(future.map((c) => [c.startDate, c.endDate, c.datesProjected])).toEqual([
      ['2026-10-19', '2026-11-02', false],
      ['2026-11-02', '2026-11-16', true],
      ['2026-11-16', '2026-11-30', true],
    ]);
  });

  test('leaves an undated future sprint undated when nothing before it has dates', () => {
    expect(sprintColumns([sprint(1, 'future')])[0]).toMatchObject({ datesProjected: false });
    expect(sprintColumns([sprint(1, 'future')])[0]?.startDate).toBeUndefined();
  });

  test('of no sprints is no columns', () => {
    expect(sprintColumns([])).toEqual([]);
  });
});

describe('periodColumns', () => {
  test('two-week periods start on Mondays and tile the range', () => {
    // 2026-11-20 is a Friday; its week starts Monday 16 Nov.
    const columns = periodColumns({ from: '2026-11-20', to: '2026-12-31', bucket: 'two-weeks', today: '2026-11-20' });
    expect(columns.map((c) => [c.startDate, c.endDate, c.state])).toEqual([
      ['2026-11-16', '2026-11-30', 'current'],
      ['2026-11-30', '2026-12-14', 'future'],
      ['2026-12-14', '2026-12-28', 'future'],
      ['2026-12-28', '2027-01-11', 'future'],
    ]);
  });

  test('months are calendar months, across a year end', () => {
    const columns = periodColumns({ from: '2026-10-15', to: '2027-01-02', bucket: 'month', today: '2026-11-20T09:00:00.000Z' });
    expect(columns.map((c) => [c.key, c.endDate, c.state])).toEqual([
      ['period-2026-10-01', '2026-11-01', 'past'],
      ['period-2026-11-01', '2026-12-01', 'current'],
      ['period-2026-12-01', '2027-01-01', 'future'],
      ['period-2027-01-01', '2027-02-01', 'future'],
    ]);
  });

  test('stops at a readable number of columns', () => {
    expect(periodColumns({ from: '2000-01-01', to: '2100-01-01', bucket: 'two-weeks', today: '2026-01-01' })).toHaveLength(maxPeriodColumns);
  });

  test('refuses dates it cannot read', () => {
    expect(() => periodColumns({ from: 'soon', to: '2026-01-01', bucket: 'month', today: '2026-01-01' })).toThrow(RangeError);
  });
});

describe('timelineColumns', () => {
  test('uses the sprints of a scrum project', () => {
    expect(timelineColumns({ sprints: cadence({ closed: 1 }), today: '2026-09-22' })).toMatchObject({ kind: 'sprints', columns: [{ sprintId: 1 }, { sprintId: 2 }] });
  });

  test('falls back to two-week periods around today for a kanban-only project', () => {
    const timeline = timelineColumns({ sprints: [], today: '2026-11-20T09:00:00.000Z' });
    expect(timeline.kind).toBe('periods');
    if (timeline.kind !== 'periods') return;
    expect(timeline.bucket).toBe('two-weeks');
    expect(timeline.columns[0]?.startDate).toBe('2026-10-19'); // the Monday on or before 23 Oct, four weeks back
    expect(timeline.columns.filter((c) => c.state === 'current')).toHaveLength(1);
    expect(timeline.columns.at(-1)?.endDate.localeCompare('2027-05-21')).toBeGreaterThanOrEqual(0);
  });

  test('or to months over a range the caller gives', () => {
    const timeline = timelineColumns({ sprints: [], today: '2026-11-20', bucket: 'month', range: { from: '2026-11-01', to: '2027-03-31' } });
    expect(timeline).toMatchObject({ kind: 'periods', bucket: 'month' });
    expect(timeline.columns).toHaveLength(5);
  });
});
