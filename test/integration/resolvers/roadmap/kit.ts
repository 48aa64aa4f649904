/** Roadmap test steps, taken through the real resolver as a user would, and JQL as a user would run it. */
import type { RoadmapItemInput, RoadmapItemView, RoadmapMovePayload, RoadmapView } from '../../../../src/contract';
import { asUser, bodyOf, send } from '../../../sandbox/jira/simulator-kit';
import type { Actor, Sandbox } from '../../harness';
import { valueOf } from '../strategy/builders';

export function itemInput(overrides: Partial<RoadmapItemInput> = {}): RoadmapItemInput {
  return {
    title: 'One-tap payment',
    description: 'Pay with a saved card in one tap.',
    goalId: null,
    laneId: null,
    horizon: 'now',
    startDate: null,
    endDate: null,
    status: 'planned',
    ...overrides,
  };
}

/** A move into Now of no lane unless told otherwise: each test states only what matters to it. */
export const moveOf = (payload: Partial<RoadmapMovePayload> & { itemId: string }): RoadmapMovePayload => ({
  lane: 'none',
  column: { kind: 'horizon', horizon: 'now' },
  afterId: null,
  beforeId: null,
  ...payload,
});

export async function seedItem(sandbox: Sandbox, overrides: Partial<RoadmapItemInput> = {}, as: Actor = 'productManager'): Promise<RoadmapItemView> {
  return valueOf(await sandbox.call('createRoadmapItem', { as, payload: { item: itemInput(overrides) } }));
}

export async function roadmap(sandbox: Sandbox, as: Actor = 'productManager'): Promise<RoadmapView> {
  return valueOf(await sandbox.call('getRoadmap', { as, payload: {} }));
}

/** How far Jira's search index trails writes in these tests, on a clock only the test moves. */
export const SEARCH_INDEX_LAG_MS = 5_000;
const indexClocks = new WeakMap<Sandbox, { elapsedMs: number }>();

/**
 * From now on JQL sees a write only once the test lets the index catch up: the app must read its
 * own writes with `reconcileIssues` or without search, as on a real site. Call it in `beforeEach`:
 * it also indexes whatever earlier tests left pending (they may change the site directly).
 */
export function searchIndexLags(sandbox: Sandbox): void {
  const clock = { elapsedMs: 0 };
  indexClocks.set(sandbox, clock);
  sandbox.jira.setSearchIndexLag(SEARCH_INDEX_LAG_MS, () => clock.elapsedMs);
}

/** Time passes for the search index: everything written so far shows in JQL. */
export function searchIndexCatchesUp(sandbox: Sandbox): void {
  const clock = indexClocks.get(sandbox);
  if (clock) clock.elapsedMs += SEARCH_INDEX_LAG_MS;
}

/** The keys of the issues a JQL search finds, searched as `role` in Jira itself, once the index caught up. */
export async function jqlKeys(sandbox: Sandbox, jql: string, role: 'productManager' | 'developer' = 'productManager'): Promise<string[]> {
  searchIndexCatchesUp(sandbox);
  const response = await send(sandbox.jira, { method: 'POST', path: '/rest/api/3/search/jql', body: { jql, fields: ['summary'] }, caller: asUser(role) });
  if (response.status !== 200) throw new Error(`JQL refused (${response.status}): ${response.body}`);
  return bodyOf<{ issues: Array<{ key: string }> }>(response).issues.map((issue) => issue.key).sort();
}

/** The first few epics of a project as the demo site has them. */
export function epicsOf(sandbox: Sandbox, projectKey: string) {
  const project = sandbox.project(projectKey);
  const epicTypes = new Set(sandbox.site.issueTypes.filter((type) => type.hierarchyLevel === 1).map((type) => type.id));
  return sandbox.site.issues.filter((issue) => issue.projectId === project.id && epicTypes.has(issue.issueTypeId));
}
