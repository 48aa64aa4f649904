import type { ProjectOverview } from '../../../src/contract';
import { createSandbox } from '../harness';

const sandbox = createSandbox();
const { site } = sandbox;

/** What Jira holds for a project, worked out from the simulator's data rather than hard-coded. */
function expectedEpics(projectKey: string) {
  const project = sandbox.project(projectKey);
  const epicTypeIds = new Set(site.issueTypes.filter((t) => t.hierarchyLevel === 1).map((t) => t.id));
  const categoryOf = (statusId: string) => site.statuses.find((s) => s.id === statusId)?.category;
  return site.issues
    .filter((issue) => issue.projectId === project.id && epicTypeIds.has(issue.issueTypeId))
    .map((epic) => {
      const children = site.issues.filter(
        (child) => child.parentId === epic.id && site.issueTypes.find((t) => t.id === child.issueTypeId)?.hierarchyLevel === 0,
      );
      return {
        key: epic.key,
        children: {
          total: children.length,
          todo: children.filter((c) => categoryOf(c.statusId) === 'new').length,
          inProgress: children.filter((c) => categoryOf(c.statusId) === 'indeterminate').length,
          done: children.filter((c) => categoryOf(c.statusId) === 'done').length,
        },
      };
    });
}

async function overviewAs(...args: Parameters<typeof sandbox.call<'getProjectOverview'>>): Promise<ProjectOverview> {
  const result = await sandbox.call(...args);
  if (!result.ok) throw new Error(`expected an overview, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeEach(() => {
  sandbox.jira.clearFaults();
  sandbox.jira.resetStats();
});

describe('getProjectOverview', () => {
  test('shows the product manager every epic of the project, with children counted by status category', async () => {
    const overview = await overviewAs('getProjectOverview', { as: 'productManager' });
    expect(overview.project).toMatchObject({ key: 'THR', id: sandbox.project('THR').id });
    const expected = expectedEpics('THR');
    expect(expected.length).toBeGreaterThan(10);
    expect(overview.epics.map((e) => ({ key: e.key, children: e.children })).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      expected.sort((a, b) => a.key.localeCompare(b.key)),
    );
  });

  test('lists epics in Jira’s rank order', async () => {
    const overview = await overviewAs('getProjectOverview', { as: 'productManager' });
    const ranks = overview.epics.map((e) => site.issues.find((i) => i.key === e.key)?.rank ?? '');
    expect(ranks).toEqual([...ranks].sort());
  });

  test('lists the sprints of the project’s scrum boards: closed, then active, then future, each once', async () => {
    const overview = await overviewAs('getProjectOverview', { as: 'productManager' });
    const boardIds = new Set(site.boards.filter((b) => b.projectId === sandbox.project('THR').id && b.type === 'scrum').map((b) => b.id));
    const expectedIds = site.sprints.filter((s) => boardIds.has(s.boardId)).map((s) => s.id);
    expect(overview.sprints.map((s) => s.id).sort((a, b) => a - b)).toEqual(expectedIds.sort((a, b) => a - b));
    const states = overview.sprints.map((s) => s.state);
    expect(states).toEqual([...states].sort((a, b) => ['closed', 'active', 'future'].indexOf(a) - ['closed', 'active', 'future'].indexOf(b)));
    expect(states).toEqual(expect.arrayContaining(['closed', 'active', 'future']));
    const active = overview.sprints.find((s) => s.state === 'active');
    expect(active?.startDate).toMatch(/^2026-/);
    expect(active?.endDate).toMatch(/^2026-/);
  });

  test('works the same in a team-managed project, whose epic type is its own', async () => {
    const overview = await overviewAs('getProjectOverview', { as: 'productManager', in: { module: 'jira:projectPage', project: 'MOB' } });
    expect(overview.project.key).toBe('MOB');
    expect(overview.epics.map((e) => e.key).sort()).toEqual(expectedEpics('MOB').map((e) => e.key).sort());
    expect(overview.epics.length).toBeGreaterThan(0);
  });

  test('gives a kanban-only project no sprints rather than an error', async () => {
    const overview = await overviewAs('getProjectOverview', { as: 'developer', in: { module: 'jira:projectPage', project: 'OPS' } });
    expect(overview.sprints).toEqual([]);
    expect(overview.boards.every((b) => b.type === 'kanban')).toBe(true);
  });

  test('shows a developer, who may browse but not administer, the same epics, less what THR’s Confidential level hides from them', async () => {
    const developer = await overviewAs('getProjectOverview', { as: 'developer' });
    const manager = await overviewAs('getProjectOverview', { as: 'productManager' });
    const hidden = new Set(sandbox.site.issues.filter((issue) => issue.securityLevelId !== undefined).map((issue) => issue.id));
    const children = (epicId: string, seen: (id: string) => boolean) =>
      sandbox.site.issues.filter((issue) => issue.parentId === epicId && sandbox.site.issueTypes.find((t) => t.id === issue.issueTypeId)?.hierarchyLevel === 0 && seen(issue.id)).length;

    expect(developer.epics.map((epic) => epic.id)).toEqual(manager.epics.map((epic) => epic.id).filter((id) => !hidden.has(id)));
    expect(manager.epics.some((epic) => hidden.has(epic.id))).toBe(true);
    for (const epic of developer.epics) expect(epic.children.total).toBe(children(epic.id, (id) => !hidden.has(id)));
    for (const epic of manager.epics) expect(epic.children.total).toBe(children(epic.id, () => true));
  });

  test('reads Jira within a handful of requests for a demo-sized project', async () => {
    await overviewAs('getProjectOverview', { as: 'productManager' });
    expect(sandbox.jira.stats.requests).toBeLessThanOrEqual(10);
    expect(sandbox.jira.stats.byRoute['POST /rest/api/3/search/jql']).toBeGreaterThanOrEqual(2);
  });

  test('still answers when Jira rate-limits a request once and says when to retry', async () => {
    sandbox.jira.setFaults({ rateLimit: { count: 1, signal: 'retry-after', retryAfterSeconds: 0.2, match: '/rest/api/3/search/jql' } });
    const overview = await overviewAs('getProjectOverview', { as: 'productManager' });
    expect(overview.epics.length).toBe(expectedEpics('THR').length);
  });

  describe('refuses', () => {
    test('the outsider, who may not browse the project, with a clear forbidden', async () => {
      const result = await sandbox.call('getProjectOverview', { as: 'outsider' });
      expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/permission to browse this project/) } });
      expect(sandbox.jira.stats.byRoute['POST /rest/api/3/search/jql']).toBeUndefined();
    });

    test('an anonymous caller, without asking Jira anything', async () => {
      const result = await sandbox.call('getProjectOverview', { as: 'anonymous' });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(sandbox.jira.stats.requests).toBe(0);
    });

    test('the product manager in a project they cannot browse (FIN)', async () => {
      const result = await sandbox.call('getProjectOverview', { as: 'productManager', in: { module: 'jira:projectPage', project: 'FIN' } });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    test('to take the project from the payload: another project asked for there is ignored', async () => {
      const fin = sandbox.project('FIN');
      const result = await sandbox.call('getProjectOverview', {
        as: 'productManager',
        payload: { projectId: fin.id, projectKey: fin.key, project: { id: fin.id, key: fin.key } },
      });
      expect(result.ok && result.value.project.key).toBe('THR');
    });

    test('a call from a module with no project in its context', async () => {
      const result = await sandbox.call('getProjectOverview', { as: 'productManager', in: { module: 'jira:globalPage' } });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  });

  describe('when Jira fails', () => {
    test('keeps answering 500: says Jira is unavailable', async () => {
      sandbox.jira.setFaults({ serverError: { count: 1000, status: 500, match: '/rest/api/3/search/jql' } });
      const result = await sandbox.call('getProjectOverview', { as: 'productManager' });
      expect(result).toMatchObject({ ok: false, error: { code: 'jira-unavailable' } });
    });

    test('answers garbage: says Jira is unavailable instead of crashing', async () => {
      sandbox.jira.setFaults({ malformed: { count: 1000, kind: 'html', match: '/rest/api/3/project/' } });
      const result = await sandbox.call('getProjectOverview', { as: 'productManager' });
      expect(result).toMatchObject({ ok: false, error: { code: 'jira-unavailable' } });
    });
  });

});
