import { DEMO_USERS } from '../../../sandbox/demo';
import { createSandbox } from '../../harness';
import { daysFromToday, measurementInput, today, valueOf } from './builders';
import { seedGoal, seedKpi, seedMeasurements } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.resetStats();
});

async function manualKpi() {
  const goal = await seedGoal(sandbox);
  return seedKpi(sandbox, goal.id); // 20 → 50 %, from 30 days ago to 60 days ahead
}

describe('measurements of a manual KPI', () => {
  test('an editor adds one: the history keeps who and when, and the page shows the latest value and its health', async () => {
    const kpi = await manualKpi();
    const history = valueOf(
      await sandbox.call('addMeasurement', { as: 'productManager', payload: { kpiId: kpi.id, measurement: measurementInput({ value: 32, note: 'After the one-tap release' }), baseVersion: 1 } }),
    );
    expect(history.seriesVersion).toBe(2);
    expect(history.measurements).toEqual([
      { id: expect.any(String), date: today(), value: 32, note: 'After the one-tap release', source: 'manual', recordedBy: DEMO_USERS.productManager, recordedAt: expect.any(String) },
    ]);
    const shown = valueOf(await sandbox.call('getStrategy', { as: 'developer' })).goals[0]?.kpis[0];
    // 40% of the way from 20 to 50, where the plan expects a third: on track.
    expect(shown).toMatchObject({ latest: { value: 32 }, progress: 0.4, health: 'on-track', recent: [{ date: today(), value: 32 }], version: 1 });
    expect(shown?.healthReason).toMatch(/^On track: 32% on .* is 40% of the way from 20% to 50%/);
  });

  test('history comes oldest first, whatever order they were entered in', async () => {
    const kpi = await manualKpi();
    const history = await seedMeasurements(sandbox, kpi.id, [
      { date: daysFromToday(-1), value: 28 },
      { date: daysFromToday(-20), value: 22 },
      { date: daysFromToday(-10), value: 25 },
    ]);
    expect(history.measurements.map((m) => m.value)).toEqual([22, 25, 28]);
    expect(history.kpi.latest?.value).toBe(28);
  });

  test('an editor corrects a wrong value, and deletes another', async () => {
    const kpi = await manualKpi();
    const seeded = await seedMeasurements(sandbox, kpi.id, [{ date: daysFromToday(-2), value: 300 }, { value: 31 }]);
    const wrong = seeded.measurements[0];
    const corrected = valueOf(
      await sandbox.call('updateMeasurement', {
        as: 'admin',
        payload: { kpiId: kpi.id, id: wrong?.id ?? '', measurement: { date: daysFromToday(-2), value: 30 }, baseVersion: seeded.seriesVersion },
      }),
    );
    expect(corrected.measurements.map((m) => [m.value, m.recordedBy])).toEqual([
      [30, DEMO_USERS.admin],
      [31, DEMO_USERS.productManager],
    ]);
    const remaining = valueOf(
      await sandbox.call('deleteMeasurement', { as: 'productManager', payload: { kpiId: kpi.id, id: wrong?.id ?? '', baseVersion: corrected.seriesVersion } }),
    );
    expect(remaining.measurements.map((m) => m.value)).toEqual([31]);
    expect(remaining.kpi.latest?.value).toBe(31);
  });

  test('deleting the only measurement takes the KPI back to no data', async () => {
    const kpi = await manualKpi();
    const seeded = await seedMeasurements(sandbox, kpi.id, [{ value: 31 }]);
    const empty = valueOf(
      await sandbox.call('deleteMeasurement', { as: 'productManager', payload: { kpiId: kpi.id, id: seeded.measurements[0]?.id ?? '', baseVersion: seeded.seriesVersion } }),
    );
    expect(empty).toMatchObject({ measurements: [], kpi: { health: 'no-data', recent: [] } });
  });

  describe('two people editing', () => {
    test('the second change from the same series version gets a conflict with the history as it is now', async () => {
      const kpi = await manualKpi();
      valueOf(await sandbox.call('addMeasurement', { as: 'productManager', payload: { kpiId: kpi.id, measurement: measurementInput({ value: 30 }), baseVersion: 1 } }));
      const second = await sandbox.call('addMeasurement', { as: 'admin', payload: { kpiId: kpi.id, measurement: measurementInput({ value: 99 }), baseVersion: 1 } });
      expect(second).toEqual({
        ok: false,
        error: { code: 'conflict', message: expect.any(String), current: expect.objectContaining({ seriesVersion: 2, measurements: [expect.objectContaining({ value: 30 })] }) },
      });
    });

    test('a correction from a stale version is a conflict, and the value stays', async () => {
      const kpi = await manualKpi();
      const seeded = await seedMeasurements(sandbox, kpi.id, [{ value: 30 }]);
      const id = seeded.measurements[0]?.id ?? '';
      valueOf(await sandbox.call('updateMeasurement', { as: 'admin', payload: { kpiId: kpi.id, id, measurement: measurementInput({ value: 31 }), baseVersion: seeded.seriesVersion } }));
      const stale = await sandbox.call('updateMeasurement', { as: 'productManager', payload: { kpiId: kpi.id, id, measurement: measurementInput({ value: 35 }), baseVersion: seeded.seriesVersion } });
      expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', current: { measurements: [{ value: 31 }] } } });
    });

    test('measurements do not change the KPI’s own version: a definition edit from before still saves', async () => {
      const kpi = await manualKpi();
      await seedMeasurements(sandbox, kpi.id, [{ value: 30 }, { value: 31, date: daysFromToday(-1) }]);
      const history = valueOf(await sandbox.call('getKpiHistory', { as: 'developer', payload: { id: kpi.id } }));
      expect(history.kpi.version).toBe(1);
    });
  });

  describe('bad input, each next to its field', () => {
    test.each([
      ['a date that does not exist', { date: '2026-02-29' }, 'measurement.date', /real date/],
      ['a date in the future', { date: daysFromToday(5) }, 'measurement.date', /today or an earlier date/],
      ['a value that is not a number', { value: 'lots' }, 'measurement.value', /Enter a number/],
      ['a missing value', { value: undefined }, 'measurement.value', /Enter a number/],
      ['a note over 500 characters', { note: 'x'.repeat(501) }, 'measurement.note', /500 characters/],
      ['a note with control characters', { note: 'bad\u0007bell' }, 'measurement.note', /control characters/],
    ])('%s', async (_, override, field, message) => {
      const kpi = await manualKpi();
      const result = await sandbox.call('addMeasurement', { as: 'productManager', payload: { kpiId: kpi.id, measurement: { ...measurementInput(), ...override }, baseVersion: 1 } });
      expect(result).toEqual({ ok: false, error: { code: 'invalid', field, message: expect.stringMatching(message) } });
    });

    test('a measurement that does not exist', async () => {
      const kpi = await manualKpi();
      const result = await sandbox.call('deleteMeasurement', { as: 'productManager', payload: { kpiId: kpi.id, id: 'm-missing', baseVersion: 1 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    });
  });

  describe('on a JQL KPI', () => {
    async function jqlKpi() {
      const goal = await seedGoal(sandbox);
      return seedKpi(sandbox, goal.id, { source: { kind: 'jql-count', jql: 'issuetype = Bug' }, baseline: { value: 1, date: daysFromToday(-30) } });
    }

    test('nobody types values in: they come from the query', async () => {
      const kpi = await jqlKpi();
      const result = await sandbox.call('addMeasurement', { as: 'productManager', payload: { kpiId: kpi.id, measurement: measurementInput(), baseVersion: 1 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/Refresh now/) } });
    });

    test('a wrong snapshot cannot be edited, but can be deleted', async () => {
      const kpi = await jqlKpi();
      const history = valueOf(await sandbox.call('getKpiHistory', { as: 'developer', payload: { id: kpi.id } }));
      const snapshot = history.measurements[0];
      expect(snapshot?.source).toBe('jql');
      const edit = await sandbox.call('updateMeasurement', {
        as: 'productManager',
        payload: { kpiId: kpi.id, id: snapshot?.id ?? '', measurement: measurementInput(), baseVersion: history.seriesVersion },
      });
      expect(edit).toMatchObject({ ok: false, error: { code: 'invalid', field: 'id' } });
      const deleted = valueOf(
        await sandbox.call('deleteMeasurement', { as: 'productManager', payload: { kpiId: kpi.id, id: snapshot?.id ?? '', baseVersion: history.seriesVersion } }),
      );
      expect(deleted.measurements).toEqual([]);
    });
  });

  describe('refuses', () => {
    test('a developer under the default rule, who still reads the history', async () => {
      const kpi = await manualKpi();
      const result = await sandbox.call('addMeasurement', { as: 'developer', payload: { kpiId: kpi.id, measurement: measurementInput(), baseVersion: 1 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(valueOf(await sandbox.call('getKpiHistory', { as: 'developer', payload: { id: kpi.id } })).measurements).toEqual([]);
    });

    test('the developer once issue editors may edit', async () => {
      const kpi = await manualKpi();
      await sandbox.setEditRule('issue-editors');
      const history = valueOf(await sandbox.call('addMeasurement', { as: 'developer', payload: { kpiId: kpi.id, measurement: measurementInput(), baseVersion: 1 } }));
      expect(history.measurements[0]?.recordedBy).toBe(DEMO_USERS.developer);
    });

    test('the outsider', async () => {
      const kpi = await manualKpi();
      const result = await sandbox.call('addMeasurement', { as: 'outsider', payload: { kpiId: kpi.id, measurement: measurementInput(), baseVersion: 1 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  });
});
