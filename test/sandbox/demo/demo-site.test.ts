import type { SimIssue, SimSite } from '../jira/model';
import { buildDemoSite, buildSite, DEMO_APP_ACCOUNT_ID, DEMO_NOW, DEMO_USERS, FIELD_IDS } from './index';

const site = buildDemoSite();

function levelOf(s: SimSite, issue: SimIssue): number | undefined {
  return s.issueTypes.find((t) => t.id === issue.issueTypeId)?.hierarchyLevel;
}

function projectOf(s: SimSite, key: string) {
  const project = s.projects.find((p) => p.key === key);
  if (!project) throw new Error(`no project ${key}`);
  return project;
}

const epics = site.issues.filter((i) => levelOf(site, i) === 1);
const children = site.issues.filter((i) => levelOf(site, i) === 0);
const subtasks = site.issues.filter((i) => levelOf(site, i) === -1);

describe('the demo site', () => {
  test('is the same on every build', () => {
    expect(JSON.stringify(buildDemoSite())).toBe(JSON.stringify(site));
    expect(buildSite('demo')).toEqual(site);
  });

  test('shares nothing between builds: a test that changes one site’s permissions or boards leaves the next as built', () => {
    const changed = buildDemoSite();
    delete projectOf(changed, 'MOB').permissions[DEMO_USERS.developer];
    for (const board of changed.boards) board.type = 'kanban';

    expect(buildDemoSite()).toEqual(site);
  });

  test('has a company-managed THR, a team-managed MOB, finance’s FIN and a kanban-only OPS', () => {
    expect(site.projects.map((p) => [p.key, p.style])).toEqual([
      ['THR', 'classic'],
      ['MOB', 'next-gen'],
      ['FIN', 'classic'],
      ['OPS', 'classic'],
    ]);
    expect(site.boards.filter((b) => b.projectId === projectOf(site, 'OPS').id).map((b) => b.type)).toEqual(['kanban']);
  });

  test('gives the team-managed project its own issue types', () => {
    const mob = projectOf(site, 'MOB');
    const types = site.issueTypes.filter((t) => mob.issueTypeIds.includes(t.id));

    expect(types.every((t) => t.scopeProjectId === mob.id)).toBe(true);
    expect(types.map((t) => t.hierarchyLevel).sort()).toEqual([-1, 0, 0, 0, 1]);
  });

  test('has 40+ epics, several hundred children in every status category, and a few subtasks', () => {
    const categories = new Set(children.map((c) => site.statuses.find((s) => s.id === c.statusId)?.category));

    expect(epics.length).toBeGreaterThanOrEqual(40);
    expect(children.length).toBeGreaterThanOrEqual(300);
    expect(categories).toEqual(new Set(['new', 'indeterminate', 'done']));
    expect(subtasks.length).toBeGreaterThanOrEqual(3);
    expect(subtasks.length).toBeLessThan(30);
  });

  test('estimates most children in their project’s field, and leaves some unestimated', () => {
    const fieldOf = { THR: FIELD_IDS.storyPoints, MOB: FIELD_IDS.storyPointEstimate } as const;
    for (const [key, field] of Object.entries(fieldOf)) {
      const own = children.filter((c) => c.projectId === projectOf(site, key).id);
      const estimated = own.filter((c) => typeof c.customFields[field] === 'number');

      expect(estimated.length / own.length).toBeGreaterThan(0.6);
      expect(estimated.length).toBeLessThan(own.length);
      expect(own.every((c) => Object.keys(c.customFields).every((id) => id === field))).toBe(true);
    }
  });

  test('models MOB’s board as team-managed (`simple`) with sprints on, and a release-train board over THR and MOB', () => {
    const mob = projectOf(site, 'MOB').id;
    const thr = projectOf(site, 'THR').id;
    expect(site.boards.filter((b) => b.projectId === mob).map((b) => [b.type, b.sprintsEnabled])).toEqual([['simple', true]]);
    const shared = site.boards.filter((b) => (b.filterProjectIds ?? [b.projectId]).length > 1);
    expect(shared.map((b) => [b.name, b.type, b.projectId, b.filterProjectIds])).toEqual([['Thrive release train', 'scrum', thr, [thr, mob]]]);
    const trainSprints = site.sprints.filter((s) => s.boardId === shared[0]?.id);
    expect(trainSprints.map((s) => [s.state, s.goal, s.startDate])).toEqual([['future', undefined, undefined]]);
  });

  test('runs two-week sprints: closed, one active around now, future', () => {
    // Each project's own sprint board; the release train only plans.
    const sprintBoards = site.boards.filter((b) => (b.type === 'scrum' || (b.type === 'simple' && b.sprintsEnabled)) && !b.filterProjectIds);
    expect(sprintBoards.map((b) => b.id)).toEqual([1, 2, 3]);
    for (const board of sprintBoards) {
      const sprints = site.sprints.filter((s) => s.boardId === board.id);
      const active = sprints.filter((s) => s.state === 'active');

      expect(active).toHaveLength(1);
      expect(sprints.filter((s) => s.state === 'closed').length).toBeGreaterThanOrEqual(3);
      expect(sprints.filter((s) => s.state === 'future').length).toBeGreaterThanOrEqual(1);
      expect(Date.parse(active[0]?.startDate ?? '')).toBeLessThan(Date.parse(DEMO_NOW));
      expect(Date.parse(active[0]?.endDate ?? '')).toBeGreaterThan(Date.parse(DEMO_NOW));
      for (const s of sprints.filter((x) => x.startDate && x.endDate)) {
        expect(Date.parse(s.endDate ?? '') - Date.parse(s.startDate ?? '')).toBe(14 * 24 * 3600_000);
      }
      expect(sprints.filter((s) => s.state === 'closed').every((s) => s.completeDate)).toBe(true);
    }
  });

  test('keeps every link sound: parents, sprints and levels', () => {
    const byId = new Map(site.issues.map((i) => [i.id, i]));
    const sprintIds = new Set(site.sprints.map((s) => s.id));
    for (const issue of site.issues) {
      const parent = issue.parentId ? byId.get(issue.parentId) : undefined;
      if (levelOf(site, issue) === 1) expect(issue.parentId).toBeUndefined();
      else expect(parent && levelOf(site, parent)).toBe((levelOf(site, issue) ?? 0) + 1);
      if (parent) expect(parent.projectId).toBe(issue.projectId);
      expect(issue.sprintIds.every((id) => sprintIds.has(id))).toBe(true);
    }
  });

  test('dates are consistent: created before updated, resolved exactly when done, nothing after now', () => {
    const now = Date.parse(DEMO_NOW);
    for (const issue of site.issues) {
      const done = site.statuses.find((s) => s.id === issue.statusId)?.category === 'done';

      expect(Date.parse(issue.created)).toBeLessThanOrEqual(Date.parse(issue.updated));
      expect(Date.parse(issue.updated)).toBeLessThanOrEqual(now);
      expect(issue.resolutiondate !== undefined).toBe(done);
    }
  });

  test('gives each role the permissions the story needs', () => {
    const [thr, mob, fin] = ['THR', 'MOB', 'FIN'].map((k) => projectOf(site, k));

    expect(thr?.permissions[DEMO_USERS.productManager]).toContain('ADMINISTER_PROJECTS');
    expect(mob?.permissions[DEMO_USERS.productManager]).toContain('EDIT_ISSUES');
    expect(fin?.permissions[DEMO_USERS.productManager]).toBeUndefined();
    expect(thr?.permissions[DEMO_USERS.developer]).toEqual(['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADD_COMMENTS']);
    expect(thr?.permissions[DEMO_USERS.outsider]).toBeUndefined();
    expect(mob?.permissions[DEMO_USERS.outsider]).toBeUndefined();
    expect(site.jiraAdmins).toEqual([DEMO_USERS.admin]);
    expect(site.users.find((u) => u.accountId === DEMO_APP_ACCOUNT_ID)?.accountType).toBe('app');
    // The add-on role keeps every permission Jira gave it at install, except in FIN, whose scheme took it off.
    expect(site.projects.filter((p) => p.addonRolePermissions.includes('BROWSE_PROJECTS')).map((p) => p.key)).toEqual(['THR', 'MOB', 'OPS']);
    expect(fin?.addonRolePermissions).toEqual([]);
    expect(Object.values(DEMO_USERS).every((id) => /^712020:[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  test('has one issue security level, THR’s Confidential: an epic with its children and subtasks, and one child of an open epic', () => {
    const thr = projectOf(site, 'THR');
    const [level, ...others] = site.securityLevels ?? [];
    const secured = site.issues.filter((i) => i.securityLevelId !== undefined);
    const securedEpics = secured.filter((i) => levelOf(site, i) === 1);
    const byId = new Map(site.issues.map((i) => [i.id, i]));

    expect(others).toEqual([]);
    expect(level).toMatchObject({ name: 'Confidential', projectId: thr.id, includesAddonRole: false, memberAccountIds: [DEMO_USERS.admin, DEMO_USERS.productManager] });
    expect(securedEpics.map((e) => e.summary)).toEqual(['Personalised recommendations']);
    expect(secured.every((i) => i.projectId === thr.id && i.securityLevelId === level?.id)).toBe(true);
    // Every child of the confidential epic, and every subtask of a confidential child, is confidential too.
    for (const issue of site.issues.filter((i) => i.parentId && byId.get(i.parentId)?.securityLevelId)) expect(issue.securityLevelId).toBe(level?.id);
    const strays = secured.filter((i) => levelOf(site, i) === 0 && !byId.get(i.parentId ?? '')?.securityLevelId);
    expect(strays.map((i) => byId.get(i.parentId ?? '')?.summary)).toEqual(['Saved payment methods']);
  });

  test('declares the Jira Software fields with their real schema types', () => {
    const custom = (id: string) => site.fields.find((f) => f.id === id)?.schema.custom;

    expect(custom(FIELD_IDS.sprint)).toBe('com.pyxis.greenhopper.jira:gh-sprint');
    expect(custom(FIELD_IDS.storyPointEstimate)).toBe('com.pyxis.greenhopper.jira:jsw-story-points');
    expect(custom(FIELD_IDS.storyPoints)).toBe('com.atlassian.jira.plugin.system.customfieldtypes:float');
    expect(custom(FIELD_IDS.rank)).toBe('com.pyxis.greenhopper.jira:gh-lexo-rank');
  });

  test('carries the entity property indexes it is given, none by default', () => {
    const index = { propertyKey: 'throughline', values: [{ path: 'goalId', type: 'string' as const }] };

    expect(site.entityPropertyIndexes).toEqual([]);
    expect(buildDemoSite({ entityPropertyIndexes: [index] }).entityPropertyIndexes).toEqual([index]);
  });
});
