import { jest } from '@jest/globals';
import { dailyKpiSnapshot } from '../../../../src/index';
import type { SnapshotSummary } from '../../../../src/jobs/daily-kpi-snapshot';
import { DEMO_USERS } from '../../../sandbox/demo';
import { createSandbox } from '../../harness';
import { daysFromToday, today, valueOf } from './builders';
import { inProject, seedGoal, seedKpi } from './kit';
import type { As } from './kit';
import { bugs, countIssues } from './site-counts';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.clearFaults();
  sandbox.jira.resetStats();
});

async function jqlKpi(jql: string, options: As = {}) {
  const goal = await seedGoal(sandbox, {}, options);
  return seedKpi(sandbox, goal.id, { name: jql, source: { kind: 'jql-count', jql }, baseline: { value: 1, date: daysFromToday(-30) }, target: { value: 500, date: daysFromToday(60) } }, options);
}

async function fire(): Promise<SnapshotSummary> {
  const response = (await sandbox.forge.fireScheduledTrigger(dailyKpiSnapshot, { moduleKey: 'daily-kpi-snapshot' })) as { statusCode: number; body: string };
  expect(response.statusCode).toBe(200);
  return JSON.parse(response.body) as SnapshotSummary;
}

/**
 * Bugs the app user sees: the demo's only security level (THR's "Confidential") does not list the
 * add-on role, so the app counts none of its issues.
 */
const bugsTheAppSees = (key: string) => countIssues(sandbox, key, (issue, type) => type === 'Bug' && issue.securityLevelId === undefined);

const history = async (id: string, options: As = {}) =>
  valueOf(await sandbox.call('getKpiHistory', { as: options.as ?? 'productManager', ...(options.in ? { in: options.in } : {}), payload: { id } }));

/** Deletes every stored measurement, so the run under test starts from none (KPIs store one when created). */
async function forgetMeasurements(ids: string[], options: As = {}) {
  for (const id of ids) {
    let current = await history(id, options);
    for (const measurement of current.measurements) {
      current = valueOf(
        await sandbox.call('deleteMeasurement', { as: options.as ?? 'productManager', ...(options.in ? { in: options.in } : {}), payload: { kpiId: id, id: measurement.id, baseVersion: current.seriesVersion } }),
      );
    }
  }
}

