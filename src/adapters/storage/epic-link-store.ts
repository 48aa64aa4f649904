/**
 * Epic links in storage: the source of truth (src/domain/link-sync.ts). One `epic-link` record per
 * epic that was ever linked through the app (key = epic id), replaced only over the version read,
 * so two people linking the same epic at once either both land, one after the other, or one gets a
 * conflict: never a lost link. One `link-sync` record per change still to be carried to the epics'
 * properties (key = a fresh id): the durable intent, written in the same transaction as the change,
 * removed once every epic it names agrees with storage.
 */
import { kvs } from '@forge/kvs';
import type { LinkSyncState } from '../../domain/link-sync';
import { queryPageSize } from './entities';
import { allRows } from './paging';
import type { Keyed } from './records';
import { boardVersionOperations, stageBoardChange } from './roadmap-store';
import { commit, isAbsent, maxTransactionOperations, versionIs } from './writes';
import type { Commit } from './writes';

export interface EpicLinkRecord {
  projectId: string;
  directGoalIds: string[];
  roadmapItemIds: string[];
  version: number;
  updatedAt: string;
}

/** Why the epics' properties must be written again. */
export type LinkSyncReason = 'link' | 'goal-change' | 'item-deleted' | 'goal-deleted' | 'rebuild';

export interface LinkSyncRecord {
  projectId: string;
  /** Epics whose property may not agree with storage yet. */
  epicIds: string[];
  /** Epics whose property Jira refused to let the app write (403/404 as the app): kept to show, not retried. */
  refusedEpicIds?: string[];
  reason: LinkSyncReason;
  createdAt: string;
  updatedAt: string;
  attempts: number;
  version: number;
}

export const linkEntityNames = { epicLink: 'epic-link', linkSync: 'link-sync' } as const;

const epicLinks = kvs.entity<EpicLinkRecord>(linkEntityNames.epicLink);
const linkSyncs = kvs.entity<LinkSyncRecord>(linkEntityNames.linkSync);

type Transaction = Parameters<Parameters<typeof commit>[0]>[0];

/** The stored links of these epics (absent: never linked through the app). Another project's record reads as absent. */
export async function storedLinksOf(projectId: string, epicIds: readonly string[]): Promise<Map<string, EpicLinkRecord>> {
  const found = await Promise.all([...new Set(epicIds)].map(async (epicId) => [epicId, await epicLinks.get(epicId)] as const));
  return new Map(found.filter((entry): entry is readonly [string, EpicLinkRecord] => entry[1]?.projectId === projectId));
}

