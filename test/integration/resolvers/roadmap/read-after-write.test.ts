/**
 * The pieces the app reads its own link writes with, while Jira's search index is behind: the
 * search adapter's `reconcileIssues` across pages, and the record of recent link writes.
 */
import { epicLinksPropertyKey, goalSearchAlias } from '../../../../src/domain/epic-links';
import { createJiraClient } from '../../../../src/adapters/jira/client';
import { searchAllIssues } from '../../../../src/adapters/jira/search';
import { recentlyLinkedEpicIds, rememberLinkWrites, searchLagAllowanceMs } from '../../../../src/adapters/delivery/recent-link-writes';
import { DEMO_USERS } from '../../../sandbox/demo';
import { createSandbox } from '../../harness';
import { epicsOf, searchIndexLags } from './kit';

const sandbox = createSandbox();
const asProductManager = { accountId: DEMO_USERS.productManager };

beforeEach(() => {
  sandbox.forge.kvs.clear();
  for (const issue of sandbox.site.issues) delete issue.properties[epicLinksPropertyKey];
  searchIndexLags(sandbox);
});

describe('searching with reconcileIssues', () => {
  test('every page carries the same ids, so epics written a moment ago are found on whichever page they fall', async () => {
    const epics = epicsOf(sandbox, 'THR').slice(0, 5);
    const links = { directGoalIds: ['goal-1'], roadmapItemIds: [], goalIds: ['goal-1'], version: 1 };
    for (const epic of epics) {
      const put = await sandbox.jira.handle({
        method: 'PUT',
        path: `/rest/api/3/issue/${epic.id}/properties/${epicLinksPropertyKey}`,
        body: JSON.stringify(links),
        caller: { kind: 'user', accountId: DEMO_USERS.productManager },
      });
      expect(put.status).toBe(201);
    }
    sandbox.jira.resetStats();
    const search = (reconcile: string[]) =>
      sandbox.forge.run(
        () =>
          searchAllIssues(createJiraClient({ actor: 'user' }), {
            jql: `${goalSearchAlias} = "goal-1" ORDER BY key ASC`,
            fields: ['summary'],
            pageSize: 2,
            reconcileIssues: reconcile,
          }),
        asProductManager,
      );

    expect(await search([])).toEqual([]);
    const found = await search(epics.map((epic) => epic.id));
    expect(found.map((issue) => issue.id).sort()).toEqual(epics.map((epic) => epic.id).sort());
    expect(sandbox.jira.stats.byRoute['POST /rest/api/3/search/jql']).toBe(1 + 3);
  });

  test('more than 50 ids, or anything but issue ids, is refused before Jira is asked', async () => {
    sandbox.jira.resetStats();
    const search = (reconcileIssues: string[]) =>
      sandbox.forge.run(() => searchAllIssues(createJiraClient({ actor: 'user' }), { jql: 'project = THR', fields: ['summary'], reconcileIssues }), asProductManager);

    await expect(search(Array.from({ length: 51 }, (_, n) => String(10_000 + n)))).rejects.toThrow(RangeError);
    await expect(search(['THR-1'])).rejects.toThrow(RangeError);
    expect(sandbox.jira.stats.requests).toBe(0);
  });
});

describe('the record of recent link writes', () => {
  const at = (ms: number) => new Date(Date.parse('2026-12-07T10:00:00.000Z') + ms).toISOString();

  test('lists the epics written within the allowance, newest first, each once', async () => {
    await sandbox.forge.run(async () => {
      await rememberLinkWrites(['1', '2'], at(0));
      await rememberLinkWrites(['3'], at(1_000));
      await rememberLinkWrites(['1'], at(2_000));
      expect(await recentlyLinkedEpicIds(at(2_000))).toEqual(['1', '3', '2']);
      expect(await recentlyLinkedEpicIds(at(searchLagAllowanceMs))).toEqual(['1', '3']);
      expect(await recentlyLinkedEpicIds(at(2_000 + searchLagAllowanceMs))).toEqual([]);
    });
  });

  test('keeps the newest 50, as many as one search can reconcile', async () => {
    await sandbox.forge.run(async () => {
      for (let n = 0; n < 60; n += 1) await rememberLinkWrites([String(100 + n)], at(n));
      const recent = await recentlyLinkedEpicIds(at(60));
      expect(recent).toHaveLength(50);
      expect(recent[0]).toBe('159');
      expect(recent.at(-1)).toBe('110');
    });
  });
});
