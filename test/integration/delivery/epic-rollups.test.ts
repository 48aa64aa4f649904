import { rollupOf } from '../../../src/domain/epic-rollup';
import { FIELD_IDS, STATUS_IDS } from '../../sandbox/demo';
import { rollupKit, rollupOfEpic } from './kit';

const kit = rollupKit();
const { forge, jira } = kit;

beforeEach(() => {
  forge.kvs.clear();
  jira.clearFaults();
  kit.resetMeters();
});

/** An epic of THR with at least `n` children, one of each kind the test needs. */
const thrEpic = (index: number) => kit.epicsOf('THR')[index] as NonNullable<ReturnType<typeof kit.epicsOf>[number]>;

describe('loadEpicRollups', () => {
  test('a first load crawls every epic and rolls up its children by status category, with story points', async () => {
    const loaded = await kit.load('THR');
    expect(loaded.sync).toMatchObject({ mode: 'cold', reason: 'first-load' });
    expect(loaded.pending).toEqual([]);
    expect(loaded.epics).toHaveLength(kit.epicsOf('THR').length);
    for (const epic of kit.epicsOf('THR')) {
      expect(rollupOfEpic(loaded, epic.id).rollup).toEqual(rollupOf(kit.expectedFacts(epic.id, FIELD_IDS.storyPoints)));
    }
    const all = loaded.epics.map((e) => e.rollup);
    expect(all.some((r) => r.unestimated.total > 0)).toBe(true); // the demo leaves some issues unestimated
    expect(all.reduce((sum, r) => sum + r.points.total, 0)).toBeGreaterThan(100);
  });

  test('leaves subtasks out: an epic’s children are its standard issues', async () => {
    const loaded = await kit.load('THR');
    const stored = await Promise.all(loaded.epics.map((e) => kit.storedFacts(e.epicId)));
    const counted = new Set(stored.flat().map((c) => c.id));
    expect(counted.size).toBe(loaded.epics.reduce((sum, e) => sum + e.rollup.counts.total, 0));
    const subtasks = kit.site.issues.filter((i) => i.projectId === kit.projectOf('THR').id && kit.site.issueTypes.find((t) => t.id === i.issueTypeId)?.hierarchyLevel === -1);
    expect(subtasks.length).toBeGreaterThan(0);
    expect(subtasks.some((s) => counted.has(s.id))).toBe(false);
  });

  test('a warm load asks Jira one search and reads storage a few times', async () => {
    const cold = await kit.load('THR');
    kit.tick(10);
    kit.resetMeters();
    const warm = await kit.load('THR');
    expect(warm.sync).toMatchObject({ mode: 'warm', writtenEpics: 0 });
    expect(jira.stats.requests).toBeLessThanOrEqual(3);
    expect(jira.stats.byRoute).toEqual({ 'POST /rest/api/3/search/jql': 1 });
    expect(forge.lastInvocation?.storageOps).toBeLessThanOrEqual(5);
    expect(warm.epics.map((e) => e.rollup)).toEqual(cold.epics.map((e) => e.rollup));
  });

  test('a child updated in Jira shows on the next warm load, through the delta query', async () => {
    const epic = thrEpic(8);
    await kit.load('THR');
    const child = kit.childrenOf(epic.id).find((c) => kit.categoryOf(c.statusId) !== 'done' && typeof c.customFields[FIELD_IDS.storyPoints] === 'number');
    if (!child) throw new Error('the demo epic should have an estimated open child');
    kit.tick(30);
    kit.edit(child.key, (issue) => {
      issue.statusId = STATUS_IDS.done;
      issue.customFields[FIELD_IDS.storyPoints] = 21;
    });
    kit.tick(1);
    kit.resetMeters();
    const warm = await kit.load('THR');
    expect(warm.sync).toMatchObject({ mode: 'warm', writtenEpics: 1 });
    expect(warm.sync.changedIssues).toBeGreaterThanOrEqual(1);
    expect(jira.stats.requests).toBe(1);
    expect((await kit.storedFacts(epic.id)).find((c) => c.id === child.id)).toMatchObject({ category: 'done', points: 21 });
    expect(rollupOfEpic(warm, epic.id).rollup).toEqual(rollupOf(kit.expectedFacts(epic.id, FIELD_IDS.storyPoints)));
  });

  test('a child moved to another epic leaves the old one and joins the new one', async () => {
    const [from, to] = [thrEpic(2), thrEpic(3)];
    await kit.load('THR');
    const child = kit.childrenOf(from.id)[0];
    if (!child) throw new Error('the demo epic should have children');
    const before = { from: kit.childrenOf(from.id).length, to: kit.childrenOf(to.id).length };
    kit.tick(5);
    kit.edit(child.key, (issue) => {
      issue.parentId = to.id;
    });
    kit.tick(1);
    const warm = await kit.load('THR');
    expect(rollupOfEpic(warm, from.id).rollup.counts.total).toBe(before.from - 1);
    expect(rollupOfEpic(warm, to.id).rollup.counts.total).toBe(before.to + 1);
    expect((await kit.storedFacts(to.id)).map((c) => c.id)).toContain(child.id);
    expect((await kit.storedFacts(from.id)).map((c) => c.id)).not.toContain(child.id);
    expect(warm.sync.writtenEpics).toBe(2);
  });

  test('a child that lost its epic leaves it', async () => {
    const epic = thrEpic(4);
    await kit.load('THR');
    const child = kit.childrenOf(epic.id)[0];
    if (!child) throw new Error('the demo epic should have children');
    kit.tick(5);
    kit.edit(child.key, (issue) => {
      delete issue.parentId;
    });
    kit.tick(1);
    const warm = await kit.load('THR');
    expect((await kit.storedFacts(epic.id)).map((c) => c.id)).not.toContain(child.id);
    expect(rollupOfEpic(warm, epic.id).rollup).toEqual(rollupOf(kit.expectedFacts(epic.id, FIELD_IDS.storyPoints)));
  });

  test('a child turned into a subtask leaves its epic', async () => {
    const epic = thrEpic(6);
    await kit.load('THR');
    const child = kit.childrenOf(epic.id)[0];
    const subtaskType = kit.site.issueTypes.find((t) => t.hierarchyLevel === -1 && !t.scopeProjectId);
    if (!child || !subtaskType) throw new Error('the demo site should have a child and a subtask type');
    kit.tick(5);
    kit.edit(child.key, (issue) => {
      issue.issueTypeId = subtaskType.id;
    });
    kit.tick(1);
    const warm = await kit.load('THR');
    expect((await kit.storedFacts(epic.id)).map((c) => c.id)).not.toContain(child.id);
    expect(rollupOfEpic(warm, epic.id).rollup).toEqual(rollupOf(kit.expectedFacts(epic.id, FIELD_IDS.storyPoints)));
  });

  test('refuses ids that are not Jira ids before they reach JQL', async () => {
    await expect(kit.load('THR', { epicIds: ['10001) OR project in (FIN'] })).rejects.toThrow(/Not a Jira id/);
  });

  test('an epic gone from the project (deleted or moved) is dropped from the cache', async () => {
    const epicIds = kit.epicsOf('THR').map((e) => e.id);
    await kit.load('THR');
    kit.tick(5);
    const warm = await kit.load('THR', { epicIds: epicIds.slice(1) });
    expect(warm.sync.droppedEpics).toBe(1);
    expect(warm.epics.map((e) => e.epicId)).not.toContain(epicIds[0]);
    // Asked for again, it is crawled afresh.
    kit.tick(5);
    const again = await kit.load('THR');
    expect(again.sync).toMatchObject({ mode: 'warm', crawledEpics: 1 });
    expect(again.epics).toHaveLength(epicIds.length);
  });

  test('a few epics can be loaded without dropping the others', async () => {
    const epicIds = kit.epicsOf('THR').map((e) => e.id);
    await kit.load('THR');
    kit.tick(5);
    const some = await kit.load('THR', { epicIds: epicIds.slice(0, 2), allEpics: false });
    expect(some.epics.map((e) => e.epicId)).toEqual(epicIds.slice(0, 2));
    expect(some.sync.droppedEpics).toBe(0);
    kit.resetMeters();
    kit.tick(5);
    await kit.load('THR');
    expect(jira.stats.requests).toBe(1);
  });

  test('an epic the cache has not seen is crawled on a warm load, in the same pass', async () => {
    const epicIds = kit.epicsOf('THR').map((e) => e.id);
    await kit.load('THR', { epicIds: epicIds.slice(0, 5) });
    kit.tick(5);
    kit.resetMeters();
    const warm = await kit.load('THR');
    expect(warm.sync).toMatchObject({ mode: 'warm', crawledEpics: epicIds.length - 5 });
    expect(warm.epics).toHaveLength(epicIds.length);
  });

  test('a cold load short of time returns what it has; the next load crawls the rest', async () => {
    let calls = 0;
    const loaded = await kit.load('THR', {
      crawl: { epicsPerQuery: 3, concurrency: 1, reserveMs: 5_000 },
      remainingMs: () => (++calls <= 2 ? 20_000 : 4_000),
    });
    expect(loaded.epics).toHaveLength(6);
    expect(loaded.pending).toHaveLength(kit.epicsOf('THR').length - 6);
    kit.tick(5);
    const next = await kit.load('THR');
    expect(next.sync).toMatchObject({ mode: 'warm', crawledEpics: loaded.pending.length });
    expect(next.pending).toEqual([]);
    expect(next.epics).toHaveLength(kit.epicsOf('THR').length);
  });

  test('is shared by everyone who may browse the project: a developer’s load reuses the manager’s cache', async () => {
    await kit.load('THR', { as: 'productManager' });
    kit.tick(5);
    kit.resetMeters();
    const developer = await kit.load('THR', { as: 'developer' });
    expect(developer.sync.mode).toBe('warm');
    expect(jira.stats.requests).toBe(1);
  });

  test('crawls the project afresh a week after the last full crawl', async () => {
    await kit.load('THR');
    kit.tick(7 * 24 * 60 + 1);
    const later = await kit.load('THR');
    expect(later.sync).toMatchObject({ mode: 'cold', reason: 'stale' });
  });

  test('still answers when Jira rate-limits the delta search once', async () => {
    await kit.load('THR');
    kit.tick(5);
    jira.setFaults({ rateLimit: { count: 1, signal: 'retry-after', retryAfterSeconds: 0.1, match: '/rest/api/3/search/jql' } });
    const warm = await kit.load('THR');
    expect(warm.sync.mode).toBe('warm');
    expect(warm.epics).toHaveLength(kit.epicsOf('THR').length);
  });
});
