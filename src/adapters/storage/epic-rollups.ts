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
 * - one `rollup-sync` record per project, key `rollup-sync.<project id>` in `project-shape`: when the project's records were last
 *   synced (the next delta query starts there), when they were last crawled in full, and the field
 *   ids the facts were read with (story points, sprint) plus what chose them, so a warm load asks
 *   Jira nothing but the delta.
 * Invariant: every `epic-rollup` record of a project reflects Jira as of its project's `syncedAt`.
 *
 * The cache is shared by everyone who opens the project: see `loadEpicRollups` for who may see it.
 */
import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';
import type { ChildFact } from '../../domain/delivery';
import type { StatusCategory } from '../../domain/model';
import type { EstimationSetup } from '../jira/story-points';
import { inBatches, mapWithConcurrency } from '../concurrency';
import { loadStoryPointOverride } from './story-point-setting';
import { placeOf } from './record-places';
import type { StoryPointOverride } from './story-point-setting';

export const rollupEntityNames = { epic: 'epic-rollup', sync: placeOf('rollup-sync', '').entityName } as const;
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
 * The facts' format: 2 since children carry their fix versions. A sync record of another format
 * reads as none, so the project's next load crawls its epics afresh once (an incremental sync would
 * only bring the versions of children that changed).
 */
export const factsFormat = 2;

interface RollupSyncValue {
  facts?: number;
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
}

export interface CachedProject {
  sync?: SyncMarker;
  /** Every record of the project, by epic id. */
  epics: Map<string, CachedEpic>;
}

/** The storage side of the roll-up cache; `kvsRollupStore` is the real one. */
export interface RollupStore {
  readProject(projectId: string): Promise<CachedProject>;
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
const writeConcurrency = 4;
const queryPage = 100;

function toValue(epic: CachedEpic, version: number): EpicRollupValue {
  const base = { projectId: epic.projectId, epicId: epic.epicId, syncedAt: epic.syncedAt, version, childCount: epic.children.length };
  const children = epic.children.map(toTuple);
  if (epic.overflow || JSON.stringify(children).length > maxChildrenBytes) return { ...base, overflow: true };
  return { ...base, children };
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
  };
}

const isConflict = (error: unknown): boolean =>
  error instanceof ForgeKvsAPIError && (error.code === 'CONDITIONAL_CHECK_FAILED' || error.responseDetails.status === 409);

export function kvsRollupStore(): RollupStore {
  const epics = kvs.entity<EpicRollupValue>(rollupEntityNames.epic);
  const syncs = kvs.entity<RollupSyncValue>(rollupEntityNames.sync);

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

  /** Writes the records in one transaction, each only over the version read; false when any had moved on. */
  async function updateTogether(batch: readonly CachedEpic[]): Promise<boolean> {
    const transaction = kvs.transact();
    for (const epic of batch) {
      transaction.set(epic.epicId, toValue(epic, epic.version + 1), {
        entityName: rollupEntityNames.epic,
        conditions: new Filter<EpicRollupValue>().and('version', FilterConditions.equalTo(epic.version)),
      });
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
      // Fresh crawls: batched sets of up to 25 records, a few batches at once.
      await mapWithConcurrency(inBatches(put, batchLimit), writeConcurrency, async (batch) => {
        const result = await kvs.batchSet(batch.map((epic) => ({ key: epic.epicId, entityName: rollupEntityNames.epic, value: toValue(epic, epic.version + 1) })));
        if (result.failedKeys.length > 0) {
          // A record that failed to store is simply not cached: the next load crawls that epic again.
          await kvs.batchDelete(result.failedKeys.map((failed) => ({ key: failed.key, entityName: rollupEntityNames.epic })));
        }
      });
      // Incremental changes, only over the versions read: 25 records a transaction; when one of them
      // had moved on, the transaction is retried record by record so the others still land.
      const conflicts: string[] = [];
      await mapWithConcurrency(inBatches(update, batchLimit), writeConcurrency, async (batch) => {
        if (await updateTogether(batch)) return;
        for (const epic of batch) if (!(await updateTogether([epic]))) conflicts.push(epic.epicId);
      });
      await mapWithConcurrency(inBatches([...new Set(remove)], batchLimit), writeConcurrency, (batch) =>
        kvs.batchDelete(batch.map((key) => ({ key, entityName: rollupEntityNames.epic }))),
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
      };
      await syncs.set(rollupSyncKey(marker.projectId), value);
    },

    readOverride: loadStoryPointOverride,
  };
}
