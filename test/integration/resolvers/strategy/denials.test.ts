/**
 * Every strategy call, refused to everyone who may not make it. The table is typed by the contract:
 * a new call that is not listed here fails to compile.
 */
import type { Defs } from '../../../../src/contract';
import { createSandbox } from '../../harness';
import { goalInput, kpiInput, measurementInput, valueOf, visionBoard } from './builders';
import { seedGoal, seedKpi, seedMeasurements } from './kit';

const sandbox = createSandbox();

/** The strategy's calls: the roadmap and the epic panel have denial tests of their own. */
type StrategyCall = Exclude<
  keyof Defs,
  | 'getProjectOverview'
  | 'getRoadmap'
  | 'getRoadmapCrawl'
  | 'getRoadmapItems'
  | 'createRoadmapItem'
  | 'updateRoadmapItem'
  | 'moveRoadmapItem'
  | 'deleteRoadmapItem'
  | 'saveLaneSetup'
  // Scoring and owners: their denials are in test/integration/resolvers/roadmap/priority.test.ts.
  | 'saveScoringMethod'
  | 'searchEpics'
  | 'linkEpics'
  // Creating an epic from an item: its denials are in test/integration/resolvers/roadmap/create-epic.test.ts.
  | 'createEpicFromItem'
  // A person's collapsed lanes: test/integration/resolvers/roadmap/lane-prefs.test.ts.
  | 'getLanePrefs'
  | 'saveLanePrefs'
  | 'getEpicContext'
  | 'setEpicLinks'
  // Evidence on roadmap items: its denials are in test/integration/resolvers/roadmap/evidence.test.ts.
  | 'listItemEvidence'
  | 'addEvidence'
  | 'updateEvidence'
  | 'removeEvidence'
  | 'previewEvidenceJql'
  | 'countEvidenceJql'
  // Admin calls: their denials are in test/integration/admin.
  | 'getAdminSettings'
  | 'getAdminProjectSettings'
  | 'saveEditRule'
  | 'saveStoryPointOverride'
  | 'saveSprintBoards'
  | 'exportData'
  | 'previewImport'
  | 'applyImport'
  | 'rebuildLinkIndex'
  | 'getPortfolio'
  // Alignment: its denials are in test/integration/resolvers/alignment.
  | 'getAlignment'
  // Dashboard gadgets: their denials are in test/integration/resolvers/gadgets.
  | 'getGadgetOptions'
  | 'getGoalHealthGadget'
  | 'getRoadmapNowGadget'
  | 'getUnalignedWorkGadget'
  // The feed and following: their denials are in test/integration/resolvers/feed/feed.test.ts.
  | 'getProductFeed'
  | 'getFollowing'
  | 'followTarget'
  | 'unfollowTarget'
>;

interface Seeded {
  goalId: string;
  kpiId: string;
  measurementId: string;
  checkInId: string;
}

