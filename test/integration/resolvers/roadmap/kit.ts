/** Roadmap test steps, taken through the real resolver as a user would, and JQL as a user would run it. */
import type { RoadmapItemInput, RoadmapItemView, RoadmapView } from '../../../../src/contract';
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

export async function seedItem(sandbox: Sandbox, overrides: Partial<RoadmapItemInput> = {}, as: Actor = 'productManager'): Promise<RoadmapItemView> {
  return valueOf(await sandbox.call('createRoadmapItem', { as, payload: { item: itemInput(overrides) } }));
}

export async function roadmap(sandbox: Sandbox, as: Actor = 'productManager'): Promise<RoadmapView> {
  return valueOf(await sandbox.call('getRoadmap', { as, payload: {} }));
}

/** The keys of the issues a JQL search finds, searched as `role` in Jira itself. */
export async function jqlKeys(sandbox: Sandbox, jql: string, role: 'productManager' | 'developer' = 'productManager'): Promise<string[]> {
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
