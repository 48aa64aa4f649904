/** The admin page's settings: who may edit products, the story-point field, and sprint boards. */
import { FIELD_IDS } from '../../sandbox/demo';
import { createSandbox } from '../harness';
import { goalInput, valueOf } from '../resolvers/strategy/builders';
import { adminCall } from './kit';

const sandbox = createSandbox();
const thr = () => sandbox.project('THR').id;

beforeEach(() => sandbox.forge.kvs.clear());

describe('The edit rule', () => {
  test('starts as project administrators, and a developer may not create a goal', async () => {
    const settings = valueOf(await adminCall(sandbox, 'getAdminSettings'));
    expect(settings.editRule).toEqual({ rule: 'project-admins', version: 0 });
    expect(await sandbox.call('createGoal', { as: 'developer', payload: { goal: goalInput() } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('widened to everyone who can edit issues, the developer may create a goal and sees edit controls', async () => {
    expect(valueOf(await adminCall(sandbox, 'saveEditRule', { rule: 'issue-editors', baseVersion: 0 }))).toEqual({ rule: 'issue-editors', version: 1 });
    valueOf(await sandbox.call('createGoal', { as: 'developer', payload: { goal: goalInput({ title: 'Developers may plan too' }) } }));
    const strategy = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
    expect(strategy.viewer).toEqual({ canEdit: true, editRule: 'issue-editors', licensed: true, accountId: expect.any(String) });
  });

  test('a save from a stale version is a conflict carrying the rule as it is now', async () => {
    valueOf(await adminCall(sandbox, 'saveEditRule', { rule: 'issue-editors', baseVersion: 0 }));
    const stale = await adminCall(sandbox, 'saveEditRule', { rule: 'project-admins', baseVersion: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', current: { rule: 'issue-editors', version: 1 } } });
  });

  test('an unknown rule is invalid, named by its field', async () => {
    expect(await adminCall(sandbox, 'saveEditRule', { rule: 'everyone' as never, baseVersion: 0 })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'rule' } });
  });
});

describe('The story-point field', () => {
  test('the site lists its custom number fields as candidates', async () => {
    const settings = valueOf(await adminCall(sandbox, 'getAdminSettings'));
    expect(settings.numberFields.map((field) => field.id).sort()).toEqual([FIELD_IDS.storyPointEstimate, FIELD_IDS.storyPoints].sort());
    expect(settings.projects.map((project) => project.key)).toEqual(['FIN', 'MOB', 'OPS', 'THR']);
  });

  test('is detected per project from its board until a project override wins', async () => {
    const detected = valueOf(await adminCall(sandbox, 'getAdminProjectSettings', { projectId: thr() }));
    expect(detected.storyPoints.effective).toEqual({ fieldId: FIELD_IDS.storyPoints, name: 'Story Points', source: 'board' });
    expect(valueOf(await adminCall(sandbox, 'saveStoryPointOverride', { projectId: thr(), fieldId: FIELD_IDS.storyPointEstimate, baseVersion: 0 }))).toEqual({
      fieldId: FIELD_IDS.storyPointEstimate,
      version: 1,
    });
    const overridden = valueOf(await adminCall(sandbox, 'getAdminProjectSettings', { projectId: thr() }));
    expect(overridden.storyPoints.effective).toMatchObject({ fieldId: FIELD_IDS.storyPointEstimate, source: 'override' });
    expect(overridden.storyPoints.override).toEqual({ fieldId: FIELD_IDS.storyPointEstimate, version: 1 });
  });

  test('a site-wide override applies to a project without its own, and clearing it goes back to detection', async () => {
    valueOf(await adminCall(sandbox, 'saveStoryPointOverride', { projectId: null, fieldId: FIELD_IDS.storyPointEstimate, baseVersion: 0 }));
    expect(valueOf(await adminCall(sandbox, 'getAdminProjectSettings', { projectId: thr() })).storyPoints).toMatchObject({
      effective: { source: 'override' },
      siteFieldId: FIELD_IDS.storyPointEstimate,
    });
    valueOf(await adminCall(sandbox, 'saveStoryPointOverride', { projectId: null, fieldId: null, baseVersion: 1 }));
    expect(valueOf(await adminCall(sandbox, 'getAdminProjectSettings', { projectId: thr() })).storyPoints.effective).toMatchObject({ source: 'board' });
  });

  test('a field that is not one of the site’s number fields is invalid, and nothing is stored', async () => {
    expect(await adminCall(sandbox, 'saveStoryPointOverride', { projectId: thr(), fieldId: FIELD_IDS.rank, baseVersion: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'fieldId' },
    });
    expect(valueOf(await adminCall(sandbox, 'getAdminProjectSettings', { projectId: thr() })).storyPoints.override).toEqual({ version: 0 });
  });

  test('a stale save is a conflict', async () => {
    valueOf(await adminCall(sandbox, 'saveStoryPointOverride', { projectId: thr(), fieldId: FIELD_IDS.storyPoints, baseVersion: 0 }));
    expect(await adminCall(sandbox, 'saveStoryPointOverride', { projectId: thr(), fieldId: null, baseVersion: 0 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', current: { fieldId: FIELD_IDS.storyPoints, version: 1 } },
    });
  });

  test('an unknown project is not found', async () => {
    expect(await adminCall(sandbox, 'getAdminProjectSettings', { projectId: '99999' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('Boards that supply sprints', () => {
  const secondBoard = { id: 77, name: 'THR second team', type: 'scrum' as const };

  beforeAll(() => {
    sandbox.site.boards.push({ ...secondBoard, projectId: thr() });
  });

  test('default to every board of the project that may run sprints', async () => {
    const settings = valueOf(await adminCall(sandbox, 'getAdminProjectSettings', { projectId: thr() }));
    expect(settings.sprintBoards).toEqual({ version: 0 });
    expect(settings.boards.map((board) => board.id)).toEqual(expect.arrayContaining([1, 5, 77]));
    const roadmap = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', payload: {} }));
    expect(roadmap.sprints.length).toBeGreaterThan(0);
  });

  test('narrowed to a board without sprints, the roadmap has no sprints; back to the default, they return', async () => {
    // `full`: the roadmap may keep the project's boards and sprints between loads; a full load reads them again.
    const everyBoard = valueOf(await sandbox.call('getRoadmap', { as: 'productManager', payload: { refresh: 'full' } })).sprints.length;
    expect(valueOf(await adminCall(sandbox, 'saveSprintBoards', { projectId: thr(), boardIds: [77], baseVersion: 0 }))).toEqual({ boardIds: [77], version: 1 });
    // An ordinary load already takes the new choice: the save marked the cached sprints stale.
    expect(valueOf(await sandbox.call('getRoadmap', { as: 'productManager', payload: {} })).sprints).toEqual([]);
    expect(valueOf(await adminCall(sandbox, 'saveSprintBoards', { projectId: thr(), boardIds: null, baseVersion: 1 }))).toEqual({ version: 2 });
    expect(valueOf(await sandbox.call('getRoadmap', { as: 'productManager', payload: { refresh: 'full' } })).sprints).toHaveLength(everyBoard);
  });

  test('a kanban board, another project’s board or no board at all is invalid', async () => {
    for (const boardIds of [[5], [2], []]) {
      expect(await adminCall(sandbox, 'saveSprintBoards', { projectId: thr(), boardIds, baseVersion: 0 })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'boardIds' } });
    }
  });

  test('a team-managed project’s `simple` board may be chosen, as may the release train its filter shares with THR', async () => {
    const mob = sandbox.project('MOB').id;
    const settings = valueOf(await adminCall(sandbox, 'getAdminProjectSettings', { projectId: mob }));
    expect(settings.boards.map((board) => [board.id, board.type])).toEqual([
      [2, 'simple'],
      [6, 'scrum'],
    ]);
    expect(valueOf(await adminCall(sandbox, 'saveSprintBoards', { projectId: mob, boardIds: [2], baseVersion: 0 }))).toEqual({ boardIds: [2], version: 1 });
    expect(valueOf(await adminCall(sandbox, 'saveSprintBoards', { projectId: mob, boardIds: [6, 2], baseVersion: 1 }))).toEqual({ boardIds: [2, 6], version: 2 });
  });

  test('a kanban board is refused with a sentence that names the boards that can run sprints', async () => {
    const refused = await adminCall(sandbox, 'saveSprintBoards', { projectId: thr(), boardIds: [1, 5], baseVersion: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', field: 'boardIds', message: expect.stringContaining('scrum and team-managed boards') } });
  });

  test('a stale save is a conflict', async () => {
    valueOf(await adminCall(sandbox, 'saveSprintBoards', { projectId: thr(), boardIds: [1], baseVersion: 0 }));
    expect(await adminCall(sandbox, 'saveSprintBoards', { projectId: thr(), boardIds: [77], baseVersion: 0 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', current: { boardIds: [1], version: 1 } },
    });
  });
});
