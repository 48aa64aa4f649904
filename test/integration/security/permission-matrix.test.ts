/**
 * Issue 9's permission matrix: every resolver × {Jira admin, project admin, editor, viewer,
 * outsider, anonymous} × {payload naming the caller's own project's records, payload naming
 * another project's}. Each cell asserts the exact outcome; a cell whose payload names another
 * project's records also asserts that project's stored data is unchanged and that nothing of it
 * comes back. The project is always Forge's context; the payload never chooses it.
 */
import type { Defs, ErrorCode } from '../../../src/contract';
import { handlers } from '../../../src/resolvers/handlers';
import { createSandbox } from '../harness';
import type { Actor, ModuleContext } from '../harness';
import type { SeededProduct } from './kit';
import { seedProduct, validPayload } from './kit';

type Role = 'jiraAdmin' | 'projectAdmin' | 'editor' | 'viewer' | 'outsider' | 'anonymous';
type Outcome = 'ok' | ErrorCode;
type ByRole = Record<Role, Outcome>;

/**
 * Who plays each role, and in which project: the demo's product manager administers THR and only
 * browses OPS, so the viewer is them on OPS; every other role is played on THR.
 */
const players: Record<Role, { as: Actor; project: 'THR' | 'OPS' }> = {
  jiraAdmin: { as: 'admin', project: 'THR' },
  projectAdmin: { as: 'productManager', project: 'THR' },
  editor: { as: 'developer', project: 'THR' },
  viewer: { as: 'productManager', project: 'OPS' },
  outsider: { as: 'outsider', project: 'THR' },
  anonymous: { as: 'anonymous', project: 'THR' },
};
const roles = Object.keys(players) as Role[];

const reader: ByRole = { jiraAdmin: 'ok', projectAdmin: 'ok', editor: 'ok', viewer: 'ok', outsider: 'forbidden', anonymous: 'forbidden' };
// The default edit rule: project administrators only (the developer edits issues, not the product).
const writer: ByRole = { ...reader, editor: 'forbidden', viewer: 'forbidden' };
const jiraAdminOnly: ByRole = { jiraAdmin: 'ok', projectAdmin: 'forbidden', editor: 'forbidden', viewer: 'forbidden', outsider: 'forbidden', anonymous: 'forbidden' };
/** Those the role lets through get `code` for another project's ids: they name nothing here. */
const refusedFor = (allowed: ByRole, code: ErrorCode): ByRole =>
  Object.fromEntries(roles.map((role) => [role, allowed[role] === 'ok' ? code : allowed[role]])) as ByRole;
const notFoundFor = (allowed: ByRole): ByRole => refusedFor(allowed, 'not-found');
/** Linking epics (roadmap or epic panel) writes their links as the user: Jira's Edit Issues decides, not the edit rule. */
const epicEditor: ByRole = { ...writer, editor: 'ok' };

type Where = 'project' | 'panel' | 'global' | 'admin' | 'gadget';
interface Row {
  where: Where;
  own: ByRole;
  /** The outcome with another project's ids in the payload; the same as `own` when omitted. */
  other?: ByRole;
}

