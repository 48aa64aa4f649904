/**
 * Roll-up tests run the real loader, store and triggers inside Forge invocations of the sandbox, as
 * a resolver or a trigger would, against the demo site. The site is live data: tests change issues
 * and the next load must see it. Expectations are worked out from the site, not hard-coded.
 */
import { createJiraClient } from '../../../src/adapters/jira/client';
import { loadEpicRollups } from '../../../src/adapters/delivery/load-epic-rollups';
import type { LoadEpicRollupsOptions, LoadedRollups } from '../../../src/adapters/delivery/load-epic-rollups';
import { loadProjectSprints } from '../../../src/adapters/delivery/project-sprints';
import { kvsRollupStore } from '../../../src/adapters/storage/epic-rollups';
import type { ChildFact, TimelineSprint } from '../../../src/domain/delivery';
import { DEMO_USERS } from '../../sandbox/demo';
import type { DemoUserRole } from '../../sandbox/demo';
import type { SimIssue, SimSite } from '../../sandbox/jira/model';
import { createSandbox } from '../harness';
import type { Sandbox } from '../harness';

export type Kit = ReturnType<typeof rollupKit>;

export function rollupKit(sandbox: Sandbox = createSandbox()) {
  const { site, forge, jira } = sandbox;
  let clockMs = Date.parse(site.now);
  const level = new Map(site.issueTypes.map((t) => [t.id, t.hierarchyLevel]));
  const category = new Map(site.statuses.map((s) => [s.id, s.category]));

  const projectOf = (key: string) => sandbox.project(key);
  const issue = (key: string): SimIssue => {
    const found = site.issues.find((i) => i.key === key);
    if (!found) throw new Error(`No issue ${key}`);
    return found;
  };
  const epicsOf = (key: string): SimIssue[] => site.issues.filter((i) => i.projectId === projectOf(key).id && level.get(i.issueTypeId) === 1);
  const childrenOf = (epicId: string): SimIssue[] => site.issues.filter((i) => i.parentId === epicId && level.get(i.issueTypeId) === 0);

  /**
   * What a child's facts should be, read from the site with the given story-point field. Children
   * with a security level are in no roll-up: the cache is shared by every browser of the project.
   */
  const expectedFacts = (epicId: string, pointsFieldId: string | undefined): ChildFact[] =>
    childrenOf(epicId).filter((c) => c.securityLevelId === undefined).map((c) => {
      const points = pointsFieldId ? c.customFields[pointsFieldId] : undefined;
      const cat = category.get(c.statusId);
      return {
        id: c.id,
        category: cat === 'done' ? 'done' : cat === 'indeterminate' ? 'in-progress' : 'todo',
        ...(typeof points === 'number' ? { points } : {}),
        sprintIds: c.sprintIds,
      };
    });

  return {
    sandbox,
    site,
    forge,
    jira,
    projectOf,
    issue,
    epicsOf,
    childrenOf,
    expectedFacts,
    categoryOf: (statusId: string) => category.get(statusId),
    /** The app's "now" as an ISO instant; `tick` moves it on. */
    now: () => new Date(clockMs).toISOString(),
    tick(minutes = 1): string {
      clockMs += minutes * 60_000;
      return new Date(clockMs).toISOString();
    },
    /** Changes an issue the way a person in Jira would: the change, then `updated` moves to now. */
    edit(key: string, change: (issue: SimIssue) => void): SimIssue {
      const target = issue(key);
      change(target);
      target.updated = new Date(clockMs).toISOString();
      return target;
    },
    /** The roll-ups of a project's epics, loaded as `as` inside a resolver-like invocation. */
    load(key: string, options: Partial<LoadEpicRollupsOptions> & { as?: DemoUserRole } = {}): Promise<LoadedRollups> {
      const { as = 'productManager', ...rest } = options;
      const project = projectOf(key);
      return forge.run(
        () =>
          loadEpicRollups(createJiraClient({ actor: 'user' }), kvsRollupStore(), {
            projectId: project.id,
            epicIds: epicsOf(key).map((e) => e.id),
            now: new Date(clockMs).toISOString(),
            allEpics: true,
            ...rest,
          }),
        { accountId: DEMO_USERS[as], timeoutMs: 25_000 },
      );
    },
    /** The children the cache holds for an epic (its facts record: loads answer groups, not children). */
    storedFacts(epicId: string): Promise<ChildFact[]> {
      return forge.run(async () => [...((await kvsRollupStore().readEpics([epicId])).get(epicId)?.children ?? [])]);
    },
    sprints(key: string): Promise<TimelineSprint[]> {
      return forge.run(async () => (await loadProjectSprints(createJiraClient({ actor: 'user' }), { projectId: projectOf(key).id })).sprints, {
        accountId: DEMO_USERS.productManager,
      });
    },
    /** Costs of the next call, read after it. */
    resetMeters(): void {
      jira.resetStats();
      forge.kvs.resetStats();
    },
  };
}

export function rollupOfEpic(loaded: LoadedRollups, epicId: string) {
  const entry = loaded.epics.find((e) => e.epicId === epicId);
  if (!entry) throw new Error(`No roll-up for epic ${epicId}`);
  return entry;
}

export type { SimSite };
