/**
 * What the Goals & KPIs tab costs once epics serve its goals: links come from storage, so two
 * reads more than a project without links (the changes still syncing, for the badge; the roadmap
 * items, for epics serving a goal through one), and the epics are still one search as the user.
 */
import { epicLinksPropertyKey } from '../../../../src/domain/epic-links';
import { createSandbox } from '../../harness';
import { epicsOf, roadmap, seedItem } from '../roadmap/kit';
import { valueOf } from './builders';
import { seedGoal } from './kit';

const sandbox = createSandbox();

test('getStrategy with four epics serving a goal (two through an item): one search for them, and storage takes eight reads besides the roll-up cache', async () => {
  sandbox.forge.kvs.clear();
  for (const issue of sandbox.site.issues) delete issue.properties[epicLinksPropertyKey];
  const goal = await seedGoal(sandbox, { title: 'A' });
  const item = await seedItem(sandbox, { goalId: goal.id });
  const epics = epicsOf(sandbox, 'THR').filter((epic) => epic.securityLevelId === undefined).slice(0, 4);
  const versions = (await roadmap(sandbox)).epics;
  const link = (kind: 'item' | 'goal', id: string, linked: typeof epics) =>
    sandbox.call('linkEpics', {
      as: 'productManager',
      payload: { target: { kind, id }, link: linked.map((epic) => ({ epicId: epic.id, linksVersion: versions.find((v) => v.id === epic.id)!.linksVersion })), unlink: [] },
    });
  valueOf(await link('item', item.id, epics.slice(0, 2)));
  valueOf(await link('goal', goal.id, epics.slice(2)));
  await sandbox.call('getStrategy', { as: 'developer' });

  sandbox.jira.resetStats();
  sandbox.forge.kvs.resetStats();
  const view = valueOf(await sandbox.call('getStrategy', { as: 'developer' }));
  expect(view.goals[0]!.epics.map((epic) => epic.key).sort()).toEqual(epics.map((epic) => epic.key).sort());
  // The permission check, the search for the goals' epics (all indexed: no fetch by id), the roll-ups' delta search;
  // and, the vision naming no product, the project for its name (the page's title, page-title.test.ts).
  expect(sandbox.jira.stats.byRoute).toEqual({ 'GET /rest/api/3/mypermissions': 1, 'GET /rest/api/3/project/{projectIdOrKey}': 1, 'POST /rest/api/3/search/jql': 2 });
  // Eight as without links (strategy-view.test.ts), the open link changes, the roadmap items; four for the roll-up cache.
  expect(sandbox.forge.lastInvocation?.storageOps).toBe(14);
});