/** Every stored epic link of the project. */
export async function storedLinksOfProject(projectId: string): Promise<Array<Keyed<EpicLinkRecord>>> {
  return allRows((cursor) => {
    const query = epicLinks.query().index('by-project', { partition: [projectId] }).limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}

/** The project's changes still to be carried to Jira. */
export async function openLinkSyncs(projectId: string): Promise<Array<Keyed<LinkSyncRecord>>> {
  return allRows((cursor) => {
    const query = linkSyncs.query().index('by-project', { partition: [projectId] }).limit(queryPageSize);
    return (cursor ? query.cursor(cursor) : query).getMany();
  });
}

export async function linkSyncOf(id: string): Promise<LinkSyncRecord | undefined> {
  return linkSyncs.get(id);
}

/** Marks an intent as handed to the queue again (over the version read: one reader re-pushes, not all). */
export function touchLinkSync(id: string, read: LinkSyncRecord, now: string): Promise<Commit> {
  return commit((transaction) =>
    transaction.set(id, { ...read, updatedAt: now, version: read.version + 1 }, { entityName: linkEntityNames.linkSync, conditions: versionIs(read.version) }),
  );
}

/** Puts an intent's refused epics back to be tried again (an admin's rebuild: permissions may have changed). */
export function retryRefused(id: string, read: LinkSyncRecord, now: string): Promise<Commit> {
  const { refusedEpicIds = [], ...rest } = read;
  return commit((transaction) =>
    transaction.set(
      id,
      { ...rest, epicIds: [...new Set([...read.epicIds, ...refusedEpicIds])], updatedAt: now, version: read.version + 1 },
      { entityName: linkEntityNames.linkSync, conditions: versionIs(read.version) },
    ),
  );
}

/** Epic id → how its link stands, for every epic an open change of the project names. */
export function syncStates(syncs: ReadonlyArray<LinkSyncRecord>): Map<string, LinkSyncState> {
  const states = new Map<string, LinkSyncState>();
  for (const sync of syncs) {
    for (const epicId of sync.refusedEpicIds ?? []) states.set(epicId, 'refused');
    for (const epicId of sync.epicIds) states.set(epicId, 'pending');
  }
  return states;
}

/** Stores links read from an epic's property, unless the epic has a record already (then that one stands). */
export function adoptLinks(epicId: string, record: EpicLinkRecord): Promise<Commit> {
  return commit((transaction) => transaction.set(epicId, record, { entityName: linkEntityNames.epicLink, conditions: isAbsent() }));
}

/** An epic's links as they will be stored, over the version read (undefined: there was no record). */
export interface LinkWrite {
  epicId: string;
  read: number | undefined;
  next: EpicLinkRecord;
}

/** The intent a change records in its own transaction: its id and the epics it touches. */
export interface LinkIntent {
  id: string;
  record: LinkSyncRecord;
}

/**
 * Room left in one transaction for epic records, beside the intent and one record of the change
 * itself, or the intent and the change's feed entries (at most 3: linked, unlinked, one more), and
 * the roadmap board's version (src/adapters/storage/roadmap-store.ts `stageBoardChange`).
 */
export const linkWritesPerTransaction = maxTransactionOperations - 4 - boardVersionOperations;

/** Stages the intent and the epics' records in a transaction the caller commits (with its own change). */
export function stageLinkChange(transaction: Transaction, intent: LinkIntent, writes: readonly LinkWrite[]): void {
  if (writes.length > linkWritesPerTransaction) throw new Error(`At most ${linkWritesPerTransaction} epic records per transaction, got ${writes.length}`);
  for (const write of writes) {
    transaction.set(write.epicId, write.next, {
      entityName: linkEntityNames.epicLink,
      conditions: write.read === undefined ? isAbsent() : versionIs(write.read),
    });
  }
  transaction.set(intent.id, intent.record, { entityName: linkEntityNames.linkSync, conditions: isAbsent() });
}

/** Stores the epics' new links and the intent to carry them to Jira, all or nothing; `alsoStage` adds the feed's entries. */
export function commitLinkChange(intent: LinkIntent, writes: readonly LinkWrite[], alsoStage?: (transaction: Transaction) => void): Promise<Commit> {
  return commit((transaction) => {
    stageLinkChange(transaction, intent, writes);
    // Items show the epics that serve them: a roadmap being paged must see the change.
    if (writes.length > 0) stageBoardChange(transaction, intent.record.projectId);
    alsoStage?.(transaction);
  });
}

/**
 * Records what a pass achieved: epics that agree now leave the intent, refused ones move to
 * `refusedEpicIds`; the intent goes once nothing is left to do. Over the version read: a pass that
 * raced another gives way (the other one recorded its own result).
 */
export async function settleLinkSync(
  id: string,
  read: LinkSyncRecord,
  outcome: { agreed: readonly string[]; refused: readonly string[]; now: string },
): Promise<Commit> {
  const done = new Set([...outcome.agreed, ...outcome.refused]);
  const epicIds = read.epicIds.filter((epicId) => !done.has(epicId));
  const refusedEpicIds = [...new Set([...(read.refusedEpicIds ?? []).filter((epicId) => !outcome.agreed.includes(epicId)), ...outcome.refused])];
  return commit((transaction) => {
    if (epicIds.length === 0 && refusedEpicIds.length === 0) {
      transaction.delete(id, { entityName: linkEntityNames.linkSync, conditions: versionIs(read.version) });
      return;
    }
    const next: LinkSyncRecord = {
      ...read,
      epicIds,
      ...(refusedEpicIds.length > 0 ? { refusedEpicIds } : {}),
      updatedAt: outcome.now,
      attempts: read.attempts + 1,
      version: read.version + 1,
    };
    if (refusedEpicIds.length === 0) delete next.refusedEpicIds;
    transaction.set(id, next, { entityName: linkEntityNames.linkSync, conditions: versionIs(read.version) });
  });
}