/** A payload that would succeed for a project administrator, and whether the call changes anything. */
const calls: Record<StrategyCall, { writes: boolean; payload: (seeded: Seeded) => Record<string, unknown> }> = {
  getStrategy: { writes: false, payload: () => ({}) },
  listVisionVersions: { writes: false, payload: () => ({}) },
  getVisionVersion: { writes: false, payload: () => ({ version: 1 }) },
  getKpiHistory: { writes: false, payload: ({ kpiId }) => ({ id: kpiId }) },
  previewKpiSource: { writes: false, payload: () => ({ source: { kind: 'jql-count', jql: 'issuetype = Bug' } }) },
  saveVision: { writes: true, payload: () => ({ board: visionBoard(), baseVersion: 1 }) },
  restoreVisionVersion: { writes: true, payload: () => ({ version: 1, baseVersion: 1 }) },
  createGoal: { writes: true, payload: () => ({ goal: goalInput() }) },
  updateGoal: { writes: true, payload: ({ goalId }) => ({ id: goalId, goal: goalInput({ title: 'Changed' }), baseVersion: 1 }) },
  moveGoal: { writes: true, payload: ({ goalId }) => ({ id: goalId, afterId: null, beforeId: null, baseVersion: 1 }) },
  deleteGoal: { writes: true, payload: ({ goalId }) => ({ id: goalId, baseVersion: 1 }) },
  createKpi: { writes: true, payload: ({ goalId }) => ({ goalId, kpi: kpiInput() }) },
  updateKpi: { writes: true, payload: ({ kpiId }) => ({ id: kpiId, kpi: kpiInput({ name: 'Changed' }), baseVersion: 1 }) },
  deleteKpi: { writes: true, payload: ({ kpiId }) => ({ id: kpiId, baseVersion: 1 }) },
  addMeasurement: { writes: true, payload: ({ kpiId }) => ({ kpiId, measurement: measurementInput(), baseVersion: 2 }) },
  updateMeasurement: { writes: true, payload: ({ kpiId, measurementId }) => ({ kpiId, id: measurementId, measurement: measurementInput(), baseVersion: 2 }) },
  deleteMeasurement: { writes: true, payload: ({ kpiId, measurementId }) => ({ kpiId, id: measurementId, baseVersion: 2 }) },
  refreshKpi: { writes: true, payload: ({ kpiId }) => ({ id: kpiId }) },
  // Not a write, but only the owner picker uses it, and only editors pick owners.
  searchUsers: { writes: true, payload: () => ({ query: 'a' }) },
  // Check-ins: editors (and a goal's owner, not seeded here) post; readers read.
  postStatusUpdate: { writes: true, payload: ({ goalId }) => ({ target: { kind: 'goal', id: goalId }, status: 'at-risk', text: 'Slipping.' }) },
  listStatusUpdates: { writes: false, payload: ({ goalId }) => ({ target: { kind: 'goal', id: goalId } }) },
  editStatusUpdate: { writes: true, payload: ({ checkInId }) => ({ id: checkInId, status: 'done', text: 'Done.', baseVersion: 1 }) },
  getCheckIns: { writes: false, payload: () => ({}) },
  saveCheckInCadence: { writes: true, payload: () => ({ cadence: 'monthly', baseVersion: 0 }) },
};

let seeded: Seeded;

beforeAll(async () => {
  valueOf(await sandbox.call('saveVision', { as: 'productManager', payload: { board: visionBoard(), baseVersion: 0 } }));
  const goal = await seedGoal(sandbox);
  const kpi = await seedKpi(sandbox, goal.id);
  const history = await seedMeasurements(sandbox, kpi.id, [{ value: 30 }]);
  const checkIn = valueOf(await sandbox.call('postStatusUpdate', { as: 'productManager', payload: { target: { kind: 'goal', id: goal.id }, status: 'on-track', text: 'Seeded.' } }));
  seeded = { goalId: goal.id, kpiId: kpi.id, measurementId: history.measurements[0]?.id ?? '', checkInId: checkIn.update.id };
});

beforeEach(() => {
  sandbox.jira.resetStats();
  sandbox.forge.kvs.resetStats();
});

const entries = Object.entries(calls) as Array<[StrategyCall, (typeof calls)[StrategyCall]]>;

describe.each(entries)('%s', (call, { writes, payload }) => {
  test('refuses an anonymous caller without asking Jira or storage anything', async () => {
    const result = await sandbox.call(call, { as: 'anonymous', payload: payload(seeded) });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(sandbox.jira.stats.requests).toBe(0);
    expect(sandbox.forge.kvs.stats.operations).toBe(0);
  });

  test('refuses the outsider, who may not browse the project, after one permission check', async () => {
    const before = sandbox.forge.kvs.snapshot();
    const result = await sandbox.call(call, { as: 'outsider', payload: payload(seeded) });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/browse this project/) } });
    expect(sandbox.jira.stats.byRoute).toEqual({ 'GET /rest/api/3/mypermissions': 1 });
    expect(sandbox.forge.kvs.snapshot()).toEqual(before);
  });

  if (writes) {
    test('refuses a developer, who may browse but not administer, and changes nothing', async () => {
      const before = sandbox.forge.kvs.snapshot();
      const result = await sandbox.call(call, { as: 'developer', payload: payload(seeded) });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Only project administrators/) } });
      expect(sandbox.forge.kvs.snapshot()).toEqual(before);
      expect(sandbox.forge.kvs.stats.transactions).toBe(0);
    });
  } else {
    test('lets a developer, who may browse, read', async () => {
      const result = await sandbox.call(call, { as: 'developer', payload: payload(seeded) });
      expect(result.ok).toBe(true);
    });
  }

  test('refuses a call from a page with no project in its context', async () => {
    const result = await sandbox.call(call, { as: 'productManager', in: { module: 'jira:globalPage' }, payload: payload(seeded) });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