const matrix: Record<keyof Defs, Row> = {
  getProjectOverview: { where: 'project', own: reader },
  getStrategy: { where: 'project', own: reader },
  saveVision: { where: 'project', own: writer },
  listVisionVersions: { where: 'project', own: reader },
  getVisionVersion: { where: 'project', own: reader },
  restoreVisionVersion: { where: 'project', own: writer },
  createGoal: { where: 'project', own: writer },
  updateGoal: { where: 'project', own: writer, other: notFoundFor(writer) },
  moveGoal: { where: 'project', own: writer, other: notFoundFor(writer) },
  deleteGoal: { where: 'project', own: writer, other: notFoundFor(writer) },
  createKpi: { where: 'project', own: writer, other: notFoundFor(writer) },
  updateKpi: { where: 'project', own: writer, other: notFoundFor(writer) },
  deleteKpi: { where: 'project', own: writer, other: notFoundFor(writer) },
  getKpiHistory: { where: 'project', own: reader, other: notFoundFor(reader) },
  addMeasurement: { where: 'project', own: writer, other: notFoundFor(writer) },
  updateMeasurement: { where: 'project', own: writer, other: notFoundFor(writer) },
  deleteMeasurement: { where: 'project', own: writer, other: notFoundFor(writer) },
  // A dry run that stores nothing: anyone who may browse may check a JQL source.
  previewKpiSource: { where: 'project', own: reader },
  refreshKpi: { where: 'project', own: writer, other: notFoundFor(writer) },
  // The goal owner picker: only people who may change goals need it.
  searchUsers: { where: 'project', own: writer },
  getRoadmap: { where: 'project', own: reader },
  getRoadmapCrawl: { where: 'project', own: reader },
  getRoadmapItems: { where: 'project', own: reader },
  createRoadmapItem: { where: 'project', own: writer },
  updateRoadmapItem: { where: 'project', own: writer, other: notFoundFor(writer) },
  moveRoadmapItem: { where: 'project', own: writer, other: notFoundFor(writer) },
  deleteRoadmapItem: { where: 'project', own: writer, other: notFoundFor(writer) },
  // Another project's lane ids are not lanes of this roadmap: the setup is refused as invalid.
  saveLaneSetup: { where: 'project', own: writer, other: refusedFor(writer, 'invalid') },
  // The product's scoring method: editors set it; the payload names no record, so another project's is the same call.
  saveScoringMethod: { where: 'project', own: writer },
  // Evidence: readers read (a JQL is counted as them), editors write; another project's item is not found.
  listItemEvidence: { where: 'project', own: reader, other: notFoundFor(reader) },
  addEvidence: { where: 'project', own: writer, other: notFoundFor(writer) },
  updateEvidence: { where: 'project', own: writer, other: notFoundFor(writer) },
  removeEvidence: { where: 'project', own: writer, other: notFoundFor(writer) },
  previewEvidenceJql: { where: 'project', own: reader },
  // Another project's item ids count nothing here: only this roadmap's evidence is read.
  countEvidenceJql: { where: 'project', own: reader },
  searchEpics: { where: 'project', own: reader },
  linkEpics: { where: 'project', own: epicEditor, other: notFoundFor(epicEditor) },
  getEpicContext: { where: 'panel', own: reader },
  // Another project's goal and item ids cannot be linked: refused as invalid, for the viewer too
  // (the ids are checked against this product before Jira is asked whether they may edit the epic).
  // The edit rule for the item, and Jira's Create Issues (every writer here holds it in THR).
  createEpicFromItem: { where: 'project', own: writer, other: notFoundFor(writer) },
  // A person's own collapsed lanes: anyone who may browse keeps theirs; lane ids name nothing to check.
  getLanePrefs: { where: 'project', own: reader },
  saveLanePrefs: { where: 'project', own: reader },
  setEpicLinks: { where: 'panel', own: epicEditor, other: { ...refusedFor(epicEditor, 'invalid'), viewer: 'invalid' } },
  getPortfolio: { where: 'global', own: { jiraAdmin: 'ok', projectAdmin: 'ok', editor: 'ok', viewer: 'ok', outsider: 'ok', anonymous: 'forbidden' } },
  getAdminSettings: { where: 'admin', own: jiraAdminOnly },
  getAdminProjectSettings: { where: 'admin', own: jiraAdminOnly },
  saveEditRule: { where: 'admin', own: jiraAdminOnly },
  saveStoryPointOverride: { where: 'admin', own: jiraAdminOnly },
  saveSprintBoards: { where: 'admin', own: jiraAdminOnly },
  exportData: { where: 'admin', own: jiraAdminOnly },
  previewImport: { where: 'admin', own: jiraAdminOnly },
  applyImport: { where: 'admin', own: jiraAdminOnly },
  rebuildLinkIndex: { where: 'admin', own: jiraAdminOnly },
  getAlignment: { where: 'project', own: reader },
  // Gadgets name their project in the payload (their saved configuration): "another project" is
  // simply that project, so each role gets what Jira's Browse Projects there gives them.
  getGadgetOptions: { where: 'gadget', own: reader },
  getGoalHealthGadget: { where: 'gadget', own: reader },
  getRoadmapNowGadget: { where: 'gadget', own: reader },
  getUnalignedWorkGadget: { where: 'gadget', own: reader },
  // Following is the reader's own list: anyone who browses may change it; another project's goal is not found here.
  getProductFeed: { where: 'project', own: reader },
  getFollowing: { where: 'project', own: reader },
  followTarget: { where: 'project', own: reader, other: notFoundFor(reader) },
  unfollowTarget: { where: 'project', own: reader },
  // Check-ins: editors (and a goal's owner) post, readers read; another project's goal is not found here.
  postStatusUpdate: { where: 'project', own: writer, other: notFoundFor(reader) },
  listStatusUpdates: { where: 'project', own: reader, other: notFoundFor(reader) },
  // Only the author edits (the seed's check-in is the Jira admin's, in each product).
  editStatusUpdate: { where: 'project', own: jiraAdminOnly, other: notFoundFor(reader) },
  getCheckIns: { where: 'project', own: reader },
  saveCheckInCadence: { where: 'project', own: writer },
};

const sandbox = createSandbox();
const seeded: Partial<Record<'THR' | 'OPS' | 'MOB', SeededProduct>> = {};
let exported: unknown;
let baseline: ReturnType<typeof sandbox.forge.kvs.snapshot>;
let baselineProperties: Array<Record<string, unknown>>;

const productOf = (key: 'THR' | 'OPS' | 'MOB'): SeededProduct => {
  const product = seeded[key];
  if (!product) throw new Error(`${key} was not seeded`);
  return product;
};

