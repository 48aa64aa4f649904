import { DEMO_USERS } from '../../../sandbox/demo';
import { createSandbox } from '../../harness';
import { daysFromToday, goalInput, today, valueOf, visionBoard } from './builders';
import { seedGoal, seedKpi, seedMeasurements } from './kit';

const sandbox = createSandbox();

beforeEach(() => {
  sandbox.forge.kvs.clear();
  sandbox.jira.resetStats();
});

describe('getStrategy', () => {
  test('shows vision, ranked goals (archived last) with their KPIs, and what the viewer may do', async () => {
    valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard(), baseVersion: 0 } }));
    const archived = await seedGoal(sandbox, { title: 'Old goal' });
    const live = await seedGoal(sandbox, { title: 'Faster checkout' });
    valueOf(await sandbox.call('updateGoal', { as: 'productManager', payload: { id: archived.id, goal: goalInput({ title: 'Old goal', status: 'archived' }), baseVersion: 1 } }));
    const first = await seedKpi(sandbox, live.id, { name: 'First' });
    await seedKpi(sandbox, live.id, { name: 'Second' });
    await seedMeasurements(sandbox, first.id, [{ date: daysFromToday(-1), value: 21 }]);

    const view = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
    expect(view.project).toEqual({ id: sandbox.project('THR').id, key: 'THR' });
    expect(view.vision).toMatchObject({ version: 1, board: visionBoard() });
    expect(view.goals.map((g) => g.title)).toEqual(['Faster checkout', 'Old goal']);
    expect(view.goals[0]?.kpis.map((k) => k.name)).toEqual(['First', 'Second']);
    // 21 is 3% of the way from 20 to 50, where the plan expected about a third: off track, and it says why.
    expect(view.goals[0]?.kpis[0]).toMatchObject({ health: 'off-track', healthReason: expect.stringMatching(/^Off track: 21% on .* but the plan expected 32% by then\.$/), recent: [{ date: daysFromToday(-1), value: 21 }] });
    // Its own account: a goal's owner may check in on it without the edit rule, and the page offers it to them.
    expect(view.viewer).toEqual({ canEdit: false, editRule: 'project-admins', licensed: true, accountId: DEMO_USERS.developer });
  });

  test('tells project administrators they may edit', async () => {
    expect(valueOf(await sandbox.call('getStrategy', { as: 'productManager' })).viewer).toEqual({ canEdit: true, editRule: 'project-admins', licensed: true, accountId: DEMO_USERS.productManager });
    expect(valueOf(await sandbox.call('getStrategy', { as: 'admin' })).viewer.canEdit).toBe(true);
  });

  test('is cheap: the permission check and one search for the goals’ epics are its Jira requests, and storage takes six reads whatever the size', async () => {
    valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard(), baseVersion: 0 } }));
    for (let g = 0; g < 6; g += 1) {
      const goal = await seedGoal(sandbox, { title: `Goal ${g}` });
      for (let k = 0; k < 3; k += 1) {
        await seedKpi(sandbox, goal.id, { name: `JQL ${k}`, source: { kind: 'jql-count', jql: 'issuetype = Bug' }, baseline: { value: 1, date: daysFromToday(-30) }, target: { value: 500, date: daysFromToday(60) } });
      }
    }
    sandbox.jira.resetStats();
    sandbox.forge.kvs.resetStats();
    const view = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
    expect(view.goals.flatMap((g) => g.kpis).every((k) => k.latest?.date === today())).toBe(true);
    // No epic serves a goal yet, so the search finds none and the roll-up cache is not read.
    expect(sandbox.jira.stats.byRoute).toEqual({ 'GET /rest/api/3/mypermissions': 1, 'POST /rest/api/3/search/jql': 1 });
    // Five for the tabs' records, one for the stored epic links (the source of which epics serve a goal),
    // two for the check-ins (heads, cadence): with no links stored, neither the open link changes nor the roadmap items are read.
    expect(sandbox.forge.lastInvocation?.storageOps).toBe(8);
  });

  test.each([
    ['the outsider', 'outsider', /browse this project/],
    ['an anonymous caller', 'anonymous', /Sign in/],
  ] as const)('refuses %s', async (_, actor, message) => {
    expect(await sandbox.call('getStrategy', { as: actor })).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(message) } });
  });

  test('refuses a call from a page with no project', async () => {
    expect(await sandbox.call('getStrategy', { as: 'productManager', in: { module: 'jira:globalPage' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
