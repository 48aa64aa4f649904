/**
 * The roll-up cache's summaries (src/adapters/storage/epic-rollups.ts): a warm load reads each
 * epic's children in groups and the facts of only the epics its delta touches; facts and summary
 * are written together and never disagree, whoever writes (cold load, warm load, issue event).
 */
import { kvs } from '@forge/kvs';
import { rollupIssueChanged } from '../../../src/index';
import { kvsRollupStore, rollupEntityNames, rollupSyncKey, summaryKey, summarySplits } from '../../../src/adapters/storage/epic-rollups';
import type { CachedEpic } from '../../../src/adapters/storage/epic-rollups';
import type { EventOutcome } from '../../../src/adapters/delivery/issue-events';
import { groupChildren } from '../../../src/domain/child-groups';
import { rollupOf } from '../../../src/domain/epic-rollup';
import { FIELD_IDS, STATUS_IDS } from '../../sandbox/demo';
import { issueEvent } from '../../sandbox/forge/events';
import type { SimIssue } from '../../sandbox/jira/model';
import { rollupKit, rollupOfEpic } from './kit';

const kit = rollupKit();
const { forge, jira, site } = kit;

beforeEach(() => {
  forge.kvs.clear();
  jira.clearFaults();
  kit.resetMeters();
});

const thr = () => kit.projectOf('THR');
const openChildren = (epicId: string) => kit.childrenOf(epicId).filter((c) => kit.categoryOf(c.statusId) !== 'done' && c.securityLevelId === undefined);
/** The `index`th epic of THR with at least two open children every browser sees. */
const epicWithChildren = (index: number) => {
  const epic = kit.epicsOf('THR').filter((candidate) => openChildren(candidate.id).length >= 2)[index];
  if (!epic) throw new Error('the demo should have epics with open children');
  return epic;
};

/** Every epic's summary against its facts record, as storage holds them now. */
async function summariesAgreeWithFacts(): Promise<void> {
  const { summaries, facts } = await forge.run(async () => {
    const store = kvsRollupStore();
    const read = await store.readSummaries(thr().id);
    return { summaries: read.epics, facts: await store.readEpics([...read.epics.keys()]) };
  });
  expect(summaries.size).toBeGreaterThan(0);
  expect([...facts.keys()].sort()).toEqual([...summaries.keys()].sort());
  for (const [epicId, summary] of summaries) {
    const record = facts.get(epicId)!;
    expect({ epicId, version: summary.version, childCount: summary.childCount }).toEqual({ epicId, version: record.version, childCount: record.children.length });
    expect(summary.groups).toEqual(groupChildren(epicId, record.children));
    expect(record.children.every((child) => summary.holds(child.id))).toBe(true);
    expect(summary.childIds().sort()).toEqual(record.children.map((child) => child.id).sort());
  }
}

