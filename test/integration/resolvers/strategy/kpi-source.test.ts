import { createSandbox } from '../../harness';
import { daysFromToday, today, valueOf } from './builders';
import { inProject, seedGoal, seedKpi, storedRecordCount } from './kit';
import { bugs, doneBugs } from './site-counts';

const sandbox = createSandbox();
const thr = () => sandbox.project('THR').id;

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.clearFaults();
  sandbox.jira.resetStats();
});

const countRequests = () => sandbox.jira.stats.byRoute['POST /rest/api/3/search/approximate-count'] ?? 0;

describe('previewKpiSource', () => {
  test('counts a JQL as the user, limited to the product’s project, and stores nothing', async () => {
    const preview = valueOf(await sandbox.call('previewKpiSource', { as: 'productManager', payload: { source: { kind: 'jql-count', jql: 'issuetype = Bug ORDER BY priority DESC, key' } } }));
    expect(preview).toEqual({ value: bugs(sandbox, 'THR'), counts: { numerator: bugs(sandbox, 'THR') }, effectiveJql: [`project = ${thr()} AND (issuetype = Bug)`] });
    expect(countRequests()).toBe(1);
    expect(sandbox.forge.lastInvocation?.jiraCalls.every((call) => call.as === 'user')).toBe(true);
    expect(storedRecordCount(sandbox)).toBe(0);
  });

  test('a ratio: both counts and their quotient', async () => {
    const preview = valueOf(
      await sandbox.call('previewKpiSource', {
        as: 'developer',
        payload: { source: { kind: 'jql-ratio', numeratorJql: 'issuetype = Bug AND statusCategory = Done', denominatorJql: 'issuetype = Bug' } },
      }),
    );
    // Counted as the developer, whom THR's Confidential level hides some bugs from.
    expect(preview.counts).toEqual({ numerator: doneBugs(sandbox, 'THR', 'developer'), denominator: bugs(sandbox, 'THR', 'developer') });
    expect(bugs(sandbox, 'THR', 'developer')).toBeLessThan(bugs(sandbox, 'THR'));
    expect(preview.value).toBeCloseTo(doneBugs(sandbox, 'THR', 'developer') / bugs(sandbox, 'THR', 'developer'));
    expect(preview.effectiveJql).toHaveLength(2);
  });

  test('in another project, counts that project', async () => {
    const preview = valueOf(await sandbox.call('previewKpiSource', { as: 'productManager', in: inProject('MOB'), payload: { source: { kind: 'jql-count', jql: 'issuetype = Bug' } } }));
    expect(preview.value).toBe(bugs(sandbox, 'MOB'));
  });

  test('invalid JQL: Jira’s message next to the field that holds it', async () => {
    const result = await sandbox.call('previewKpiSource', {
      as: 'productManager',
      payload: { source: { kind: 'jql-ratio', numeratorJql: 'issuetype = Bug', denominatorJql: 'status = Finished' } },
    });
    expect(result).toEqual({ ok: false, error: { code: 'invalid', field: 'source.denominatorJql', message: "The value 'Finished' does not exist for the field 'status'." } });
  });

  test('a ratio whose denominator counts nothing has no value, and says so', async () => {
    const result = await sandbox.call('previewKpiSource', {
      as: 'productManager',
      payload: { source: { kind: 'jql-ratio', numeratorJql: 'issuetype = Bug', denominatorJql: 'labels = no-such-label' } },
    });
    expect(result).toEqual({ ok: false, error: { code: 'invalid', field: 'source.denominatorJql', message: expect.stringMatching(/denominator counts no issues.*still save it/) } });
  });

  test('JQL that would escape its parentheses never reaches Jira', async () => {
    const result = await sandbox.call('previewKpiSource', { as: 'productManager', payload: { source: { kind: 'jql-count', jql: 'issuetype = Bug) OR (project is not EMPTY' } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'source.jql' } });
    expect(countRequests()).toBe(0);
  });

  test('a manual source has nothing to check', async () => {
    const result = await sandbox.call('previewKpiSource', { as: 'productManager', payload: { source: { kind: 'manual' } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'source.kind' } });
  });

  test('when Jira keeps failing: says Jira is unavailable', async () => {
    sandbox.jira.setFaults({ serverError: { count: 1000, status: 500, match: '/rest/api/3/search/approximate-count' } });
    const result = await sandbox.call('previewKpiSource', { as: 'productManager', payload: { source: { kind: 'jql-count', jql: 'issuetype = Bug' } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'jira-unavailable' } });
  });

  test.each(['outsider', 'anonymous'] as const)('refuses the %s', async (actor) => {
    const result = await sandbox.call('previewKpiSource', { as: actor, payload: { source: { kind: 'jql-count', jql: 'issuetype = Bug' } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(countRequests()).toBe(0);
  });
});

describe('refreshKpi', () => {
  async function bugKpi() {
    const goal = await seedGoal(sandbox);
    return seedKpi(sandbox, goal.id, {
      name: 'Open bugs',
      direction: 'decrease',
      baseline: { value: 100, date: daysFromToday(-30) },
      target: { value: 0, date: daysFromToday(60) },
      source: { kind: 'jql-count', jql: 'issuetype = Bug AND statusCategory != Done' },
    });
  }
  // Stored values are shared with every reader, so they are counted as the app sees Jira: THR's
  // Confidential level leaves out the app's role, as it leaves out the developer.
  const openBugs = () => bugs(sandbox, 'THR', 'developer') - doneBugs(sandbox, 'THR', 'developer');

  test('takes today’s value as the app sees Jira (what every reader may see); refreshing again the same day replaces it', async () => {
    const kpi = await bugKpi();
    const first = valueOf(await sandbox.call('refreshKpi', { as: 'productManager', payload: { id: kpi.id } }));
    expect(first.measurements).toEqual([expect.objectContaining({ date: today(), value: openBugs(), source: 'jql' })]);

    // An open bug gets done in Jira; "Refresh now" sees it.
    const done = sandbox.site.statuses.find((s) => s.category === 'done')?.id ?? '';
    const open = sandbox.site.issues.find(
      (i) => i.projectId === thr() && sandbox.site.issueTypes.find((t) => t.id === i.issueTypeId)?.name === 'Bug' && sandbox.site.statuses.find((s) => s.id === i.statusId)?.category !== 'done',
    );
    if (!open) throw new Error('the demo site has no open bug in THR');
    const previous = open.statusId;
    open.statusId = done;
    try {
      const second = valueOf(await sandbox.call('refreshKpi', { as: 'productManager', payload: { id: kpi.id } }));
      expect(second.measurements).toEqual([expect.objectContaining({ date: today(), value: openBugs() })]);
      expect(second.seriesVersion).toBe(first.seriesVersion + 1);
    } finally {
      open.statusId = previous;
    }
  });

  test('a manual KPI cannot be refreshed', async () => {
    const goal = await seedGoal(sandbox);
    const kpi = await seedKpi(sandbox, goal.id);
    expect(await sandbox.call('refreshKpi', { as: 'productManager', payload: { id: kpi.id } })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  test('refuses a developer under the default rule', async () => {
    const kpi = await bugKpi();
    expect(await sandbox.call('refreshKpi', { as: 'developer', payload: { id: kpi.id } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