describe('the daily KPI snapshot', () => {
  test('stores today’s value of every JQL KPI of every product, as the app, each limited to its own project', async () => {
    const thr = await jqlKpi('issuetype = Bug');
    const mob = await jqlKpi('issuetype = Bug', { in: inProject('MOB') });
    const ops = await jqlKpi('issuetype = Bug', { as: 'admin', in: inProject('OPS') });
    const manualGoal = await seedGoal(sandbox);
    const manual = await seedKpi(sandbox, manualGoal.id);
    await forgetMeasurements([thr.id]);
    await forgetMeasurements([mob.id], { in: inProject('MOB') });
    await forgetMeasurements([ops.id], { as: 'admin', in: inProject('OPS') });
    sandbox.jira.resetStats();

    const summary = await fire();
    expect(summary).toEqual({ date: today(), projects: 3, kpis: 3, stored: 3, skipped: 0, failed: 0, unreadable: 0, unreadableProjects: [] });
    for (const [kpi, key, options] of [
      [thr, 'THR', {}],
      [mob, 'MOB', { in: inProject('MOB') }],
      [ops, 'OPS', { as: 'admin' as const, in: inProject('OPS') }],
    ] as const) {
      expect((await history(kpi.id, options)).measurements).toEqual([
        expect.objectContaining({ date: today(), value: bugsTheAppSees(key), source: 'jql', recordedBy: 'app' }),
      ]);
    }
    expect((await history(manual.id)).measurements).toEqual([]);
  });

  test('a project whose scheme denies the app Browse Projects is skipped, logged and reported; the others are stored', async () => {
    const thr = await jqlKpi('issuetype = Bug');
    const fin = await jqlKpi('issuetype = Bug', { as: 'outsider', in: inProject('FIN') });
    const finRatio = await seedKpi(sandbox, (await seedGoal(sandbox, {}, { as: 'outsider', in: inProject('FIN') })).id, {
      baseline: { value: 0.1, date: daysFromToday(-30) },
      source: { kind: 'jql-ratio', numeratorJql: 'issuetype = Bug', denominatorJql: 'issuetype = Story' },
    }, { as: 'outsider', in: inProject('FIN') });
    await forgetMeasurements([thr.id]);
    await forgetMeasurements([fin.id, finRatio.id], { as: 'outsider', in: inProject('FIN') });
    const before = (await history(fin.id, { as: 'outsider', in: inProject('FIN') })).measurements;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await fire()).toEqual({
        date: today(), projects: 2, kpis: 3, stored: 1, skipped: 0, failed: 0, unreadable: 2, unreadableProjects: [sandbox.project('FIN').id],
      });
      expect(warn.mock.calls.map((args) => String(args[0]))).toEqual([expect.stringContaining(`Project ${sandbox.project('FIN').id}: the app may not browse it`)]);
      // FIN's counts were refused as for a project that does not exist; one project search, after them, told why.
      const calls = (sandbox.forge.lastInvocation?.jiraCalls ?? []).map((call) => [call.method, call.path.split('?')[0], call.as, call.status]);
      expect(calls.filter(([, path]) => path === '/rest/api/3/project/search')).toEqual([['GET', '/rest/api/3/project/search', 'app', 200]]);
      expect(calls.at(-1)?.[1]).toBe('/rest/api/3/project/search');
    } finally {
      warn.mockRestore();
    }
    expect((await history(thr.id)).measurements).toEqual([expect.objectContaining({ value: bugsTheAppSees('THR'), recordedBy: 'app' })]);
    expect((await history(fin.id, { as: 'outsider', in: inProject('FIN') })).measurements).toEqual(before);
  });

  test('counts as the app sees Jira: issues of a security level without the add-on role are not counted', async () => {
    const kpi = await jqlKpi('issuetype = Bug');
    const confidentialBugs = bugs(sandbox, 'THR') - bugsTheAppSees('THR');
    expect(confidentialBugs).toBeGreaterThan(0);

    // The product manager is a member of the level and sees them in a preview, shown to them alone…
    const preview = valueOf(await sandbox.call('previewKpiSource', { as: 'productManager', payload: { source: { kind: 'jql-count', jql: 'issuetype = Bug' } } }));
    expect(preview.value).toBe(bugs(sandbox, 'THR'));
    // …but a value they store by hand is shared with every reader (the developer is not a member), so it is counted as the app.
    const refreshed = valueOf(await sandbox.call('refreshKpi', { as: 'productManager', payload: { id: kpi.id } }));
    expect(refreshed.measurements.at(-1)).toMatchObject({ value: bugs(sandbox, 'THR') - confidentialBugs, recordedBy: DEMO_USERS.productManager });
    const developerSees = valueOf(await sandbox.call('getKpiHistory', { as: 'developer', payload: { id: kpi.id } }));
    expect(developerSees.measurements.at(-1)?.value).toBe(bugs(sandbox, 'THR', 'developer'));
    // The daily snapshot, taken as the app, stores the same count.
    await fire();
    expect((await history(kpi.id)).measurements.filter((m) => m.date === today())).toEqual([
      expect.objectContaining({ value: bugs(sandbox, 'THR') - confidentialBugs, recordedBy: 'app' }),
    ]);
  });

  test('asks Jira only as the app, and only for counts: no user is there to act as', async () => {
    await jqlKpi('issuetype = Bug');
    await jqlKpi('issuetype = Story', { in: inProject('MOB') });
    await fire();
    const calls = sandbox.forge.lastInvocation?.jiraCalls ?? [];
    // Every project is readable: nothing is asked beyond the counts.
    expect(calls.map((call) => [call.method, call.path.split('?')[0], call.as])).toEqual([
      ['POST', '/rest/api/3/search/approximate-count', 'app'],
      ['POST', '/rest/api/3/search/approximate-count', 'app'],
    ]);
    // The app sees several projects (THR, MOB, OPS); the counts above match each KPI's own project only because
    // its JQL is ANDed with it (the first test compares them with other projects' counts).
    expect(bugs(sandbox, 'THR')).not.toBe(sandbox.site.issues.filter((i) => sandbox.site.issueTypes.find((t) => t.id === i.issueTypeId)?.name === 'Bug').length);
  });

  test('is idempotent per day: a second run replaces the day’s value instead of adding one', async () => {
    const kpi = await jqlKpi('issuetype = Bug');
    await fire();
    const bug = sandbox.site.issues.find((i) => i.projectId === sandbox.project('THR').id && i.securityLevelId === undefined && sandbox.site.issueTypes.find((t) => t.id === i.issueTypeId)?.name === 'Bug');
    const story = sandbox.site.issueTypes.find((t) => t.name === 'Story' && !t.scopeProjectId);
    if (!bug || !story) throw new Error('the demo site has no bug in THR');
    const previousType = bug.issueTypeId;
    bug.issueTypeId = story.id; // one bug fewer
    try {
      await fire();
      expect((await history(kpi.id)).measurements).toEqual([expect.objectContaining({ date: today(), value: bugsTheAppSees('THR'), recordedBy: 'app' })]);
    } finally {
      bug.issueTypeId = previousType;
    }
  });

  test('KPIs with the same query in one project cost one request', async () => {
    const goal = await seedGoal(sandbox);
    for (const name of ['Bugs', 'Bugs again', 'Bugs for the board']) {
      await seedKpi(sandbox, goal.id, { name, source: { kind: 'jql-count', jql: 'issuetype = Bug' }, baseline: { value: 1, date: daysFromToday(-30) } });
    }
    sandbox.jira.resetStats();
    expect(await fire()).toMatchObject({ kpis: 3, stored: 3 });
    expect(sandbox.jira.stats.requests).toBe(1);
  });

  test('a KPI whose JQL Jira no longer accepts fails alone; the others are stored', async () => {
    const broken = await jqlKpi('status = "In Review"');
    const fine = await jqlKpi('issuetype = Bug');
    await forgetMeasurements([broken.id, fine.id]);
    const status = sandbox.site.statuses.find((s) => s.name === 'In Review');
    if (!status) throw new Error('no In Review status');
    status.name = 'Reviewing'; // renamed in Jira after the KPI was saved
    try {
      expect(await fire()).toMatchObject({ kpis: 2, stored: 1, failed: 1 });
    } finally {
      status.name = 'In Review';
    }
    expect((await history(broken.id)).measurements).toEqual([]);
    expect((await history(fine.id)).measurements).toHaveLength(1);
  });

  test('a ratio whose denominator counts nothing today is skipped, not stored as zero', async () => {
    const goal = await seedGoal(sandbox);
    const kpi = await seedKpi(sandbox, goal.id, {
      baseline: { value: 0.1, date: daysFromToday(-30) },
      target: { value: 0.9, date: daysFromToday(60) },
      source: { kind: 'jql-ratio', numeratorJql: 'issuetype = Bug', denominatorJql: 'labels = none-yet' },
    });
    expect(await fire()).toMatchObject({ kpis: 1, stored: 0, skipped: 1 });
    expect((await history(kpi.id)).measurements).toEqual([]);
  });

  test('with nothing to measure, reads one storage query and asks Jira nothing', async () => {
    await seedKpi(sandbox, (await seedGoal(sandbox)).id);
    sandbox.jira.resetStats();
    expect(await fire()).toEqual({ date: today(), projects: 0, kpis: 0, stored: 0, skipped: 0, failed: 0, unreadable: 0, unreadableProjects: [] });
    expect(sandbox.jira.stats.requests).toBe(0);
    expect(sandbox.forge.lastInvocation?.storageOps).toBe(1);
  });
});