describe('roll-up summaries', () => {
  test('a warm load reads no facts of epics its delta does not touch: their facts may be gone, their roll-ups stay right', async () => {
    const cold = await kit.load('THR');
    const touched = epicWithChildren(1);
    const child = openChildren(touched.id)[0]!;
    // Only the summaries stand for the other epics now: a load that read their facts would not
    // find them, count those epics as uncached and crawl them (more Jira requests).
    const others = cold.epics.map((entry) => entry.epicId).filter((epicId) => epicId !== touched.id);
    await forge.run(async () => {
      for (const epicId of others) await kvs.entity(rollupEntityNames.epic).delete(epicId);
    });
    kit.tick(30);
    kit.edit(child.key, (issue) => {
      issue.statusId = STATUS_IDS.done;
    });
    kit.tick(1);
    kit.resetMeters();

    const warm = await kit.load('THR');

    expect(warm.sync).toMatchObject({ mode: 'warm', crawledEpics: 0, writtenEpics: 1 });
    expect(jira.stats.byRoute).toEqual({ 'POST /rest/api/3/search/jql': 1 });
    for (const epic of kit.epicsOf('THR')) {
      expect(rollupOfEpic(warm, epic.id).rollup).toEqual(rollupOf(kit.expectedFacts(epic.id, FIELD_IDS.storyPoints)));
    }
    expect((await kit.storedFacts(touched.id)).find((c) => c.id === child.id)).toMatchObject({ category: 'done' });
  });

  test('a warm load answers groups, not children: a few per epic, summing to its roll-up', async () => {
    await kit.load('THR');
    kit.tick(5);
    const warm = await kit.load('THR');
    const counted = warm.epics.filter((entry) => entry.rollup.counts.total > 0);
    expect(counted.length).toBeGreaterThan(0);
    for (const entry of counted) {
      expect(entry.groups.length).toBeLessThanOrEqual(entry.rollup.counts.total);
      expect(entry.groups.reduce((sum, group) => sum + (group.issues ?? 1), 0)).toBe(entry.rollup.counts.total);
      expect(rollupOf(entry.groups)).toEqual(entry.rollup);
    }
  });

  test('facts and summaries agree after a cold load, a warm load that moves a child, and an issue event', async () => {
    await kit.load('THR');
    await summariesAgreeWithFacts();

    const [from, to] = [epicWithChildren(2), epicWithChildren(3)];
    const moved = openChildren(from.id)[0]!;
    kit.tick(5);
    kit.edit(moved.key, (issue) => {
      issue.parentId = to.id;
    });
    kit.tick(1);
    const warm = await kit.load('THR');
    expect(warm.sync.writtenEpics).toBe(2);
    await summariesAgreeWithFacts();
    const summaries = await forge.run(async () => (await kvsRollupStore().readSummaries(thr().id)).epics);
    expect(summaries.get(to.id)!.holds(moved.id)).toBe(true);
    expect(summaries.get(from.id)!.holds(moved.id)).toBe(false);

    const open = openChildren(to.id).find((c) => c.id !== moved.id)!;
    const before = open.statusId;
    kit.edit(open.key, (issue) => {
      issue.statusId = STATUS_IDS.done;
    });
    const outcome = (await forge.fireTrigger(
      rollupIssueChanged,
      issueEvent(site, { eventType: 'avi:jira:updated:issue', issueKey: open.key, changelog: [{ field: 'status', fieldId: 'status', from: before, fromString: before, to: STATUS_IDS.done, toString: STATUS_IDS.done }] }),
    )) as EventOutcome;
    expect(outcome).toEqual({ action: 'applied', epics: [to.id], droppedEpics: [] });
    await summariesAgreeWithFacts();
  });

  test('an issue event and a warm load at once lose no change', async () => {
    await kit.load('THR');
    const epic = epicWithChildren(4);
    const [byEvent, byDelta] = openChildren(epic.id) as [SimIssue, SimIssue];
    kit.tick(5);
    const before = byEvent.statusId;
    kit.edit(byEvent.key, (issue) => {
      issue.statusId = STATUS_IDS.done;
      issue.customFields[FIELD_IDS.storyPoints] = 8;
    });
    kit.edit(byDelta.key, (issue) => {
      issue.statusId = STATUS_IDS.inProgress;
      issue.customFields[FIELD_IDS.storyPoints] = 5;
    });
    kit.tick(1);
    const event = issueEvent(site, { eventType: 'avi:jira:updated:issue', issueKey: byEvent.key, changelog: [{ field: 'status', fieldId: 'status', from: before, fromString: before, to: STATUS_IDS.done, toString: STATUS_IDS.done }] });

    await Promise.all([kit.load('THR'), forge.fireTrigger(rollupIssueChanged, event)]);
    kit.tick(1);
    const after = await kit.load('THR');

    expect(rollupOfEpic(after, epic.id).rollup).toEqual(rollupOf(kit.expectedFacts(epic.id, FIELD_IDS.storyPoints)));
    await summariesAgreeWithFacts();
  });

  test('a cache written in the facts format before summaries is crawled afresh once, then warm', async () => {
    await kit.load('THR');
    // As the previous release left it: the sync marker of format 2, and no summaries.
    await forge.run(async () => {
      const syncs = kvs.entity<Record<string, unknown>>(rollupEntityNames.sync);
      const marker = await syncs.get(rollupSyncKey(thr().id));
      await syncs.set(rollupSyncKey(thr().id), { ...marker, facts: 2 });
      for (const epic of kit.epicsOf('THR')) await kvs.entity(rollupEntityNames.epic).delete(summaryKey(epic.id));
    });
    kit.tick(5);
    const again = await kit.load('THR');
    expect(again.sync).toMatchObject({ mode: 'cold', reason: 'first-load' });
    for (const epic of kit.epicsOf('THR')) {
      expect(rollupOfEpic(again, epic.id).rollup).toEqual(rollupOf(kit.expectedFacts(epic.id, FIELD_IDS.storyPoints)));
    }
    await summariesAgreeWithFacts();
    kit.tick(5);
    expect((await kit.load('THR')).sync).toMatchObject({ mode: 'warm' });
  });

  test('a big project\'s summaries are read in ranges at once, all of them even when the ranges are stale', async () => {
    const projectId = '77000';
    const epic = (n: number): CachedEpic => ({ epicId: String(50_000 + n * 7), projectId, syncedAt: '2026-12-01T00:00:00.000Z', version: 0, children: [{ id: String(90_000 + n), category: 'todo', sprintIds: [] }] });
    const first = Array.from({ length: 250 }, (_, n) => epic(n));
    const setup = { fields: [], boards: [] } as unknown as Parameters<ReturnType<typeof kvsRollupStore>['writeSync']>[0]['setup'];
    const splits = summarySplits(first.map((e) => e.epicId));
    expect(splits).toHaveLength(2);
    await forge.run(() => kvsRollupStore().writeEpics({ put: first }));
    await forge.run(() => kvsRollupStore().writeSync({ projectId, syncedAt: '2026-12-01T00:00:00.000Z', fullSyncAt: '2026-12-01T00:00:00.000Z', setup, summarySplits: splits }));
    // Since the splits were written: 60 epics more (between and beyond them), 5 gone.
    const added = Array.from({ length: 60 }, (_, n) => ({ ...epic(250 + n), epicId: `${50_000 + n * 29}5` }));
    const gone = [first[0]!, first[89]!, first[90]!, first[180]!, first[249]!].map((e) => e.epicId);
    await forge.run(() => kvsRollupStore().writeEpics({ put: added, remove: gone }));
    kit.resetMeters();

    const staged = await forge.run(async () => {
      const read = await kvsRollupStore().readSummariesInStages(projectId);
      return { ...read, epics: await read.epics };
    });

    const expected = [...first.map((e) => e.epicId).filter((id) => !gone.includes(id)), ...added.map((e) => e.epicId)].sort();
    expect([...staged.epics.keys()].sort()).toEqual(expected);
    expect(staged.sync?.summarySplits).toEqual(splits);
    // Three ranges, each a page or two: more queries than one cursor chain, none of them waiting on another range.
    expect(forge.kvs.stats.queries).toBeLessThanOrEqual(8);
  });
});
