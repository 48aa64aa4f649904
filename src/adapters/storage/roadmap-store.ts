/**
 * Roadmap items and the project's roadmap setup. Items are one record each (a move rewrites only
 * the moved item); the setup record holds the lanes and the item count, and item creation and
 * deletion rewrite it on condition of its version, so the item limit holds exactly.
 */
import { randomUUID } from 'node:crypto';
import { kvs, WhereConditions } from '@forge/kvs';
import { entities, entityNames, queryPageSize } from './entities';
import { allRows } from './paging';
import { placeOf } from './record-places';
import { structuralAttempts } from './product-store';
import type { Keyed, RoadmapItemRecord, RoadmapLanesRecord, RoadmapSetupRecord } from './records';
import { commit, isAbsent, maxTransactionOperations, versionIs } from './writes';
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

// ── The board's version ─────────────────────────────────────────────────────────────────────
// A roadmap loaded in pages must never show two boards at once (src/resolvers/roadmap/roadmap-pages.ts).
// Every write that changes what a page shows (an item created, edited, moved or deleted, the lanes,
// epic links) also rewrites the board's version, in its own transaction: a page reads it with one
// get to know the board is still the one its first page was cut from. A fresh random token, not a
// counter, so it needs no condition: concurrent writers never conflict on it, and no two writes
// ever leave the same token behind.

const boardVersionKey = (projectId: string): string => `roadmap-board.${projectId}`;

interface BoardVersionRecord {
  token: string;
}

/** What the board's version adds to a transaction (callers that count their operations add it). */
export const boardVersionOperations = 1;

/** The board's current version; null before its first write since versions were kept. */
export async function boardVersionOf(projectId: string): Promise<string | null> {
  return (await kvs.get<BoardVersionRecord>(boardVersionKey(projectId)))?.token ?? null;
}

/** Marks the board changed, in the transaction of the change. Each transaction stages it once. */
export function stageBoardChange(transaction: Transaction, projectId: string): void {
  transaction.set<BoardVersionRecord>(boardVersionKey(projectId), { token: randomUUID() });
}

/**
 * Marks the board changed on its own, for writers that cannot put it in their transaction (an
 * import runs many): they mark it before and after, so a load overlapping them is refused.
 */
export async function markBoardChanged(projectId: string): Promise<void> {
  await kvs.set<BoardVersionRecord>(boardVersionKey(projectId), { token: randomUUID() });
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
      stageBoardChange(transaction, options.item.projectId);
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
    stageBoardChange(transaction, item.projectId);
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
      stageBoardChange(transaction, options.projectId);
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
  const outcome = await commit((transaction) => {
    transaction.set(
      placeOf('roadmap-lanes', options.projectId).key,
      { ...next, version: baseVersion + 1 },
      { entityName: placeOf('roadmap-lanes', options.projectId).entityName, conditions: baseVersion === 0 ? isAbsent() : versionIs(baseVersion) },
    );
    stageBoardChange(transaction, options.projectId);
  });
  return { outcome, lanes: outcome === 'committed' ? { ...next, version: baseVersion + 1 } : await loadLanes(options.projectId) };
}

// ── A load's further pages ──────────────────────────────────────────────────────────────────
// The first page of a big board is cut from the whole view (src/resolvers/roadmap/roadmap-pages.ts);
// the further pages' items as that view computed them (epics, delivery, check-ins, evidence:
// everything that came from Jira and the rest of storage), less their texts, are kept here for
// them, so a page reads only its own items' records, for their texts. Plain keys with a time to
// live: a load is paged within minutes, and nothing needs deleting afterwards
// (TTL: https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-basic-api/).

/** An item of a page as its view was computed, less the texts its record holds. */
export type PageEntry = { id: string; version: number } & Record<string, unknown>;

/** What a page says about itself, in its first part. */
export interface PageHead {
  projectId: string;
  /** The viewer the page was computed for: their epics, their calendar. */
  accountId: string;
  /** The board's version when the first page was cut (`boardVersionOf`). */
  boardVersion: string | null;
  offset: number;
  total: number;
  /** How many parts the page is stored in. */
  parts: number;
  /** First and last rank of each run of at most `queryPageSize` items: one storage query each. */
  runs: Array<[first: string, last: string]>;
  /** The next page's part count; absent on the last page. */
  nextParts?: number;
}

export interface PagePart {
  head?: PageHead;
  entries: PageEntry[];
}

/** Forge values are at most 240 KiB; a part stays well under. */
export const pagePartBytes = 200_000;
/** A page is read in one batch get (at most 25 keys). */
export const maxPageParts = maxTransactionOperations;
const batchBytes = 3_500_000;
const pagesTtl = { value: 1, unit: 'HOURS' } as const;

const pagePartKey = (loadId: string, page: number, part: number): string => `roadmap-page.${loadId}.${page}.${part}`;

export const newLoadId = (): string => randomUUID();

/**
 * Stores a load's further pages, part by part, in batches within Forge's 25 keys and 4 MB.
 * `bytes`: each part's size as the caller measured it (JSON, UTF-8), so it is not serialised twice.
 */
export async function savePageParts(loadId: string, parts: ReadonlyArray<{ page: number; part: number; value: PagePart; bytes: number }>): Promise<void> {
  const batches: Array<Array<{ key: string; value: PagePart; options: { ttl: typeof pagesTtl } }>> = [];
  let bytes = 0;
  for (const { page, part, value, bytes: size } of parts) {
    const last = batches.at(-1);
    if (!last || last.length >= maxTransactionOperations || bytes + size > batchBytes) {
      batches.push([]);
      bytes = 0;
    }
    batches.at(-1)!.push({ key: pagePartKey(loadId, page, part), value, options: { ttl: pagesTtl } });
    bytes += size;
  }
  const results = await Promise.all(batches.map((batch) => kvs.batchSet(batch)));
  const failed = results.flatMap((result) => result.failedKeys);
  if (failed.length > 0) throw new Error(`Storing the roadmap's pages failed: ${failed.map((entry) => `${entry.key} ${entry.error.code}`).join(', ')}`);
}

/** A page's parts, in order; undefined where one is missing (expired, or never stored). */
export async function pageParts(loadId: string, page: number, parts: number): Promise<Array<PagePart | undefined>> {
  const keys = Array.from({ length: parts }, (_, part) => pagePartKey(loadId, page, part));
  const { successfulKeys } = await kvs.batchGet<PagePart>(keys.map((key) => ({ key })));
  const byKey = new Map(successfulKeys.map((entry) => [entry.key, entry.value]));
  return keys.map((key) => byKey.get(key));
}

/** The project's items ranked from `first` to `last` (both included), in rank order. */
export async function itemsRankedBetween(projectId: string, first: string, last: string): Promise<Array<Keyed<RoadmapItemRecord>>> {
  return allRows((cursor) => {
    const query = entities.roadmapItem
      .query()
      .index('by-project', { partition: [projectId] })
      .where(WhereConditions.between(first, last))
      .limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}