beforeAll(async () => {
  for (const key of ['THR', 'OPS', 'MOB'] as const) seeded[key] = await seedProduct(sandbox, key);
  const file = await sandbox.call('exportData', { as: 'admin', in: { module: 'jira:adminPage' } });
  if (!file.ok) throw new Error(`Export failed: ${JSON.stringify(file.error)}`);
  exported = file.value.data;
  baseline = sandbox.forge.kvs.snapshot();
  baselineProperties = sandbox.site.issues.map((issue) => structuredClone(issue.properties));
}, 120_000);

/** Every cell starts from the seeded data, in storage and in Jira's issue properties alike. */
function restoreSeed(): void {
  sandbox.forge.kvs.restore(baseline);
  sandbox.site.issues.forEach((issue, index) => {
    issue.properties = structuredClone(baselineProperties[index] ?? {});
  });
}

/** The stored records that belong to a project: every record of the app carries its `projectId`. */
function recordsOf(projectId: string): string {
  const snapshot = sandbox.forge.kvs.snapshot() as unknown as { kv: Record<string, unknown>; entities: Record<string, Record<string, unknown>> };
  const mentions = (_key: string, record: unknown) => JSON.stringify(record).includes(`"projectId":"${projectId}"`);
  const kv = Object.entries(snapshot.kv).filter(([key, record]) => mentions(key, record));
  const entities = Object.entries(snapshot.entities).flatMap(([name, table]) =>
    Object.entries(table)
      .filter(([key, record]) => mentions(key, record))
      .map(([key, record]) => [`${name}/${key}`, record]),
  );
  return JSON.stringify([...kv, ...entities].sort(([a], [b]) => String(a).localeCompare(String(b))));
}

function moduleFor(where: Where, own: SeededProduct): ModuleContext {
  switch (where) {
    case 'project':
      return { module: 'jira:projectPage', project: own.projectKey };
    case 'panel':
      return { module: 'jira:issuePanel', issue: own.epicKey };
    case 'global':
      return { module: 'jira:globalPage' };
    case 'admin':
      return { module: 'jira:adminPage' };
    case 'gadget':
      return { module: 'jira:dashboardGadget' };
  }
}

async function payloadFor(key: keyof Defs, ids: SeededProduct): Promise<Record<string, unknown>> {
  if (key === 'previewImport') return { data: exported };
  if (key === 'applyImport') {
    // Applying needs a preview's plan when the import checks one; a preview as the admin makes it.
    const preview = await sandbox.call('previewImport', { as: 'admin', in: { module: 'jira:adminPage' }, payload: { data: exported } });
    const planId = preview.ok ? (preview.value as { planId?: string }).planId : undefined;
    return { data: exported, ...(planId ? { planId } : {}) };
  }
  if (key === 'getGadgetOptions' || key === 'getGoalHealthGadget' || key === 'getRoadmapNowGadget' || key === 'getUnalignedWorkGadget') {
    return { projectId: ids.projectId, rows: 5, goalId: ids.goalId };
  }
  return validPayload(key, ids);
}

/** Record ids of a product: none may appear in an answer given in another project. */
const idsOf = (product: SeededProduct) => [product.goalId, product.kpiId, product.jqlKpiId, product.measurementId, product.itemId, product.laneId, product.noteId, product.checkInId];

test('the matrix has a row for every resolver function, and nothing else', () => {
  expect(Object.keys(matrix).sort()).toEqual(Object.keys(handlers).sort());
});

describe.each(Object.entries(matrix) as Array<[keyof Defs, Row]>)('%s', (key, row) => {
  test.each(roles)('as %s: own project, then another project’s ids in the payload', async (role) => {
    const player = players[role];
    const own = productOf(player.project);
    const other = productOf('MOB');
    const context = moduleFor(row.where, own);

    restoreSeed();
    const ownAnswer = await sandbox.call(key, { as: player.as, in: context, payload: await payloadFor(key, own) });
    expect({ role, code: ownAnswer.ok ? 'ok' : ownAnswer.error.code }).toEqual({ role, code: row.own[role] });

    restoreSeed();
    const otherBefore = recordsOf(other.projectId);
    const otherAnswer = await sandbox.call(key, { as: player.as, in: context, payload: { ...(await payloadFor(key, other)), projectId: other.projectId } });
    expect({ role, code: otherAnswer.ok ? 'ok' : otherAnswer.error.code }).toEqual({ role, code: (row.other ?? row.own)[role] });
    // Jira admins manage every project from the admin page, and the portfolio lists every browsable one.
    if (row.where === 'project' || row.where === 'panel') {
      expect(recordsOf(other.projectId)).toBe(otherBefore);
      // An error may name an id the caller sent; no other record of that project may appear.
      const sent = JSON.stringify(await payloadFor(key, other));
      const text = JSON.stringify(otherAnswer);
      for (const id of idsOf(other).filter((candidate) => !sent.includes(candidate))) expect(text).not.toContain(id);
    }
  });
});
