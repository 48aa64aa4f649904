/**
 * Steps the epic panel tests share: the panel's context for an issue, roadmap items put in the
 * way the roadmap stores them, and JQL searched as a person in the simulated Jira.
 */
import type { EpicContext, RoadmapItemInput } from '../../../src/contract';
import { epicLinksPropertyKey } from '../../../src/domain/epic-links';
import { rankBetween } from '../../../src/domain/rank';
import { createItem, itemsOfProject } from '../../../src/adapters/storage/roadmap-store';
import { newId } from '../../../src/adapters/storage/ids';
import { DEMO_USERS } from '../../sandbox/demo';
import type { DemoUserRole } from '../../sandbox/demo';
import type { ProjectPermissionKey } from '../../sandbox/jira/model';
import { asUser, bodyOf, send } from '../../sandbox/jira/simulator-kit';
import type { Actor, ModuleContext, Sandbox } from '../harness';
import { valueOf } from '../resolvers/strategy/builders';
import { searchIndexCatchesUp } from '../resolvers/roadmap/kit';

export const onIssue = (issue: string): ModuleContext => ({ module: 'jira:issuePanel', issue });

/** The project's epics in key order, as the demo site holds them. */
export function epicKeysOf(sandbox: Sandbox, projectKey: string): string[] {
  const project = sandbox.project(projectKey);
  const epicTypes = new Set(sandbox.site.issueTypes.filter((type) => type.hierarchyLevel === 1).map((type) => type.id));
  return sandbox.site.issues.filter((issue) => issue.projectId === project.id && epicTypes.has(issue.issueTypeId)).map((issue) => issue.key);
}

/** An issue of the project that is not an epic (a story, task or bug). */
export function nonEpicKeyOf(sandbox: Sandbox, projectKey: string): { key: string; type: string } {
  const project = sandbox.project(projectKey);
  for (const issue of sandbox.site.issues) {
    const type = sandbox.site.issueTypes.find((candidate) => candidate.id === issue.issueTypeId);
    if (issue.projectId === project.id && type && type.hierarchyLevel === 0) return { key: issue.key, type: type.name };
  }
  throw new Error(`${projectKey} has no issue below epic level`);
}

/** Takes every epic link property off the site, as a fresh site has none (storage is cleared separately). */
export function clearEpicLinks(sandbox: Sandbox): void {
  for (const issue of sandbox.site.issues) delete issue.properties[epicLinksPropertyKey];
}

export const issueOf = (sandbox: Sandbox, key: string) => {
  const issue = sandbox.site.issues.find((candidate) => candidate.key === key);
  if (!issue) throw new Error(`No issue ${key}`);
  return issue;
};

export async function panelOf(sandbox: Sandbox, key: string, as: Actor = 'productManager'): Promise<EpicContext> {
  return valueOf(await sandbox.call('getEpicContext', { as, in: onIssue(key) }));
}

export async function linkEpic(
  sandbox: Sandbox,
  key: string,
  links: { directGoalIds?: string[]; roadmapItemIds?: string[] },
  as: Actor = 'productManager',
): Promise<EpicContext> {
  const current = await panelOf(sandbox, key, as);
  return valueOf(
    await sandbox.call('setEpicLinks', {
      as,
      in: onIssue(key),
      payload: { directGoalIds: links.directGoalIds ?? [], roadmapItemIds: links.roadmapItemIds ?? [], linksVersion: current.links.linksVersion },
    }),
  );
}

/**
 * A roadmap item stored exactly as the roadmap stores one (its own store, in an invocation): the
 * panel only reads items, and this keeps its tests independent of the roadmap tab's calls.
 */
export async function seedItem(sandbox: Sandbox, projectKey: string, item: Partial<RoadmapItemInput> & { title: string }): Promise<{ id: string }> {
  const projectId = sandbox.project(projectKey).id;
  const id = newId('item');
  await sandbox.forge.run(async () => {
    const existing = await itemsOfProject(projectId);
    const now = new Date().toISOString();
    const outcome = await createItem({
      id,
      maxItems: 500,
      now,
      item: {
        projectId,
        title: item.title,
        description: item.description ?? '',
        ...(item.goalId ? { goalId: item.goalId } : {}),
        horizon: item.horizon ?? 'now',
        ...(item.startDate ? { startDate: item.startDate } : {}),
        ...(item.endDate ? { endDate: item.endDate } : {}),
        status: item.status ?? 'planned',
        rank: rankBetween(existing.at(-1)?.rank),
        version: 1,
        createdAt: now,
        createdBy: DEMO_USERS.productManager,
        updatedAt: now,
        updatedBy: { accountId: DEMO_USERS.productManager, displayName: 'Maya Okafor' },
      },
    });
    if (outcome !== 'committed') throw new Error(`Seeding the item failed: ${outcome}`);
  });
  return { id };
}

/** The keys of the issues a JQL search finds, searched as `role` in the simulated Jira itself, once its index caught up. */
export async function jqlKeys(sandbox: Sandbox, jql: string, role: DemoUserRole = 'productManager'): Promise<string[]> {
  searchIndexCatchesUp(sandbox);
  const response = await send(sandbox.jira, { method: 'POST', path: '/rest/api/3/search/jql', body: { jql, fields: ['summary'] }, caller: asUser(role) });
  if (response.status !== 200) throw new Error(`JQL refused (${response.status}): ${response.body}`);
  return bodyOf<{ issues: Array<{ key: string }> }>(response).issues.map((issue) => issue.key).sort();
}

/**
 * Runs `body` while `role` holds only `permissions` in the project, as if an administrator had
 * changed their project role; the demo's permissions come back afterwards.
 */
export async function withPermissions<T>(sandbox: Sandbox, options: { role: DemoUserRole; project: string; permissions: ProjectPermissionKey[] }, body: () => Promise<T>): Promise<T> {
  const project = sandbox.project(options.project);
  const accountId = DEMO_USERS[options.role];
  const before = project.permissions[accountId];
  project.permissions[accountId] = options.permissions;
  try {
    return await body();
  } finally {
    if (before) project.permissions[accountId] = before;
    else delete project.permissions[accountId];
  }
}
