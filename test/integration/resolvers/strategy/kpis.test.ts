import { dailyKpiSnapshot } from '../../../../src/index';
import { createSandbox } from '../../harness';
import { daysFromToday, kpiInput, today, valueOf } from './builders';
import { inProject, recordsMentioning, seedGoal, seedKpi, seedMeasurements } from './kit';
import { bugs, doneBugs } from './site-counts';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.clearFaults();
  sandbox.jira.resetStats();
});

const countRequests = () => sandbox.jira.stats.byRoute['POST /rest/api/3/search/approximate-count'] ?? 0;

describe('KPIs', () => {
  test('a manual KPI starts with no data, and says so', async () => {
    const goal = await seedGoal(sandbox);
    const kpi = await seedKpi(sandbox, goal.id);
    expect(kpi).toMatchObject({ goalId: goal.id, name: 'Checkout conversion', version: 1, health: 'no-data', healthReason: expect.stringMatching(/No measurement yet/), recent: [] });
    expect(kpi.latest).toBeUndefined();
    const shown = valueOf(await sandbox.call('getStrategy', { as: 'developer' })).goals[0]?.kpis;
    expect(shown).toEqual([kpi]);
  });

  test('a JQL count is checked as the user when saved, and today’s count is its first value', async () => {
    const goal = await seedGoal(sandbox);
    const kpi = await seedKpi(sandbox, goal.id, {
      name: 'Open bugs',
      unit: 'bugs',
      direction: 'decrease',
      baseline: { value: 40, date: daysFromToday(-30) },
      target: { value: 5, date: daysFromToday(60) },
      source: { kind: 'jql-count', jql: 'issuetype = Bug ORDER BY created DESC' },
    });
    expect(kpi.latest).toMatchObject({ date: today(), value: bugs(sandbox, 'THR'), source: 'jql' });
    expect(kpi.health).not.toBe('no-data');
    expect(countRequests()).toBe(1);
  });

  test('a ratio is the numerator’s count over the denominator’s', async () => {
    const goal = await seedGoal(sandbox);
    const kpi = await seedKpi(sandbox, goal.id, {
      name: 'Bugs fixed',
      unit: '',
      baseline: { value: 0.1, date: daysFromToday(-30) },
      target: { value: 0.9, date: daysFromToday(60) },
      source: { kind: 'jql-ratio', numeratorJql: 'issuetype = Bug AND statusCategory = Done', denominatorJql: 'issuetype = Bug' },
    });
    expect(kpi.latest?.value).toBeCloseTo(doneBugs(sandbox, 'THR') / bugs(sandbox, 'THR'));
  });

  test('JQL naming another project still counts only this one', async () => {
    const goal = await seedGoal(sandbox);
    const kpi = await seedKpi(sandbox, goal.id, { source: { kind: 'jql-count', jql: 'project = MOB' } });
    expect(kpi.latest?.value).toBe(0);
  });

  describe('refuses JQL', () => {
    test('that Jira rejects, with Jira’s own message next to the JQL field', async () => {
      const goal = await seedGoal(sandbox);
      const result = await sandbox.call('createKpi', {
        as: 'productManager',
        payload: { goalId: goal.id, kpi: kpiInput({ source: { kind: 'jql-count', jql: 'nosuchfield = 1' } }) },
      });
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid', field: 'kpi.source.jql', message: "Field 'nosuchfield' does not exist or you do not have permission to view it." },
      });
      expect(valueOf(await sandbox.call('getStrategy', { as: 'productManager' })).goals[0]?.kpis).toEqual([]);
    });

    test('that names a project the user may not see, in Jira’s words', async () => {
      const goal = await seedGoal(sandbox);
      const result = await sandbox.call('createKpi', {
        as: 'productManager',
        payload: { goalId: goal.id, kpi: kpiInput({ source: { kind: 'jql-ratio', numeratorJql: 'issuetype = Bug', denominatorJql: 'project = FIN' } }) },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'kpi.source.denominatorJql', message: expect.stringMatching(/FIN/) } });
    });

    test.each([
      ['a closing parenthesis it never opened', 'issuetype = Bug) OR (project = FIN', /never opened/],
      ['an unclosed parenthesis', 'issuetype = Bug OR (project = FIN', /parenthesis open/],
      ['an unclosed quote', 'summary ~ "checkout) OR (project = FIN', /quote/],
      ['only an ORDER BY', 'ORDER BY created', /ORDER BY alone/],
      ['nothing', '   ', /Enter a JQL/],
      ['over 2,000 characters', `summary ~ "${'x'.repeat(2000)}"`, /2,000 characters/],
    ])('with %s, before asking Jira', async (_, jql, message) => {
      const goal = await seedGoal(sandbox);
      sandbox.jira.resetStats();
      const result = await sandbox.call('createKpi', { as: 'productManager', payload: { goalId: goal.id, kpi: kpiInput({ source: { kind: 'jql-count', jql } }) } });
      expect(result).toEqual({ ok: false, error: { code: 'invalid', field: 'kpi.source.jql', message: expect.stringMatching(message) } });
      expect(countRequests()).toBe(0);
    });
  });

  describe('bad input, each next to its field', () => {
    test.each([
      ['an empty name', { name: '' }, 'kpi.name', /Name the KPI/],
      ['a name over 120 characters', { name: 'x'.repeat(121) }, 'kpi.name', /120 characters/],
      ['a unit over 20 characters', { unit: 'x'.repeat(21) }, 'kpi.unit', /20 characters/],
      ['no direction', { direction: 'sideways' }, 'kpi.direction', /higher or lower/],
      ['a target equal to the baseline', { target: { value: 20, date: daysFromToday(60) } }, 'kpi.target.value', /differ from the baseline/],
      ['a target below the baseline when higher is better', { target: { value: 10, date: daysFromToday(60) } }, 'kpi.target.value', /above the baseline/],
      ['a target above the baseline when lower is better', { direction: 'decrease' }, 'kpi.target.value', /below the baseline/],
      ['a target date before the baseline date', { target: { value: 50, date: daysFromToday(-60) } }, 'kpi.target.date', /after the baseline date/],
      ['a baseline date that does not exist', { baseline: { value: 20, date: '2026-13-01' } }, 'kpi.baseline.date', /real date/],
      ['a value that is not a finite number', { baseline: { value: null, date: daysFromToday(-30) } }, 'kpi.baseline.value', /Enter a number/],
      ['a value written as text', { baseline: { value: '20', date: daysFromToday(-30) } }, 'kpi.baseline.value', /Enter a number/],
      ['an absurdly large value', { target: { value: 1e15, date: daysFromToday(60) } }, 'kpi.target.value', /too large/],
      ['an unknown source', { source: { kind: 'webhook' } }, 'kpi.source.kind', /manual entry, a JQL count/],
      ['a ratio without a denominator', { source: { kind: 'jql-ratio', numeratorJql: 'issuetype = Bug' } }, 'kpi.source.denominatorJql', /denominator JQL/],
    ])('%s', async (_, override, field, message) => {
      const goal = await seedGoal(sandbox);
      const result = await sandbox.call('createKpi', { as: 'productManager', payload: { goalId: goal.id, kpi: { ...kpiInput(), ...override } } });
      expect(result).toEqual({ ok: false, error: { code: 'invalid', field, message: expect.stringMatching(message) } });
    });

    test('at most 20 KPIs per goal', async () => {
      const goal = await seedGoal(sandbox);
      for (let i = 0; i < 20; i += 1) await seedKpi(sandbox, goal.id, { name: `KPI ${i}` });
      const result = await sandbox.call('createKpi', { as: 'productManager', payload: { goalId: goal.id, kpi: kpiInput() } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/at most 20 KPIs/) } });
      // The limit is per goal.
      const other = await seedGoal(sandbox, { title: 'Other' });
      await seedKpi(sandbox, other.id);
    });
  });

  describe('editing the definition', () => {
    test('bumps its version and keeps its measurements', async () => {
      const goal = await seedGoal(sandbox);
      const kpi = await seedKpi(sandbox, goal.id);
      await seedMeasurements(sandbox, kpi.id, [{ value: 30 }]);
      const edited = valueOf(await sandbox.call('updateKpi', { as: 'productManager', payload: { id: kpi.id, kpi: kpiInput({ name: 'Conversion' }), baseVersion: 1 } }));
      expect(edited).toMatchObject({ name: 'Conversion', version: 2, latest: { value: 30 } });
    });

    test('from a stale version: a conflict with the KPI as it is now', async () => {
      const goal = await seedGoal(sandbox);
      const kpi = await seedKpi(sandbox, goal.id);
      valueOf(await sandbox.call('updateKpi', { as: 'admin', payload: { id: kpi.id, kpi: kpiInput({ name: 'Theirs' }), baseVersion: 1 } }));
      const mine = await sandbox.call('updateKpi', { as: 'productManager', payload: { id: kpi.id, kpi: kpiInput({ name: 'Mine' }), baseVersion: 1 } });
      expect(mine).toMatchObject({ ok: false, error: { code: 'conflict', current: { name: 'Theirs', version: 2 } } });
    });

    test('is not a conflict when the daily snapshot stored a value meanwhile', async () => {
      const goal = await seedGoal(sandbox);
      const kpi = await seedKpi(sandbox, goal.id, { source: { kind: 'jql-count', jql: 'issuetype = Bug' }, baseline: { value: 1, date: daysFromToday(-30) } });
      await sandbox.forge.fireScheduledTrigger(dailyKpiSnapshot);
      const edited = await sandbox.call('updateKpi', {
        as: 'productManager',
        payload: { id: kpi.id, kpi: kpiInput({ name: 'Bugs', source: { kind: 'jql-count', jql: 'issuetype = Bug' }, baseline: { value: 1, date: daysFromToday(-30) } }), baseVersion: kpi.version },
      });
      expect(edited).toMatchObject({ ok: true, value: { name: 'Bugs', version: 2 } });
    });

    test('checks a changed JQL again, and skips Jira when the source did not change', async () => {
      const goal = await seedGoal(sandbox);
      const kpi = await seedKpi(sandbox, goal.id, { source: { kind: 'jql-count', jql: 'issuetype = Bug' }, baseline: { value: 1, date: daysFromToday(-30) } });
      sandbox.jira.resetStats();
      const same = kpiInput({ name: 'Renamed', source: { kind: 'jql-count', jql: 'issuetype = Bug' }, baseline: { value: 1, date: daysFromToday(-30) } });
      valueOf(await sandbox.call('updateKpi', { as: 'productManager', payload: { id: kpi.id, kpi: same, baseVersion: 1 } }));
      expect(countRequests()).toBe(0);
      const broken = { ...same, source: { kind: 'jql-count' as const, jql: 'status = Nope' } };
      const result = await sandbox.call('updateKpi', { as: 'productManager', payload: { id: kpi.id, kpi: broken, baseVersion: 2 } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'kpi.source.jql', message: expect.stringMatching(/Nope/) } });
    });
  });

  describe('deleting', () => {
    test('removes the KPI with its whole series in one transaction', async () => {
      const goal = await seedGoal(sandbox);
      const kpi = await seedKpi(sandbox, goal.id);
      await seedMeasurements(sandbox, kpi.id, [{ value: 30 }, { value: 31, date: daysFromToday(-1) }]);
      sandbox.forge.kvs.resetStats();
      expect(valueOf(await sandbox.call('deleteKpi', { as: 'productManager', payload: { id: kpi.id, baseVersion: 1 } }))).toEqual({ id: kpi.id, measurements: 2 });
      expect(sandbox.forge.kvs.stats.transactions).toBe(1);
      // Only the feed's log still tells of the KPI (its health changes are history, kept until their TTL).
      expect(recordsMentioning(sandbox, kpi.id).filter((key) => !key.startsWith('activity/'))).toEqual([]);
      expect(valueOf(await sandbox.call('getStrategy', { as: 'developer' })).goals[0]?.kpis).toEqual([]);
    });

    test('from a stale version: a conflict, and it stays', async () => {
      const goal = await seedGoal(sandbox);
      const kpi = await seedKpi(sandbox, goal.id);
      valueOf(await sandbox.call('updateKpi', { as: 'admin', payload: { id: kpi.id, kpi: kpiInput({ name: 'Theirs' }), baseVersion: 1 } }));
      expect(await sandbox.call('deleteKpi', { as: 'productManager', payload: { id: kpi.id, baseVersion: 1 } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(valueOf(await sandbox.call('getKpiHistory', { as: 'developer', payload: { id: kpi.id } })).kpi.name).toBe('Theirs');
    });
  });

  describe('refuses', () => {
    test('a developer’s writes under the default rule, but shows them the history', async () => {
      const goal = await seedGoal(sandbox);
      const kpi = await seedKpi(sandbox, goal.id);
      for (const result of [
        await sandbox.call('createKpi', { as: 'developer', payload: { goalId: goal.id, kpi: kpiInput() } }),
        await sandbox.call('updateKpi', { as: 'developer', payload: { id: kpi.id, kpi: kpiInput(), baseVersion: 1 } }),
        await sandbox.call('deleteKpi', { as: 'developer', payload: { id: kpi.id, baseVersion: 1 } }),
      ]) {
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(valueOf(await sandbox.call('getKpiHistory', { as: 'developer', payload: { id: kpi.id } })).kpi.id).toBe(kpi.id);
    });

    test('the outsider, even to read a history', async () => {
      const goal = await seedGoal(sandbox);
      const kpi = await seedKpi(sandbox, goal.id);
      expect(await sandbox.call('getKpiHistory', { as: 'outsider', payload: { id: kpi.id } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    test('another project’s KPI named in the payload: not found for every call', async () => {
      const mobileGoal = await seedGoal(sandbox, {}, { in: inProject('MOB') });
      const mobile = await seedKpi(sandbox, mobileGoal.id, {}, { in: inProject('MOB') });
      for (const result of [
        await sandbox.call('getKpiHistory', { as: 'productManager', payload: { id: mobile.id } }),
        await sandbox.call('updateKpi', { as: 'productManager', payload: { id: mobile.id, kpi: kpiInput({ name: 'Hijacked' }), baseVersion: 1 } }),
        await sandbox.call('deleteKpi', { as: 'productManager', payload: { id: mobile.id, baseVersion: 1 } }),
        await sandbox.call('refreshKpi', { as: 'productManager', payload: { id: mobile.id } }),
        await sandbox.call('addMeasurement', { as: 'productManager', payload: { kpiId: mobile.id, measurement: { date: today(), value: 1 }, baseVersion: 1 } }),
      ]) {
        expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
      }
      const inMobile = valueOf(await sandbox.call('getKpiHistory', { as: 'productManager', in: inProject('MOB'), payload: { id: mobile.id } }));
      expect(inMobile).toMatchObject({ kpi: { name: 'Checkout conversion', version: 1 }, measurements: [] });
    });
  });
});
