/**
 * The roll-up cache in Forge storage (manifest entity `epic-rollup`, and sync markers in `project-shape`).
 *
 * Layout, and why:
 * - one `epic-rollup` record per epic, key = epic id (ids survive key renames and project moves),
 *   partitioned by project for the `by-project` index. It holds the facts of the epic's children as
 *   compact tuples `[id, category, sprintIds, points?, fixVersionIds?]` (about 25 bytes a child: 8,000 children fit
 *   well under the 240 KiB value limit), not the roll-up: the roll-up is recomputed from the facts
 *   on every read (cheap), and the facts are what an incremental update needs. An epic too big for
 *   one record is stored without facts (`overflow`) and crawled afresh on each load.
 * - beside it, one SUMMARY record per epic (key `summary.<epic id>`, same entity, in the `summaries`
 *   index by `summaryOf` = project id; facts records lack `summaryOf`, summaries lack `projectId`,
 *   so each index holds one kind): the epic's children grouped by category, sprints and fix
 *   versions (src/domain/child-groups.ts: a few groups, not 100 tuples) and their ids as one
 *   string, to find which epic holds a changed child without reading facts. A warm load reads the
 *   project's summaries, then the facts of only the epics its delta touches: its cost follows the
 *   epics and the changes, not the children (100,000 children: ~1.5 MB of summaries against
 *   ~3 MB of tuples turned into 100,000 objects). Facts and summary are written in ONE
 *   transaction with the facts' version, so they never disagree; a facts record's summary carries
 *   its version.
 * - one `rollup-sync` record per project, key `rollup-sync.<project id>` in `project-shape`: when the project's records were last
 *   synced (the next delta query starts there), when they were last crawled in full, and the field
 *   ids the facts were read with (story points, sprint) plus what chose them, so a warm load asks
 *   Jira nothing but the delta.
 * Invariant: every `epic-rollup` record of a project reflects Jira as of its project's `syncedAt`.
 *
 * The cache is shared by everyone who opens the project: see `loadEpicRollups` for who may see it.
 */
