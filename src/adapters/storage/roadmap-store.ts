/**
 * Roadmap items and the project's roadmap setup. Items are one record each (a move rewrites only
 * the moved item); the setup record holds the lanes and the item count, and item creation and
 * deletion rewrite it on condition of its version, so the item limit holds exactly.
 */
import { entities, entityNames, queryPageSize } from './entities';
import { allRows } from './paging';
import { placeOf } from './record-places';
import { structuralAttempts } from './product-store';
import type { Keyed, RoadmapItemRecord, RoadmapLanesRecord, RoadmapSetupRecord } from './records';
import { commit, isAbsent, versionIs } from './writes';
import type { Commit } from './writes';

/** Every item of the project, in rank order (the index's range). */
export async function itemsOfProject(projectId: string): Promise<Array<Keyed<RoadmapItemRecord>>> {
  return allRows((cursor) => {
    const query = entities.roadmapItem.query().index('by-project', { partition: [projectId] }).limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}

/** The item, if it exists and belongs to this project; another project's item reads as missing. */
export async function itemOf(projectId: string, id: string): Promise<Keyed<RoadmapItemRecord> | undefined> {
  const item = await entities.roadmapItem.get(id);
  return item?.projectId === projectId ? { ...item, id } : undefined;
}

async function loadRoadmapSetup(projectId: string, now: string): Promise<RoadmapSetupRecord> {
  const stored = await entities.roadmapSetup.get(projectId);
  return stored ?? { projectId, itemCount: 0, version: 0, updatedAt: now };
}

/** The lanes as stored, or the default (goal lanes, version 0) before the project's first change. */
export async function loadLanes(projectId: string): Promise<RoadmapLanesRecord> {
  const stored = await entities.roadmapLanes.get(placeOf('roadmap-lanes', projectId).key);
  return stored ?? { projectId, laneMode: 'goals', lanes: [], version: 0, updatedAt: '', updatedBy: '' };
}

export type Transaction = Parameters<Parameters<typeof commit>[0]>[0];

function writeSetup(transaction: Transaction, read: RoadmapSetupRecord, next: Omit<RoadmapSetupRecord, 'version'>): void {
  transaction.set(
    read.projectId,
    { ...next, version: read.version + 1 },
    { entityName: entityNames.roadmapSetup, conditions: read.version === 0 ? isAbsent() : versionIs(read.version) },
  );
}

export type ItemCreation = 'committed' | 'limit-reached' | 'conflict';

/** Adds an item unless the roadmap already has `maxItems`; retries when only the count moved on. */
export async function createItem(options: { id: string; item: RoadmapItemRecord; maxItems: number; now: string }): Promise<ItemCreation> {
  for (let attempt = 0; attempt < structuralAttempts; attempt += 1) {
    const setup = await loadRoadmapSetup(options.item.projectId, options.now);
    if (setup.itemCount >= options.maxItems) return 'limit-reached';
    const outcome = await commit((transaction) => {
      writeSetup(transaction, setup, { ...setup, itemCount: setup.itemCount + 1, updatedAt: options.now });
      transaction.set(options.id, options.item, { entityName: entityNames.roadmapItem, conditions: isAbsent() });
    });
    if (outcome === 'committed') return outcome;
  }
  return 'conflict';
}

/**
 * Replaces an item (content or placement); it must still be at `baseVersion`. `alsoStage` adds
 * writes that must land with it or not at all (the intent to update its epics' links).
 */
export function replaceItem(id: string, item: RoadmapItemRecord, baseVersion: number, alsoStage?: (transaction: Transaction) => void): Promise<Commit> {
  return commit((transaction) => {
    transaction.set(id, item, { entityName: entityNames.roadmapItem, conditions: versionIs(baseVersion) });
    alsoStage?.(transaction);
  });
}

/** Deletes an item still at `baseVersion`, and counts it out of the setup, in one transaction. */
export async function deleteItem(options: { projectId: string; id: string; baseVersion: number; now: string; alsoStage?: (transaction: Transaction) => void }): Promise<Commit> {
  for (let attempt = 0; attempt < structuralAttempts; attempt += 1) {
    const setup = await loadRoadmapSetup(options.projectId, options.now);
    const outcome = await commit((transaction) => {
      writeSetup(transaction, setup, { ...setup, itemCount: Math.max(0, setup.itemCount - 1), updatedAt: options.now });
      transaction.delete(options.id, { entityName: entityNames.roadmapItem, conditions: versionIs(options.baseVersion) });
      options.alsoStage?.(transaction);
    });
    if (outcome === 'committed') return outcome;
    // Only retry when the item is still as the caller saw it: then the setup moved on, not the item.
    const item = await itemOf(options.projectId, options.id);
    if (!item || item.version !== options.baseVersion) return 'conflict';
  }
  return 'conflict';
}

/** Replaces the lanes, if they are still at `baseVersion` (0: never saved); else the current ones. */
export async function saveLanes(options: Omit<RoadmapLanesRecord, 'version'> & { baseVersion: number }): Promise<{ outcome: Commit; lanes: RoadmapLanesRecord }> {
  const { baseVersion, ...next } = options;
  const outcome = await commit((transaction) =>
    transaction.set(
      placeOf('roadmap-lanes', options.projectId).key,
      { ...next, version: baseVersion + 1 },
      { entityName: placeOf('roadmap-lanes', options.projectId).entityName, conditions: baseVersion === 0 ? isAbsent() : versionIs(baseVersion) },
    ),
  );
  return { outcome, lanes: outcome === 'committed' ? { ...next, version: baseVersion + 1 } : await loadLanes(options.projectId) };
}
