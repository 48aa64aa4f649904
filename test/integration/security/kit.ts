/** Shared by the security suites: what storage holds, compared without the store's empty buckets. */
import { derivedEntities } from '../admin/kit';
import type { Sandbox } from '../harness';

/**
 * Everything stored, as JSON text with empty entity tables left out: a read can open an empty table
 * in the sandbox store, which stores nothing, so it does not count as a change. With caches left out,
 * only the app's own data: the derived caches of Jira data (roll-ups, sync marks) may be refreshed by
 * any read, a refused call's too (a conflict answers with the record as it is now).
 */
export function storedData(sandbox: Sandbox, options: { caches?: 'kept' | 'left out' } = {}): string {
  const snapshot = sandbox.forge.kvs.snapshot() as unknown as { entities?: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  const leftOut = options.caches === 'left out' ? derivedEntities : [];
  const entities = Object.fromEntries(Object.entries(snapshot.entities ?? {}).filter(([name, table]) => Object.keys(table).length > 0 && !leftOut.includes(name)));
  return JSON.stringify({ ...snapshot, entities });
}

/** One product's records, made through the resolvers as the Jira admin (project admin everywhere). */
export interface SeededProduct {
  projectKey: string;
  projectId: string;
  goalId: string;
  goalVersion: number;
  kpiId: string;
  kpiVersion: number;
  /** A KPI counted by JQL, which `refreshKpi` can measure. */
  jqlKpiId: string;
  visionVersion: number;
  measurementId: string;
  seriesVersion: number;
  itemId: string;
  itemVersion: number;
  laneId: string;
  setupVersion: number;
  epicId: string;
  epicKey: string;
  linksVersion: number;
  /** A note on the item: evidence calls change or remove it. */
  noteId: string;
  noteVersion: number;
  /** A check-in on the goal, posted by the Jira admin (only its author may edit it). */
  checkInId: string;
  checkInVersion: number;
}

function expectOk<T>(answer: { ok: true; value: T } | { ok: false; error: unknown }, what: string): T {
  if (!answer.ok) throw new Error(`Seeding ${what} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

export const goalInput = { title: 'Grow checkout conversion', description: 'Fewer drop-outs.', ownerAccountId: null, status: 'on-track' as const, timeFrame: { kind: 'quarter' as const, year: 2027, quarter: 1 as const } };
export const kpiInput = {
  name: 'Checkout conversion',
  unit: '%',
  direction: 'increase' as const,
  baseline: { value: 2, date: '2026-01-01' },
  target: { value: 3, date: '2027-03-31' },
  source: { kind: 'manual' as const },
};
export const noteEvidence = { kind: 'note' as const, note: { text: 'We abandon carts when checkout asks for an account.', source: 'Support ticket', customer: 'SMB retailers', date: '2026-11-20' } };
export const itemInput = { title: 'One-page checkout', description: '', goalId: null, laneId: null, horizon: 'now' as const, startDate: null, endDate: null, status: 'planned' as const };

export async function seedProduct(sandbox: Sandbox, projectKey: string): Promise<SeededProduct> {
  const here = { as: 'admin' as const, in: { module: 'jira:projectPage' as const, project: projectKey } };
  const project = sandbox.project(projectKey);
  const goal = expectOk(await sandbox.call('createGoal', { ...here, payload: { goal: goalInput } }), 'goal');
  const kpi = expectOk(await sandbox.call('createKpi', { ...here, payload: { goalId: goal.id, kpi: kpiInput } }), 'kpi');
  const jqlKpi = expectOk(
    await sandbox.call('createKpi', { ...here, payload: { goalId: goal.id, kpi: { ...kpiInput, name: 'Open epics', source: { kind: 'jql-count', jql: 'issuetype = Epic' } } } }),
    'JQL KPI',
  );
  const vision = expectOk(
    await sandbox.call('saveVision', {
      ...here,
      payload: { board: { productName: `${projectKey} product`, vision: 'Checkout in one step.', targetGroup: '', needs: '', product: '', businessGoals: '' }, baseVersion: 0 },
    }),
    'vision',
  );
  const fresh = expectOk(await sandbox.call('getKpiHistory', { ...here, payload: { id: kpi.id } }), 'KPI history');
  const history = expectOk(
    await sandbox.call('addMeasurement', { ...here, payload: { kpiId: kpi.id, measurement: { date: '2026-11-01', value: 2.4 }, baseVersion: fresh.seriesVersion } }),
    'measurement',
  );
  const setup = expectOk(await sandbox.call('saveLaneSetup', { ...here, payload: { mode: 'custom', lanes: [{ id: null, name: 'Payments' }], baseVersion: 0 } }), 'lanes');
  const laneId = setup.lanes[0]?.id;
  if (!laneId) throw new Error('Seeding lanes made no lane');
  const item = expectOk(await sandbox.call('createRoadmapItem', { ...here, payload: { item: { ...itemInput, goalId: goal.id, laneId } } }), 'item');
  const evidence = expectOk(await sandbox.call('addEvidence', { ...here, payload: { itemId: item.id, evidence: noteEvidence } }), 'evidence');
  const note = evidence.entries[0];
  if (!note) throw new Error('Seeding evidence made no note');
  const roadmap = expectOk(await sandbox.call('getRoadmap', { ...here, payload: {} }), 'roadmap');
  const epic = roadmap.epics[0];
  if (!epic) throw new Error(`${projectKey} has no epic the admin can see`);
  const measurement = history.measurements[0];
  if (!measurement) throw new Error('Seeding made no measurement');
  const checkIn = expectOk(
    await sandbox.call('postStatusUpdate', { ...here, payload: { target: { kind: 'goal', id: goal.id }, status: 'on-track', text: 'Conversion is climbing.' } }),
    'check-in',
  );
  const strategy = expectOk(await sandbox.call('getStrategy', here), 'strategy');
  const goalVersion = strategy.goals.find((candidate) => candidate.id === goal.id)?.version ?? goal.version;
  return {
    projectKey,
    projectId: project.id,
    goalId: goal.id,
    goalVersion,
    kpiId: kpi.id,
    kpiVersion: kpi.version,
    jqlKpiId: jqlKpi.id,
    visionVersion: vision.version,
    measurementId: measurement.id,
    seriesVersion: history.seriesVersion,
    itemId: item.id,
    itemVersion: item.version,
    laneId,
    setupVersion: setup.setupVersion,
    epicId: epic.id,
    epicKey: epic.key,
    linksVersion: epic.linksVersion,
    noteId: note.id,
    noteVersion: note.version,
    checkInId: checkIn.update.id,
    checkInVersion: checkIn.update.version,
  };
}

/**
 * A valid payload for every call that takes one, naming the records of `ids` (the caller's own
 * product, or another project's to see that they reach nothing). Calls without a payload get `{}`.
 */
export function validPayload(key: string, ids: SeededProduct): Record<string, unknown> {
  const board = { productName: 'Renamed product', vision: 'Checkout in one step.', targetGroup: '', needs: '', product: '', businessGoals: '' };
  const payloads: Record<string, Record<string, unknown>> = {
    saveVision: { board, baseVersion: ids.visionVersion },
    getVisionVersion: { version: ids.visionVersion },
    restoreVisionVersion: { version: ids.visionVersion, baseVersion: ids.visionVersion },
    createGoal: { goal: goalInput },
    updateGoal: { id: ids.goalId, goal: { ...goalInput, title: 'Renamed goal' }, baseVersion: ids.goalVersion },
    moveGoal: { id: ids.goalId, afterId: null, beforeId: null, baseVersion: ids.goalVersion },
    deleteGoal: { id: ids.goalId, baseVersion: ids.goalVersion },
    createKpi: { goalId: ids.goalId, kpi: kpiInput },
    updateKpi: { id: ids.kpiId, kpi: { ...kpiInput, name: 'Renamed KPI' }, baseVersion: ids.kpiVersion },
    deleteKpi: { id: ids.kpiId, baseVersion: ids.kpiVersion },
    getKpiHistory: { id: ids.kpiId },
    addMeasurement: { kpiId: ids.kpiId, measurement: { date: '2026-11-02', value: 2.5 }, baseVersion: ids.seriesVersion },
    updateMeasurement: { kpiId: ids.kpiId, id: ids.measurementId, measurement: { date: '2026-11-01', value: 2.6 }, baseVersion: ids.seriesVersion },
    deleteMeasurement: { kpiId: ids.kpiId, id: ids.measurementId, baseVersion: ids.seriesVersion },
    previewKpiSource: { source: { kind: 'jql-count', jql: `project = ${ids.projectKey} AND issuetype = Epic` } },
    refreshKpi: { id: ids.jqlKpiId },
    searchUsers: { query: 'a' },
    getRoadmap: {},
    getRoadmapCrawl: {},
    // No cursor: the first page's items (a cursor's own refusals: test/integration/resolvers/roadmap/paging.test.ts).
    getRoadmapItems: {},
    createRoadmapItem: { item: itemInput },
    updateRoadmapItem: {
      id: ids.itemId,
      item: { ...itemInput, title: 'Renamed item', goalId: ids.goalId, laneId: ids.laneId, ownerAccountId: null, scoreInputs: { reach: { source: 'live' }, impact: 2, confidence: 80, value: 5, effort: { source: 'entered', value: 3 } } },
      baseVersion: ids.itemVersion,
    },
    moveRoadmapItem: { move: { itemId: ids.itemId, lane: ids.laneId, column: { kind: 'horizon', horizon: 'next' }, afterId: null, beforeId: null }, baseVersion: ids.itemVersion },
    deleteRoadmapItem: { id: ids.itemId, baseVersion: ids.itemVersion },
    saveLaneSetup: { mode: 'custom', lanes: [{ id: ids.laneId, name: 'Payments and billing' }], baseVersion: ids.setupVersion },
    saveScoringMethod: { method: 'rice', baseVersion: 0 },
    listItemEvidence: { itemId: ids.itemId },
    addEvidence: { itemId: ids.itemId, evidence: noteEvidence },
    updateEvidence: { itemId: ids.itemId, id: ids.noteId, evidence: { ...noteEvidence, note: { ...noteEvidence.note, customer: 'Enterprise' } }, baseVersion: ids.noteVersion },
    removeEvidence: { itemId: ids.itemId, id: ids.noteId, baseVersion: ids.noteVersion },
    previewEvidenceJql: { jql: `project = ${ids.projectKey} AND issuetype = Epic` },
    countEvidenceJql: { itemIds: [ids.itemId] },
    searchEpics: { query: ids.epicKey },
    linkEpics: { target: { kind: 'goal', id: ids.goalId }, link: [{ epicId: ids.epicId, linksVersion: ids.linksVersion }], unlink: [] },
    setEpicLinks: { directGoalIds: [ids.goalId], roadmapItemIds: [ids.itemId], linksVersion: ids.linksVersion },
    getAdminProjectSettings: { projectId: ids.projectId },
    saveEditRule: { rule: 'project-admins', baseVersion: 0 },
    saveStoryPointOverride: { projectId: ids.projectId, fieldId: null, baseVersion: 0 },
    saveSprintBoards: { projectId: ids.projectId, boardIds: null, baseVersion: 0 },
    getGadgetOptions: { projectId: ids.projectId },
    createEpicFromItem: { itemId: ids.itemId, summary: 'Epic from the item', description: 'Made from the roadmap.' },
    saveLanePrefs: { collapsedLaneIds: [ids.goalId, 'none'] },
    getGoalHealthGadget: { projectId: ids.projectId, rows: 5 },
    getRoadmapNowGadget: { projectId: ids.projectId, rows: 5, goalId: ids.goalId },
    getUnalignedWorkGadget: { projectId: ids.projectId, rows: 5 },
    getProductFeed: { goalId: ids.goalId },
    followTarget: { target: { kind: 'goal', id: ids.goalId } },
    unfollowTarget: { target: { kind: 'goal', id: ids.goalId } },
    postStatusUpdate: { target: { kind: 'goal', id: ids.goalId }, status: 'at-risk', text: 'Slipping: the payment provider is late.' },
    listStatusUpdates: { target: { kind: 'goal', id: ids.goalId } },
    editStatusUpdate: { id: ids.checkInId, status: 'at-risk', text: 'Conversion is climbing slowly.', baseVersion: ids.checkInVersion },
    saveCheckInCadence: { cadence: 'monthly', baseVersion: 0 },
  };
  return payloads[key] ?? {};
}