import { Filter, FilterConditions, ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import type { ChildFact } from '../../domain/delivery';
import { groupChildren, groupId } from '../../domain/child-groups';
import type { StatusCategory } from '../../domain/model';
import type { EstimationSetup } from '../jira/story-points';
import { inBatches, mapWithConcurrency } from '../concurrency';
import { loadStoryPointOverride } from './story-point-setting';
import { placeOf } from './record-places';
import type { StoryPointOverride } from './story-point-setting';

export const rollupEntityNames = { epic: 'epic-rollup', sync: placeOf('rollup-sync', '').entityName } as const;
/** An epic's summary record, beside its facts record (key = epic id) in `epic-rollup`. */
export const summaryKey = (epicId: string): string => `summary.${epicId}`;
/** A project's sync marker lives in `project-shape` under `rollup-sync.<project id>` (record-places.ts). */
export const rollupSyncKey = (projectId: string): string => placeOf('rollup-sync', projectId).key;

/**
 * `[id, category, sprintIds, points?, fixVersionIds?]`; category 0 to do, 1 in progress, 2 done; no
 * points = unestimated (null when fix versions follow).
 */
export type ChildTuple = [string, 0 | 1 | 2, number[]] | [string, 0 | 1 | 2, number[], number] | [string, 0 | 1 | 2, number[], number | null, string[]];

interface EpicRollupValue {
  projectId: string;
  epicId: string;
  syncedAt: string;
  version: number;
  childCount: number;
  children?: ChildTuple[];
  overflow?: boolean;
}

/**
 * `[category, sprintIds, points, issues, unestimated, fixVersionIds?]`: a group of an epic's
 * children (src/domain/child-groups.ts); points null when none is estimated.
 */
type GroupTuple = [0 | 1 | 2, number[], number | null, number, number] | [0 | 1 | 2, number[], number | null, number, number, string[]];

interface EpicSummaryValue {
  /** The project's id: the `summaries` index's partition (a facts record has `projectId` instead). */
  summaryOf: string;
  epicId: string;
  syncedAt: string;
  /** The facts record's version, written in the same transaction. */
  version: number;
  childCount: number;
  groups?: GroupTuple[];
  /** `,id,id,…,`: the children's ids, so finding the holder of a changed child reads no facts. */
  childIds?: string;
  overflow?: boolean;
}

/**
 * The facts' format: 2 since children carry their fix versions, 3 since every facts record has a
 * summary beside it. A sync record of another format reads as none, so the project's next load
 * crawls its epics afresh once (an incremental sync would only bring the versions of children
 * that changed, and records of format 2 have no summaries for a warm load to read).
 */
export const factsFormat = 3;

interface RollupSyncValue {
  facts?: number;
  summarySplits?: string[];
  projectId: string;
  syncedAt: string;
  fullSyncAt: string;
  pointsFieldId?: string;
  sprintFieldId?: string;
  setup: EstimationSetup;
}

export interface CachedEpic {
  epicId: string;
  projectId: string;
  syncedAt: string;
  /** 0 for a record not stored yet. */
  version: number;
  children: readonly ChildFact[];
  /** Too many children for one record: no facts kept. */
  overflow?: boolean;
}

export interface SyncMarker {
  projectId: string;
  syncedAt: string;
  fullSyncAt: string;
  pointsFieldId?: string;
  sprintFieldId?: string;
  setup: EstimationSetup;
  /**
   * Epic ids splitting the project's summaries into ranges of about `summaryRangeSize`
   * (`summarySplits`), as the last load left them: the next load queries the ranges at once
   * instead of one cursor page after another (each a storage round trip on Forge). Stale splits
   * cost only a page more; absent, the pages are read in a row.
   */
  summarySplits?: string[];
}

/** Epics per range of `summarySplits`: a range and the epics added to it since fit one query page. */
export const summaryRangeSize = 90;

/** Every `summaryRangeSize`th of the epic ids, in the index's (string) order. */
export function summarySplits(epicIds: Iterable<string>): string[] {
  const sorted = [...new Set(epicIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.filter((_, i) => i > 0 && i % summaryRangeSize === 0);
}

export interface CachedProject {
  sync?: SyncMarker;
  /** Every record of the project, by epic id. */
  epics: Map<string, CachedEpic>;
}

/** What a warm load reads of an epic: its children as groups, never one by one. */
export interface EpicSummary {
  epicId: string;
  projectId: string;
  syncedAt: string;
  version: number;
  childCount: number;
  /** `groupChildren(epicId, facts)`: every roll-up, velocity and placement reads these. */
  groups: readonly ChildFact[];
  overflow?: boolean;
  /** Whether the epic's facts hold this child (exact: the ids are kept, not a filter). */
  holds(childId: string): boolean;
  /** The children's ids (built on demand: most loads ask `holds` for a few ids only). */
  childIds(): string[];
}

export interface CachedSummaries {
  sync?: SyncMarker;
  /** Every summary of the project, by epic id. */
  epics: Map<string, EpicSummary>;
}

/** The storage side of the roll-up cache; `kvsRollupStore` is the real one. */
export interface RollupStore {
  /** Every facts record of the project: cost grows with its children (tests, tools). */
  readProject(projectId: string): Promise<CachedProject>;
  /** The project's summaries and sync marker: what a warm load reads. */
  readSummaries(projectId: string): Promise<CachedSummaries>;
  /**
   * The same in two stages: the marker and whether there is any summary (one round trip), then
   * the rest of the pages (each a round trip on Forge): a warm load sends its delta search between.
   */
  readSummariesInStages(projectId: string): Promise<{ sync?: SyncMarker; any: boolean; epics: Promise<Map<string, EpicSummary>> }>;
  readSync(projectId: string): Promise<SyncMarker | undefined>;
  readEpics(epicIds: readonly string[]): Promise<Map<string, CachedEpic>>;
  /**
   * Writes records: `put` replaces unconditionally (fresh crawls), `update` only if the record is
   * still at its `version` (incremental changes), `remove` deletes. Returns the `update`s that met
   * a newer version (someone else changed the record meanwhile).
   */
  writeEpics(changes: { put?: readonly CachedEpic[]; update?: readonly CachedEpic[]; remove?: readonly string[] }): Promise<{ conflicts: string[] }>;
  writeSync(marker: SyncMarker): Promise<void>;
  /** The admin's story-point field override for the project (or the site). */
  readOverride(projectId: string): Promise<StoryPointOverride>;
}

const categoryCode: Record<StatusCategory, 0 | 1 | 2> = { todo: 0, 'in-progress': 1, done: 2 };
const categoryOfCode: Record<number, StatusCategory> = { 0: 'todo', 1: 'in-progress', 2: 'done' };

export const toTuple = (child: ChildFact): ChildTuple => {
  if (child.fixVersionIds?.length) return [child.id, categoryCode[child.category], [...child.sprintIds], child.points ?? null, [...child.fixVersionIds]];
  return child.points === undefined
    ? [child.id, categoryCode[child.category], [...child.sprintIds]]
    : [child.id, categoryCode[child.category], [...child.sprintIds], child.points];
};

/** Built by assignment, not spreads: a warm load of a 100,000-child project reads every one. */
export const fromTuple = ([id, category, sprintIds, points, fixVersionIds]: ChildTuple): ChildFact => {
  const fact: { id: string; category: ChildFact['category']; points?: number; sprintIds: number[]; fixVersionIds?: string[] } = { id, category: categoryOfCode[category] ?? 'todo', sprintIds };
  if (points !== undefined && points !== null) fact.points = points;
  if (fixVersionIds?.length) fact.fixVersionIds = fixVersionIds;
  return fact;
};

/** Room left under the 240 KiB value limit for the other attributes and JSON overhead. */
export const maxChildrenBytes = 200 * 1024;

const batchLimit = 25;
/** Facts and summary of an epic are two operations of one transaction: 12 epics within Forge's 25. */
const epicsPerTransaction = Math.floor(batchLimit / 2);
const writeConcurrency = 4;
const queryPage = 100;

function toValue(epic: CachedEpic, version: number): EpicRollupValue {
  const base = { projectId: epic.projectId, epicId: epic.epicId, syncedAt: epic.syncedAt, version, childCount: epic.children.length };
  const children = epic.children.map(toTuple);
  if (epic.overflow || JSON.stringify(children).length > maxChildrenBytes) return { ...base, overflow: true };
  return { ...base, children };
}

const toGroupTuple = (group: ChildFact): GroupTuple => {
  const head: [0 | 1 | 2, number[], number | null, number, number] = [categoryCode[group.category], [...group.sprintIds], group.points ?? null, group.issues ?? 1, group.unestimated ?? (group.points === undefined ? 1 : 0)];
  return group.fixVersionIds?.length ? [...head, [...group.fixVersionIds]] : head;
};

const fromGroupTuple = (epicId: string, [category, sprintIds, points, issues, unestimated, fixVersionIds]: GroupTuple, index: number): ChildFact => {
  const group: { id: string; category: ChildFact['category']; sprintIds: number[]; points?: number; issues: number; unestimated: number; fixVersionIds?: string[] } = {
    id: groupId(epicId, index),
    category: categoryOfCode[category] ?? 'todo',
    sprintIds,
    issues,
    unestimated,
  };
  if (points !== null) group.points = points;
  if (fixVersionIds?.length) group.fixVersionIds = fixVersionIds;
  return group;
};

/** The summary written with a facts value: derived from the same children, so the two agree. */
function toSummaryValue(epic: CachedEpic, facts: EpicRollupValue): EpicSummaryValue {
  const base = { summaryOf: epic.projectId, epicId: epic.epicId, syncedAt: facts.syncedAt, version: facts.version, childCount: facts.childCount };
  if (facts.overflow) return { ...base, overflow: true };
  return { ...base, groups: groupChildren(epic.epicId, epic.children).map(toGroupTuple), childIds: `,${epic.children.map((child) => child.id).join(',')},` };
}

function fromSummaryValue(value: EpicSummaryValue): EpicSummary {
  const childIds = value.childIds ?? ',';
  return {
    epicId: value.epicId,
    projectId: value.summaryOf,
    syncedAt: value.syncedAt,
    version: value.version,
    childCount: value.childCount,
    groups: (value.groups ?? []).map((tuple, index) => fromGroupTuple(value.epicId, tuple, index)),
    ...(value.overflow ? { overflow: true } : {}),
    holds: (childId) => childIds.includes(`,${childId},`),
    childIds: () => (childIds.length > 2 ? childIds.slice(1, -1).split(',') : []),
  };
}

function fromValue(value: EpicRollupValue): CachedEpic {
  return {
    epicId: value.epicId,
    projectId: value.projectId,
    syncedAt: value.syncedAt,
    version: value.version,
    children: (value.children ?? []).map(fromTuple),
    ...(value.overflow ? { overflow: true } : {}),
  };
}

function toMarker(value: RollupSyncValue): SyncMarker {
  return {
    projectId: value.projectId,
    syncedAt: value.syncedAt,
    fullSyncAt: value.fullSyncAt,
    setup: value.setup,
    ...(value.pointsFieldId ? { pointsFieldId: value.pointsFieldId } : {}),
    ...(value.sprintFieldId ? { sprintFieldId: value.sprintFieldId } : {}),
    ...(value.summarySplits?.length ? { summarySplits: value.summarySplits } : {}),
  };
}

const isConflict = (error: unknown): boolean =>
  error instanceof ForgeKvsAPIError && (error.code === 'CONDITIONAL_CHECK_FAILED' || error.responseDetails.status === 409);

export function kvsRollupStore(): RollupStore {
  const epics = kvs.entity<EpicRollupValue>(rollupEntityNames.epic);
  const summaries = kvs.entity<EpicSummaryValue>(rollupEntityNames.epic);
  const syncs = kvs.entity<RollupSyncValue>(rollupEntityNames.sync);

  type Range = { from?: string; to?: string };
  const summaryPage = (projectId: string, cursor: string | undefined, range: Range = {}) => {
    let query = summaries.query().index('summaries', { partition: [projectId] }).limit(queryPage);
    if (range.from !== undefined && range.to !== undefined) query = query.where(WhereConditions.between(range.from, range.to));
    else if (range.from !== undefined) query = query.where(WhereConditions.greaterThanEqualTo(range.from));
    return (cursor ? query.cursor(cursor) : query).getMany();
  };
  type Page = Awaited<ReturnType<typeof summaryPage>>;

  /** The pages after `first` while `more` says so, each read after the one before it (a cursor names the next). */
  async function pagesFrom(projectId: string, first: Page, range: Range, found: Map<string, EpicSummary>, more: (page: Page) => boolean = () => true): Promise<void> {
    let page = first;
    for (;;) {
      for (const row of page.results) found.set(row.value.epicId, fromSummaryValue(row.value));
      if (!page.nextCursor || !more(page)) return;
      page = await summaryPage(projectId, page.nextCursor, range);
    }
  }

  /**
   * The first page (read already) continued up to the first split, and each range from a split to
   * the next at once: a 1,000-epic project in 2 round trips, not 10. Ranges share their bounds
   * (`between` is inclusive): the map keeps one of each.
   */
  async function summariesFrom(projectId: string, first: Page, splits: readonly string[] = []): Promise<Map<string, EpicSummary>> {
    const found = new Map<string, EpicSummary>();
    const firstSplit = splits[0];
    const beforeFirstSplit = (page: Page) => firstSplit === undefined || (page.results.at(-1)?.value.epicId ?? '') < firstSplit;
    await Promise.all([
      pagesFrom(projectId, first, {}, found, beforeFirstSplit),
      ...splits.map(async (from, i) => {
        const range: Range = { from, ...(splits[i + 1] !== undefined ? { to: splits[i + 1] } : {}) };
        await pagesFrom(projectId, await summaryPage(projectId, undefined, range), range, found);
      }),
    ]);
    return found;
  }

  async function readSummariesOf(projectId: string): Promise<Map<string, EpicSummary>> {
    return summariesFrom(projectId, await summaryPage(projectId, undefined));
  }

  async function readAllOfProject(projectId: string): Promise<Map<string, CachedEpic>> {
    const found = new Map<string, CachedEpic>();
    let cursor: string | undefined;
    do {
      let query = epics.query().index('by-project', { partition: [projectId] }).limit(queryPage);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const row of page.results) found.set(row.key, fromValue(row.value));
      cursor = page.nextCursor;
    } while (cursor);
    return found;
  }

  /** Puts facts and summaries of the epics in one transaction: whoever writes last, the two agree. */
  async function putTogether(batch: readonly CachedEpic[]): Promise<void> {
    const transaction = kvs.transact();
    for (const epic of batch) {
      const facts = toValue(epic, epic.version + 1);
      transaction.set(epic.epicId, facts, { entityName: rollupEntityNames.epic });
      transaction.set(summaryKey(epic.epicId), toSummaryValue(epic, facts), { entityName: rollupEntityNames.epic });
    }
    await transaction.execute();
  }

  /** Writes the records in one transaction, each only over the version read; false when any had moved on. */
  async function updateTogether(batch: readonly CachedEpic[]): Promise<boolean> {
    const transaction = kvs.transact();
    for (const epic of batch) {
      const facts = toValue(epic, epic.version + 1);
      transaction.set(epic.epicId, facts, {
        entityName: rollupEntityNames.epic,
        conditions: new Filter<EpicRollupValue>().and('version', FilterConditions.equalTo(epic.version)),
      });
      // The facts' condition covers the summary: they are only ever written together.
      transaction.set(summaryKey(epic.epicId), toSummaryValue(epic, facts), { entityName: rollupEntityNames.epic });
    }
    try {
      await transaction.execute();
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  return {
    async readProject(projectId) {
      const [sync, records] = await Promise.all([syncs.get(rollupSyncKey(projectId)), readAllOfProject(projectId)]);
      return { ...(sync?.facts === factsFormat ? { sync: toMarker(sync) } : {}), epics: records };
    },

    async readSummaries(projectId) {
      const [sync, records] = await Promise.all([syncs.get(rollupSyncKey(projectId)), readSummariesOf(projectId)]);
      return { ...(sync?.facts === factsFormat ? { sync: toMarker(sync) } : {}), epics: records };
    },

    async readSummariesInStages(projectId) {
      const [sync, first] = await Promise.all([syncs.get(rollupSyncKey(projectId)), summaryPage(projectId, undefined)]);
      const epics = summariesFrom(projectId, first, sync?.facts === factsFormat ? sync.summarySplits : undefined);
      // Awaited by the caller after its delta search is sent; a failure meanwhile must not go unobserved.
      epics.catch(() => undefined);
      return { ...(sync?.facts === factsFormat ? { sync: toMarker(sync) } : {}), any: first.results.length > 0, epics };
    },

    async readSync(projectId) {
      const sync = await syncs.get(rollupSyncKey(projectId));
      return sync?.facts === factsFormat ? toMarker(sync) : undefined;
    },

    async readEpics(epicIds) {
      const found = new Map<string, CachedEpic>();
      for (const batch of inBatches([...new Set(epicIds)], batchLimit)) {
        const result = await kvs.batchGet<EpicRollupValue>(batch.map((key) => ({ key, entityName: rollupEntityNames.epic })));
        for (const item of result.successfulKeys) if (item.value) found.set(item.key, fromValue(item.value));
      }
      return found;
    },

    async writeEpics({ put = [], update = [], remove = [] }) {
      // Fresh crawls: 12 epics' facts and summaries a transaction, a few transactions at once. Each
      // value is bounded (`maxChildrenBytes`; ids of at most ~8,000 children), 12 pairs stay under
      // the 4 MB a transaction may carry; a refusal (quota, outage) throws, so a crawl retries.
      await mapWithConcurrency(inBatches(put, epicsPerTransaction), writeConcurrency, (batch) => putTogether(batch));
      // Incremental changes, only over the versions read: 12 epics a transaction; when one of them
      // had moved on, the transaction is retried epic by epic so the others still land.
      const conflicts: string[] = [];
      await mapWithConcurrency(inBatches(update, epicsPerTransaction), writeConcurrency, async (batch) => {
        if (await updateTogether(batch)) return;
        for (const epic of batch) if (!(await updateTogether([epic]))) conflicts.push(epic.epicId);
      });
      await mapWithConcurrency(inBatches([...new Set(remove)], epicsPerTransaction), writeConcurrency, (batch) =>
        kvs.batchDelete(batch.flatMap((key) => [key, summaryKey(key)]).map((key) => ({ key, entityName: rollupEntityNames.epic }))),
      );
      return { conflicts };
    },

    async writeSync(marker) {
      const value: RollupSyncValue = {
        facts: factsFormat,
        projectId: marker.projectId,
        syncedAt: marker.syncedAt,
        fullSyncAt: marker.fullSyncAt,
        setup: marker.setup,
        ...(marker.pointsFieldId ? { pointsFieldId: marker.pointsFieldId } : {}),
        ...(marker.sprintFieldId ? { sprintFieldId: marker.sprintFieldId } : {}),
        ...(marker.summarySplits?.length ? { summarySplits: marker.summarySplits } : {}),
      };
      await syncs.set(rollupSyncKey(marker.projectId), value);
    },

    readOverride: loadStoryPointOverride,
  };
}
